package dev.stagger.gui.monitor.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.monitor.state.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A live chart on screen (headless Monocle): log axis, zoom while data arrives, the point under the mouse. */
@ExtendWith(ApplicationExtension.class)
class LiveChartTest {
    private final ObservableList<ChartPoint> residual = FXCollections.observableArrayList();
    private LiveChart chart;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("step", "residual", true, true);
        chart.add("r", residual);
        stage.setScene(new Scene(chart, 600, 400));
        stage.show();
    }

    /** A residual falling over 12 decades, with a zero and a negative value that no log axis can hold. */
    private static List<ChartPoint> falling(int from, int to) {
        List<ChartPoint> points = new ArrayList<>();
        for (int k = from; k < to; k++) {
            points.add(new ChartPoint(k, Math.pow(10, -12.0 * k / 1000)));
        }
        return points;
    }

    private void layout(FxRobot robot) {
        robot.interact(() -> {
            chart.applyCss();
            chart.layout();
        });
    }

    private List<String> yLabels() {
        return chart.yAxis().getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> ((Text) n).getText()).filter(t -> !t.isEmpty()).toList();
    }

    @Test
    void residualsOverTwelveDecadesAreLabelledInDecadesAndZerosAreLeftOutWithANote(FxRobot robot) {
        robot.interact(() -> {
            residual.addAll(falling(0, 1000));
            residual.add(new ChartPoint(1000, 0));
            residual.add(new ChartPoint(1001, -1e-3));
        });
        layout(robot);
        assertThat(chart.chart().getData().get(0).getData()).hasSize(1000);
        assertThat(chart.leftOutProperty().get()).isEqualTo(2);
        assertThat(chart.yAxis().getLowerBound()).isLessThan(-11.9);
        assertThat(chart.yAxis().getUpperBound()).isGreaterThan(0);
        assertThat(yLabels()).isNotEmpty().allMatch(l -> l.matches("1e-?\\d+"));
        assertThat(yLabels()).contains("1e0").containsAnyOf("1e-10", "1e-12", "1e-8");
        assertThat(robot.lookup(".live-chart-note").queryLabeled().getText()).startsWith("2 values ≤ 0 left out");
        assertThat(robot.lookup(".live-chart-note").queryLabeled().isVisible()).isTrue();

        // linear: every value shows, the note goes
        robot.interact(() -> chart.logProperty().set(false));
        layout(robot);
        assertThat(chart.chart().getData().get(0).getData()).hasSize(1002);
        assertThat(chart.leftOutProperty().get()).isZero();
        assertThat(chart.yAxis().getLowerBound()).isLessThan(-1e-3);
        assertThat(robot.lookup(".live-chart-note").queryLabeled().isVisible()).isFalse();
    }

    @Test
    void whileZoomedLiveDataDoesNotMoveTheViewAndADoubleClickFollowsAgain(FxRobot robot) {
        robot.interact(() -> residual.addAll(falling(0, 500)));
        layout(robot);
        double width = chart.xAxis().getWidth();
        double height = chart.yAxis().getHeight();
        robot.interact(() -> chart.zoomTo(width * 0.25, height * 0.25, width * 0.5, height * 0.5));
        layout(robot);
        double[] zoomed = bounds();
        assertThat(chart.viewport().following()).isFalse();
        assertThat(zoomed[1] - zoomed[0]).isLessThan(200);

        robot.interact(() -> residual.addAll(falling(500, 1000)));
        layout(robot);
        assertThat(bounds()).as("new points do not yank the view").containsExactly(zoomed);
        assertThat(chart.chart().getData().get(0).getData()).hasSize(1000);

        // the mouse on the plot: a wheel turn zooms further around it
        robot.interact(() -> chart.zoomAt(width / 2, height / 2, 0.5));
        layout(robot);
        assertThat(bounds()[1] - bounds()[0]).isCloseTo((zoomed[1] - zoomed[0]) / 2,
                org.assertj.core.api.Assertions.within(1e-6));

        // a double click on the plot: the whole run, up to its live end
        Node plot = chart.chart().lookup(".chart-plot-background");
        robot.doubleClickOn(plot);
        layout(robot);
        assertThat(chart.viewport().following()).isTrue();
        assertThat(chart.xAxis().getUpperBound()).isGreaterThan(999);
        robot.interact(() -> residual.addAll(falling(1000, 1200)));
        layout(robot);
        assertThat(chart.xAxis().getUpperBound()).as("following: the live end stays in view").isGreaterThan(1199);
    }

    @Test
    void panMovesTheViewWithTheMouse(FxRobot robot) {
        robot.interact(() -> residual.addAll(falling(0, 1000)));
        layout(robot);
        robot.interact(() -> chart.zoomTo(100, 50, 300, 200));
        layout(robot);
        double[] before = bounds();
        // dragging the content 50 pixels to the right shows what lay to its left
        robot.interact(() -> chart.pan(50, 0));
        layout(robot);
        double[] after = bounds();
        assertThat(after[0]).isLessThan(before[0]);
        assertThat(after[1] - after[0]).isCloseTo(before[1] - before[0], org.assertj.core.api.Assertions.within(1e-6));
        assertThat(after[2]).isEqualTo(before[2]);
    }

    @Test
    void hoveringReadsOutTheNearestPoint(FxRobot robot) {
        robot.interact(() -> residual.addAll(falling(0, 1000)));
        layout(robot);
        XYChart.Data<Number, Number> d = chart.chart().getData().get(0).getData().get(250);
        Point2D at = new Point2D(chart.xAxis().getDisplayPosition(d.getXValue()),
                chart.yAxis().getDisplayPosition(d.getYValue()));
        String[] text = new String[1];
        robot.interact(() -> text[0] = chart.hoverText(at));
        assertThat(text[0]).isEqualTo("step 250 · r = 0.001");
        robot.interact(() -> text[0] = chart.hoverText(new Point2D(at.getX(), at.getY() + 200)));
        assertThat(text[0]).as("nothing near").isNull();

        // and the mouse itself: a label appears next to the point
        Point2D screen = chart.xAxis().localToScreen(at.getX(), 0);
        Point2D screenY = chart.yAxis().localToScreen(0, at.getY());
        robot.moveTo(new Point2D(screen.getX(), screenY.getY()));
        assertThat(robot.lookup(".live-chart-hover").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup(".live-chart-hover").queryLabeled().getText()).startsWith("step 2");
    }

    private double[] bounds() {
        return new double[] {chart.xAxis().getLowerBound(), chart.xAxis().getUpperBound(),
                chart.yAxis().getLowerBound(), chart.yAxis().getUpperBound()};
    }
}
