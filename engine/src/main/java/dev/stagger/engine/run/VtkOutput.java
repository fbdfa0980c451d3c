package dev.stagger.engine.run;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.output.OutputNaming;
import dev.stagger.engine.output.VtkTimeSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Outputs as a VTK time series: one {@code .vti} per output step and a {@code .pvd} that lists them. */
public final class VtkOutput implements OutputSink {
    private final Grid grid;
    private final VtkTimeSeries series;

    public VtkOutput(Path directory, String name, Grid grid) throws IOException {
        Files.createDirectories(directory);
        this.grid = grid;
        this.series = new VtkTimeSeries(directory, new OutputNaming(name));
    }

    public Path pvdFile() {
        return series.pvdFile();
    }

    @Override
    public List<Path> write(long step, double time, List<Field> fields) throws IOException {
        return List.of(series.write(grid, fields, step, time), series.pvdFile());
    }
}
