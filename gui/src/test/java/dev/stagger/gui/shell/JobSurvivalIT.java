package dev.stagger.gui.shell;

import static dev.stagger.gui.testing.Waits.onUi;
import static dev.stagger.gui.testing.Waits.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Quit, keep MPI runs going": a workbench JVM ({@link SurvivingRunStarter}) starts a run on MPI
 * ranks and exits; the run goes on in a session of its own, and the next workbench finds it through
 * the job history, follows it and stops it.
 */
class JobSurvivalIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void anMpiRunOutlivesTheWorkbenchThatStartedItAndIsFoundAgain() throws Exception {
        Path project = tmp.resolve("diffusion-2d.yaml");
        Files.writeString(project, Files.readString(TestPrefs.samples().resolve("diffusion-2d.yaml"))
                .replace("steps: 100", "steps: 1000000000").replace("every: 20", "every: 0"));
        String node = "dev/stagger/test/survival-" + UUID.randomUUID();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path console = tmp.resolve("starter.log");
        Process starter = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", cp,
                SurvivingRunStarter.class.getName(), ROOT.resolve("stagger").toString(), project.toString(), node)
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        List<long[]> started = new ArrayList<>();
        ExecutorService background = Executors.newCachedThreadPool();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        Preferences prefs = null;
        try {
            assertThat(starter.waitFor(240, TimeUnit.SECONDS)).as("the first workbench quits").isTrue();
            String log = Files.readString(console);
            for (String line : log.split("\n")) {
                String[] w = line.trim().split(" ");
                if (w.length == 3 && w[0].equals("pid")) {
                    started.add(new long[] {Long.parseLong(w[1]), w[2].equals("-") ? 0 : Instant.parse(w[2]).toEpochMilli()});
                }
            }
            assertThat(starter.exitValue()).as(log).isZero();

            RunEndpoint endpoint = RunEndpoint.read(RunRequest.outputDirFor(project));
            ProcessHandle rank0 = ProcessHandle.of(endpoint.pid()).orElseThrow(
                    () -> new AssertionError("the run died with the workbench that started it:\n" + log));
            assertThat(rank0.isAlive()).isTrue();
            assertThat(session(endpoint.pid())).as("the run has a session of its own, away from the terminal's Ctrl-C")
                    .isNotEqualTo(session(ProcessHandle.current().pid()));

            prefs = Preferences.userRoot().node(node);
            prefs.sync();
            WorkbenchModel next = new WorkbenchModel(prefs, List.of(), background, ui);
            List<RunJob> found = onUi(ui, next::restoreJobs).get(60, TimeUnit.SECONDS);
            assertThat(found).singleElement().satisfies(j -> {
                assertThat(j.target()).isEqualTo("This computer, 2 MPI ranks");
                assertThat(j.outlivesWorkbench()).isTrue();
            });
            RunJob job = found.get(0);
            until(ui, () -> job.state() == RunState.RUNNING && job.client() != null, () -> job.messageProperty().get());
            assertThat(job.client().status().rankCount()).isEqualTo(2);

            onUi(ui, () -> {
                next.board().stop(job);
                return null;
            });
            until(ui, () -> job.state().isOver(), () -> job.messageProperty().get());
            assertThat(job.state()).as(job.messageProperty().get()).isEqualTo(RunState.STOPPED);
            assertThat(rank0.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            background.shutdownNow();
            ui.shutdownNow();
            starter.destroyForcibly();
            // whatever is left of the processes the first workbench started: by id, and only if still the same process
            for (long[] p : started) {
                ProcessHandle.of(p[0]).filter(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == p[1])
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
            if (prefs == null) {
                prefs = Preferences.userRoot().node(node);
            }
            TestPrefs.drop(prefs);
        }
    }

    /** The session id of a process (Linux: the sixth field of /proc/PID/stat). */
    private static long session(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[3]);
    }
}
