package dev.stagger.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.grid.Side;
import dev.stagger.engine.project.BoundaryKey;
import dev.stagger.engine.project.GridSpec;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Block geometry, expression previews and the stability figures, without the toolkit. */
class RankLayoutAndSamplerTest {

    @Test
    void unevenBlocksTakeTheRemainderFirst() {
        GridSpec grid = new GridSpec(new double[] {0, 0}, new double[] {10, 7}, new int[] {10, 7}, null, new int[] {3, 2});
        RankLayout layout = RankLayout.of(grid, 1);
        assertThat(layout.problem()).isNull();
        assertThat(layout.blocks()).hasSize(6);
        // x: 10 cells over 3 ranks -> 4, 3, 3; y: 7 over 2 -> 4, 3; row-major, last coordinate fastest
        assertThat(layout.blocks().get(0).cells()).containsExactly(4, 4);
        assertThat(layout.blocks().get(1).cells()).containsExactly(4, 3);
        assertThat(layout.blocks().get(1).low()).containsExactly(0, 4);
        assertThat(layout.blocks().get(5).offset()).containsExactly(7, 4);
        assertThat(layout.blocks().get(5).high()).containsExactly(10, 7);
    }

    @Test
    void autoRanksUseTheDimsCreateLayout() {
        GridSpec grid = new GridSpec(new double[] {-2, -2}, new double[] {4, 4}, new int[] {128, 128});
        RankLayout layout = RankLayout.of(grid, 4);
        assertThat(layout.ranksPerDim()).containsExactly(2, 2);
        assertThat(layout.auto()).isTrue();
        assertThat(layout.blocks().get(3).low()).containsExactly(0, 0);
        assertThat(layout.summary()).startsWith("2 × 2 = 4 ranks (auto");
    }

    @Test
    void aLayoutThatCannotSplitSaysWhy() {
        GridSpec grid = new GridSpec(new double[] {0}, new double[] {1}, new int[] {3}, null, new int[] {2});
        RankLayout layout = RankLayout.of(grid, 1);
        assertThat(layout.blocks()).isEmpty();
        assertThat(layout.problem()).contains("at least 2");
    }

    @Test
    void heatmapAndProfileOfExpressions() throws Exception {
        Project p = ProjectReader.read(Path.of("..", "sample-projects", "diffusion-2d.yaml")).project();
        ExpressionSampler.Bound b = ExpressionSampler.bind(p, "exp(-x^2 - y^2)");
        assertThat(b.ok()).isTrue();
        ExpressionSampler.Heatmap map = ExpressionSampler.heatmap(b.expression(), p.grid(), 128, Colormap.VIRIDIS);
        assertThat(map.argb()).hasSize(128 * 128);
        assertThat(map.max()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
        // the middle is the maximum, the corner the minimum
        assertThat(map.argb()[64 * 128 + 64]).isEqualTo(Colormap.VIRIDIS.argb(1.0 - 1e-9));

        ExpressionSampler.Bound side = ExpressionSampler.bind(p, "chi*y");
        ExpressionSampler.Profile profile = ExpressionSampler.along(side.expression(), p.grid(), new BoundaryKey(0, Side.LOW), 5);
        assertThat(profile.axis()).isEqualTo("y");
        assertThat(profile.coordinates()).containsExactly(-2, -1, 0, 1, 2);
        assertThat(profile.values()).containsExactly(-2, -1, 0, 1, 2);

        ExpressionSampler.Bound bad = ExpressionSampler.bind(p, "sin(pi*w)");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.column()).isEqualTo(8);
        assertThat(bad.error()).contains("unknown name 'w'").contains("column 8");
    }

    @Test
    void stabilityComparesTheStepWithTheLimit() throws Exception {
        ProjectDocument doc = ProjectDocument.open(Path.of("..", "sample-projects", "diffusion-2d.yaml"));
        ExpressionSampler.Stability auto = ExpressionSampler.stability(doc.project()).orElseThrow();
        double h = 4.0 / 128;
        assertThat(auto.limit()).isCloseTo(h * h / 1.0 / 2 / 2.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(auto.stable()).isTrue();
        doc.setDt(auto.limit() * 2);
        ExpressionSampler.Stability twice = ExpressionSampler.stability(doc.project()).orElseThrow();
        assertThat(twice.stable()).isFalse();
        assertThat(twice.ratio()).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-12));
        doc.setParameter("chi", -1);
        assertThat(ExpressionSampler.stability(doc.project())).isEmpty();
    }
}
