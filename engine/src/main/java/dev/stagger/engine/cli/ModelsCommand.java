package dev.stagger.engine.cli;

import dev.stagger.engine.grid.Location;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.ParameterSpec;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stagger models}: the models and their parameters, from the models' own descriptions. */
@Command(name = "models", description = "List the models with their parameters and fields.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Model model : Models.all()) {
            ModelDescription d = model.description();
            out.printf(Locale.ROOT, "%s — %s (%dD to %dD)%n", d.name(), d.title(), d.minDims(), d.maxDims());
            out.println("  " + d.summary());
            out.println("  stable time step: dt <= " + d.timeStepRule());
            out.println("  parameters:");
            out.printf(Locale.ROOT, "    %-10s %-8s %-10s %-12s %s%n", "name", "unit", "default", "range", "meaning");
            for (ParameterSpec p : d.parameters()) {
                out.printf(Locale.ROOT, "    %-10s %-8s %-10s %-12s %s%n", p.name(), p.unit(), p.defaultValue(),
                        p.rangeText(), p.help());
            }
            out.println("  fields (2D locations shown):");
            for (FieldDescription f : model.fields(Math.min(2, d.maxDims()))) {
                out.printf(Locale.ROOT, "    %-10s %-10s %-22s %s%n", f.name(), f.kind().name().toLowerCase(Locale.ROOT),
                        Arrays.toString(Arrays.stream(f.location()).map(Location::name).toArray()).toLowerCase(Locale.ROOT),
                        (f.prognostic() ? "needs initial and boundary conditions; " : "") + f.help());
            }
            out.println();
        }
        return StaggerCli.EXIT_OK;
    }
}
