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
import dev.stagger.engine.model.lang.catalogue.Equations;
import dev.stagger.engine.model.lang.check.Checker;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.model.lang.syntax.ModelException;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import dev.stagger.engine.project.Problem;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stagger models}: the models and their parameters, from the models' own descriptions, with
 * the equations of those written in the model language; {@code --file F} checks a model file and
 * prints it the same way, or its problems.
 */
@Command(name = "models", description = "List the models with their parameters, fields and equations;"
        + " with --file, check a model file.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", description = "a model file to check and print")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Model> models = Models.all();
        if (file != null) {
            try {
                models = List.of(new LangModel(Checker.check(ModelReader.read(file))));
            } catch (ModelException e) {
                PrintWriter err = spec.commandLine().getErr();
                for (Problem p : e.problems()) {
                    err.println(p);
                }
                err.println("stagger: the model file " + file + " has " + e.problems().size() + " problem"
                        + (e.problems().size() == 1 ? "" : "s"));
                err.flush();
                return StaggerCli.EXIT_USAGE;
            }
        }
        for (Model model : models) {
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
            if (model instanceof LangModel lang) {
                out.println("  equations (model language):");
                Equations.lines(lang.checked()).forEach(line -> out.println("    " + line));
            } else if (model instanceof dev.stagger.engine.model.lang.catalogue.DimensionFamily family) {
                out.println("  equations (model language; 2D shown, " + d.minDims() + "D to " + d.maxDims()
                        + "D alike):");
                Equations.lines(family.forDims(2).checked()).forEach(line -> out.println("    " + line));
            }
            out.println();
        }
        return StaggerCli.EXIT_OK;
    }
}
