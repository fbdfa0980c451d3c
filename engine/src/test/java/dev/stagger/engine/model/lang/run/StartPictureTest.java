package dev.stagger.engine.model.lang.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.Models;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a model that sets up its own state starts, drawn from its statements without running it. */
class StartPictureTest {
    private static LangModel model(String name) {
        return (LangModel) Models.find(name).orElseThrow();
    }

    @Test
    void stokesStartsWithItsHotInclusion() {
        // 20 cells over [-1, 1]: centres at ±0.05, ±0.15, ...; the inclusion has radius 0.1·lx = 0.2
        Grid grid = Grid.of(new double[] {-1, -1}, new double[] {2, 2}, new int[] {20, 20});
        StartPicture p = StartPicture.of(model("stokes-2d"), grid, Map.of("T0", 3.0)).orElseThrow();
        assertThat(p.field()).isEqualTo("T");
        assertThat(p.nx()).isEqualTo(20);
        assertThat(p.ny()).isEqualTo(20);
        assertThat(p.values()[10 * 20 + 10]).isEqualTo(3.0); // (0.05, 0.05): inside, the given T0
        assertThat(p.values()[0]).isEqualTo(0.1); // (-0.95, -0.95): the default Ta
        assertThat(p.values()[10 * 20 + 12]).isEqualTo(0.1); // (0.25, 0.05): just outside
    }

    @Test
    void theShallowIceStartsFromItsBedAndWavesHaveNothingOfTheirOwn() {
        Grid grid = Grid.of(new double[] {-1, -1}, new double[] {2, 2}, new int[] {40, 40});
        StartPicture bed = StartPicture.of(model("sia-2d"), grid, Map.of()).orElseThrow();
        // the bed's highest bump, 1.0·exp(0), is at (0, 0.5): centre (0.025, 0.525) is next to it
        double top = bed.values()[30 * 40 + 20];
        assertThat(top).isGreaterThan(0.9).isLessThan(1.1);
        assertThat(bed.values()[0]).isLessThan(0.1);
        // waves start from the project's P: every statement reads a field
        assertThat(StartPicture.of(model("waves-2d"), grid, Map.of())).isEmpty();
    }
}
