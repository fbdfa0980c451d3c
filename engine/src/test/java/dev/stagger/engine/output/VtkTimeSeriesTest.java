package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtkTimeSeriesTest {
    @TempDir
    Path dir;

    @Test
    void eachStepIsWrittenUnderItsNameAndListedInThePvd() throws Exception {
        Grid grid = Grid.of(new double[] {0}, new double[] {1}, new int[] {8});
        Field c = Field.create("C", grid, new Location[] {Location.CENTER}, 1, Precision.F32);
        VtkTimeSeries series = new VtkTimeSeries(dir, new OutputNaming("sia"));

        List<String> names = List.of("sia_000000.vti", "sia_000010.vti", "sia_000020.vti");
        for (int step = 0; step < 3; step++) {
            c.fill(step);
            Path written = series.write(grid, List.of(c), 10L * step, 0.5 * step);
            assertThat(written).isEqualTo(dir.resolve(names.get(step)));
        }

        assertThat(series.pvdFile()).isEqualTo(dir.resolve("sia.pvd"));
        String pvd = Files.readString(series.pvdFile());
        assertThat(pvd).contains("timestep=\"0.0\" group=\"\" part=\"0\" file=\"sia_000000.vti\"",
                "timestep=\"0.5\" group=\"\" part=\"0\" file=\"sia_000010.vti\"",
                "timestep=\"1.0\" group=\"\" part=\"0\" file=\"sia_000020.vti\"");
        VtiFile last = VtiReader.read(dir.resolve("sia_000020.vti"));
        assertThat(last.step()).hasValue(20);
        assertThat(last.time()).hasValue(1.0);
        assertThat(last.values("C")).containsOnly(2.0);
    }
}
