package dev.stagger.remote.cli;

import dev.stagger.remote.job.RunId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code CLUSTER/NAME} arguments, with a message that shows the form. */
final class RunIds implements ITypeConverter<RunId> {
    @Override
    public RunId convert(String value) {
        RunId id = RunId.parse(value);
        if (id == null) {
            throw new TypeConversionException("'" + value + "' is not a cluster run id (CLUSTER/NAME, as"
                    + " `stagger run --on` printed it; `stagger runs` lists them)");
        }
        return id;
    }
}
