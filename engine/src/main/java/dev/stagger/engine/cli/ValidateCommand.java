package dev.stagger.engine.cli;

import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.Problem;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.RankFit;
import dev.stagger.engine.project.RankMemory;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagger validate PROJECT}: every problem with its line, or a one-paragraph summary of the run. */
@Command(name = "validate", description = "Check a project file and summarise the run it describes.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "the project file (YAML)")
    Path project;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a project key by its dotted path")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedProject loaded = ProjectLoading.load(project, overrides, spec.commandLine().getErr());
        if (loaded == null) {
            return StaggerCli.EXIT_USAGE;
        }
        Project p = loaded.project();
        RunPlan plan = RunPlanner.plan(p, ProjectLoading.name(project), RunPlanner.RunOverrides.NONE);
        out.println(project + ": OK");
        out.println(RunDescription.of(plan));
        double stable = plan.model().stableTimeStep(plan.grid(), plan.parameters());
        out.printf(Locale.ROOT, "  time step %.6g (stable limit %.6g, %s)%n", plan.dt(), stable,
                plan.model().description().timeStepRule());
        if (p.grid().ranks() == null) {
            // ranks: auto leaves the rank count to the run; say now if one rank here would not do
            RankMemory memory = RankMemory.ofThisJava(plan.model().arraysPerRank(plan.grid().dims()),
                    plan.precision().bytes(), 1);
            for (Problem problem : new RankFit(plan.grid(), null).problems(1, memory, loaded.sourceMap())) {
                out.println("  note: " + problem.keyPath() + ": " + problem.message());
            }
        }
        return StaggerCli.EXIT_OK;
    }
}
