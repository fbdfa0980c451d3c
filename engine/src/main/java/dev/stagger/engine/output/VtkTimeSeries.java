package dev.stagger.engine.output;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The outputs of a single-rank run in one directory: one {@code <project>_<step>.vti} per output
 * step, listed in {@code <project>.pvd} as soon as it is complete. Runs on several ranks write
 * pieces and a .pvti per step instead and append the .pvti with {@link #appendWritten}.
 */
public final class VtkTimeSeries {
    private final Path directory;
    private final OutputNaming naming;
    private final PvdWriter pvd;

    public VtkTimeSeries(Path directory, OutputNaming naming) {
        this.directory = directory;
        this.naming = naming;
        this.pvd = new PvdWriter(directory.resolve(naming.pvd()));
    }

    public Path directory() {
        return directory;
    }

    public OutputNaming naming() {
        return naming;
    }

    public Path pvdFile() {
        return pvd.file();
    }

    /** After a restart at {@code time}: keeps the series' earlier entries. */
    public void resumeUpTo(double time) throws IOException {
        pvd.resumeUpTo(time);
    }

    /** Writes the step's .vti, then lists it in the .pvd; returns the .vti written. */
    public Path write(Grid grid, List<? extends Field> fields, long step, double time) throws IOException {
        Path vti = directory.resolve(naming.vti(step));
        VtkImageWriter.write(vti, grid, fields, step, time);
        pvd.append(time, vti);
        return vti;
    }

    /** Lists a data file written by other means (a step's .pvti) in the .pvd. */
    public void appendWritten(double time, Path file) throws IOException {
        pvd.append(time, file);
    }
}
