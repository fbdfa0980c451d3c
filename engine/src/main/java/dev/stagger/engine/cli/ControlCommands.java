package dev.stagger.engine.cli;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.LiveClient;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagger pause|resume|stop|checkpoint RUN}: one control, the run's answer printed. */
final class ControlCommands {
    private ControlCommands() {}

    abstract static class Control implements Callable<Integer> {
        private static final long ANSWER_MILLIS = 120_000;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN", description = "the run's output folder (or endpoint file), or a cluster run id such as hpc1/diffusion-2d-20261129-1652-7f3a")
        String run;

        abstract Command command();

        @Override
        public Integer call() {
            try (LiveClient client = RunTarget.connect(run, spec.commandLine().getErr())) {
                if (client == null) {
                    return StaggerCli.EXIT_FAILED;
                }
                spec.commandLine().getOut().println(client.control(command(), ANSWER_MILLIS));
                return StaggerCli.EXIT_OK;
            } catch (IOException e) {
                spec.commandLine().getErr().println("stagger: " + e.getMessage());
                return StaggerCli.EXIT_FAILED;
            }
        }
    }

    @CommandLine.Command(name = "pause", description = "Pause a running run at its next step.")
    static final class Pause extends Control {
        @Override
        Command command() {
            return Command.PAUSE;
        }
    }

    @CommandLine.Command(name = "resume", description = "Resume a paused run.")
    static final class Resume extends Control {
        @Override
        Command command() {
            return Command.RESUME;
        }
    }

    @CommandLine.Command(name = "stop", description = "Stop a run gracefully: it writes its final output and ends.")
    static final class Stop extends Control {
        @Override
        Command command() {
            return Command.STOP;
        }
    }

    @CommandLine.Command(name = "checkpoint", description = "Write a checkpoint of a run now (at its next step).")
    static final class Checkpoint extends Control {
        @Override
        Command command() {
            return Command.CHECKPOINT;
        }
    }
}
