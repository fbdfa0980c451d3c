package dev.stagger.engine.cli;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.RunSummary;
import dev.stagger.engine.run.Simulation;
import dev.stagger.engine.run.VtkOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code stagger run PROJECT}: runs on this machine's cores, writes a VTK time series, prints a
 * progress bar and a summary. Ctrl-C stops after the current step and writes the state reached.
 */
@Command(name = "run", description = "Run a project on this machine and write its output as VTK (.vti + .pvd).")
final class RunCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the current step and the last output before the JVM goes. */
    private static final long STOP_GRACE_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "the project file (YAML)")
    Path project;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the project's, else all cores)")
    Integer threads;

    @Option(names = "--steps", paramLabel = "N", description = "number of steps, instead of the project's steps or end time")
    Long steps;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ./<project name>-output)")
    Path out;

    @Option(names = "--precision", paramLabel = "f32|f64", converter = PrecisionConverter.class,
            description = "floating-point precision of the fields")
    Precision precision;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a project key by its dotted path, e.g. --set model.parameters.chi=2 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, only the summary")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            err.println("stagger: --threads must be at least 1, got " + threads);
            return StaggerCli.EXIT_USAGE;
        }
        if (steps != null && steps < 1) {
            err.println("stagger: --steps must be at least 1, got " + steps);
            return StaggerCli.EXIT_USAGE;
        }
        LoadedProject loaded = ProjectLoading.load(project, overrides, err);
        if (loaded == null) {
            return StaggerCli.EXIT_USAGE;
        }
        String name = ProjectLoading.name(project);
        RunPlan plan = RunPlanner.plan(loaded.project(), name,
                new RunPlanner.RunOverrides(threads, steps, precision));
        Path outputDir = out != null ? out : Path.of(name + "-output");
        stdout.println("Running " + project);
        stdout.println(RunDescription.of(plan));
        stdout.flush();

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stagger-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Simulation simulation = new Simulation(plan); VtkOutput output = new VtkOutput(outputDir, name, plan.grid())) {
            ProgressPrinter progress = new ProgressPrinter(err, quiet || System.console() == null, quiet);
            RunSummary summary = simulation.run(output, progress, stop::get);
            progress.clear();
            stdout.println(summary.line());
            stdout.println("Output: " + output.pvdFile() + " (open it in ParaView)");
            stdout.flush();
            return summary.stoppedEarly() ? StaggerCli.EXIT_INTERRUPTED : StaggerCli.EXIT_OK;
        } catch (IOException e) {
            err.println("stagger: writing output to " + outputDir + " failed: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        } catch (OutOfMemoryError e) {
            err.println("stagger: out of memory for " + plan.grid() + "; give Java more (STAGGER_HEAP=16g ./stagger ...)"
                    + " or use fewer cells");
            return StaggerCli.EXIT_FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already exiting and the hook has done its job
            }
        }
    }

    static final class PrecisionConverter implements ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            Precision p = Precision.parse(value);
            if (p == null) {
                throw new TypeConversionException("expected f32 or f64, got '" + value + "'");
            }
            return p;
        }
    }
}
