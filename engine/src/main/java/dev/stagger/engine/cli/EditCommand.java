package dev.stagger.engine.cli;

import dev.stagger.engine.project.ProjectEdits;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.yaml.UserFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger edit PROJECT --set KEY=VALUE ...}: changes values of a project file in place, as
 * the workbench's save does (comments, key order and layout stay), so scripts can edit projects.
 * The result is checked like {@code validate}; an invalid one is refused and nothing is written.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, versionProvider = StaggerCli.Version.class, description = {"Change values of a project file in place, keeping its comments and layout.",
    "The changed project is checked first; if it has problems nothing is written."},
        footer = {"%nKEY is a dotted key path: grid.cells, parameters.chi (model.parameters.chi),",
            "fields.C.initial, fields.C.boundary.x-low.type, run.steps, output.every, ...",
            "VALUE is YAML on one line, as for run --set. Setting run.steps replaces",
            "run.end_time and the other way round. Missing keys are added where the format",
            "lists them.",
            "%nExamples:",
            "  stagger edit diffusion-2d.yaml --set grid.cells=[256,256] --set parameters.chi=0.5",
            "  stagger edit p.yaml --set 'fields.C.initial=exp(-x^2)'"})
final class EditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "the project file (YAML), changed in place")
    Path project;

    @Option(names = "--set", paramLabel = "KEY=VALUE", required = true,
            description = "a new value for a key, by its dotted path (repeatable)")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String notAFile = ProjectFileCheck.problem(project);
        if (notAFile != null) {
            err.println("stagger: " + project + ": " + notAFile);
            return StaggerCli.EXIT_USAGE;
        }
        UserFile.Snapshot snapshot;
        try {
            snapshot = UserFile.read(project);
        } catch (IOException e) {
            err.println("stagger: cannot read " + project + ": " + IoReason.of(e));
            return StaggerCli.EXIT_FAILED;
        }
        String source = project.getFileName() == null ? project.toString() : project.getFileName().toString();
        String changed;
        try {
            changed = ProjectEdits.applySets(snapshot.text(), source, sets);
        } catch (ProjectException e) {
            e.problems().forEach(err::println);
            err.println("stagger: " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + " with the changes to " + project + "; nothing was written");
            return StaggerCli.EXIT_USAGE;
        }
        if (changed.equals(snapshot.text())) {
            out.println(project + ": unchanged (the values were already so)");
            return StaggerCli.EXIT_OK;
        }
        try {
            if (snapshot.changedOnDisk()) {
                err.println("stagger: " + project + " changed on disk while it was being edited; nothing was written,"
                        + " run the command again");
                return StaggerCli.EXIT_FAILED;
            }
            UserFile.write(project, changed);
        } catch (IOException e) {
            err.println("stagger: " + IoReason.of(e) + "; the file is as it was");
            return StaggerCli.EXIT_FAILED;
        }
        out.println(project + ": changed " + String.join(", ", sets.stream().map(EditCommand::key).toList()));
        return StaggerCli.EXIT_OK;
    }

    private static String key(String set) {
        int eq = set.indexOf('=');
        return eq < 0 ? set : set.substring(0, eq).trim();
    }
}
