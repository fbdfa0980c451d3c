package dev.stagger.engine.run;

import dev.stagger.engine.field.Field;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a run's fields go at output steps (VTK files, later also checkpoints and previews). */
public interface OutputSink extends AutoCloseable {

    /** Writes the fields at this step; returns the files written. */
    List<Path> write(long step, double time, List<Field> fields) throws IOException;

    @Override
    default void close() throws IOException {}

    OutputSink NONE = (step, time, fields) -> List.of();
}
