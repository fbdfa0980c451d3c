package dev.stagger.gui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.run.local.EmbeddedRunTarget;
import dev.stagger.gui.shell.WorkbenchModel;
import dev.stagger.gui.testing.TestPrefs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job history across "restarts" (a second model on the same preferences node) and attaching by
 * folder, against real run folders: endpoint and state files as runs write them, pids of processes
 * that have ended. Runs that are still going are in JobAttachIT and JobSurvivalIT (shell).
 */
class JobRegistryTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final Preferences prefs = TestPrefs.fresh();
    @TempDir
    Path dir;

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    private WorkbenchModel model(RunTarget... targets) {
        return new WorkbenchModel(prefs, List.of(targets), SAME_THREAD, SAME_THREAD);
    }

    private Path copySample(String name) throws Exception {
        Path p = dir.resolve(name + ".yaml");
        Files.copy(TestPrefs.samples().resolve(name + ".yaml"), p);
        return p;
    }

    /** The pid of a process that has ended: what an endpoint names after its run is gone. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /** A run folder as `stagger run --out` leaves it: endpoint, and a state file unless {@code end} is null. */
    private Path runFolder(String name, Instant started, long pid, RunStateFile end) throws IOException {
        Path out = dir.resolve(name + "-output");
        Files.createDirectories(out);
        new RunEndpoint("127.0.0.1", 1, "00", 1, pid, started, name, out).write();
        if (end != null) {
            end.write(out);
        }
        return out;
    }

    private static JobHistory.Entry going(Path out, String name, Instant started, Instant endpointStarted, boolean process) {
        return new JobHistory.Entry("id-" + name, out, name, process ? "This computer, 2 MPI ranks" : "This computer",
                process, started, endpointStarted, null, null, "", -1);
    }

    @Test
    void aFinishedRunComesBackWithHowItEnded() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(SAME_THREAD, SAME_THREAD, Clock.systemUTC());
        WorkbenchModel first = model(target);
        first.open(copySample("diffusion-2d"));
        first.useRunOverrides(new RunOverrides(1, 10L, null));
        RunJob job = first.run(target);
        assertThat(job.state()).isEqualTo(RunState.FINISHED);
        assertThat(first.board().jobHistory()).singleElement().satisfies(e -> {
            assertThat(e.end()).isEqualTo(RunState.FINISHED);
            assertThat(e.outputDir()).isEqualTo(job.outputDir());
        });

        WorkbenchModel next = model(target);
        List<RunJob> back = next.restoreJobs().get(10, TimeUnit.SECONDS);
        assertThat(back).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("diffusion-2d");
            assertThat(j.target()).isEqualTo("This computer");
            assertThat(j.state()).isEqualTo(RunState.FINISHED);
            assertThat(j.messageProperty().get()).isEqualTo(job.messageProperty().get());
            assertThat(j.durationProperty().get()).isEqualTo(job.durationProperty().get());
            assertThat(j.started()).isEqualTo(job.started());
        });
        assertThat(next.jobs().all()).containsExactlyElementsOf(back);
        assertThat(next.jobs().selected()).as("restoring does not switch the monitor").isNull();
        assertThat(next.restoreJobs().get()).as("once per session").isEmpty();
    }

    @Test
    void runsThatEndedWhileTheWorkbenchWasAwayShowTheirStateFileOrAreLost() throws Exception {
        Instant t = Instant.now().minusSeconds(3600);
        Path stopped = runFolder("stopped", t.plusSeconds(2), deadPid(),
                new RunStateFile(RunState.STOPPED, 120, 0.5, t.plusSeconds(62), "Stopped after 120 steps"));
        Path killed = runFolder("killed", t.plusSeconds(2), deadPid(),
                new RunStateFile(RunState.RUNNING, 0, 0, t.plusSeconds(2), ""));
        // the endpoint's pid now belongs to a process that started long after the run: not the run
        Path reused = runFolder("reused", t.plusSeconds(2), ProcessHandle.current().pid(), null);
        Path later = runFolder("later", t.plusSeconds(900), deadPid(), null);
        Path neverServed = dir.resolve("never-output");
        Files.createDirectories(neverServed);
        Path embedded = dir.resolve("embedded-output");
        Files.createDirectories(embedded);
        new JobHistory(prefs.node("jobs")).save(List.of(
                going(stopped, "stopped", t, null, true),
                going(killed, "killed", t, t.plusSeconds(2), true),
                going(reused, "reused", t, t.plusSeconds(2), true),
                going(later, "later", t, t.plusSeconds(2), true),
                going(neverServed, "never", t, null, true),
                going(embedded, "embedded", t, null, false),
                going(dir.resolve("deleted-output"), "deleted", t, null, true)));

        WorkbenchModel m = model();
        m.restoreJobs().get(10, TimeUnit.SECONDS);
        assertThat(m.jobs().all()).extracting(RunJob::name)
                .containsExactlyInAnyOrder("stopped", "killed", "reused", "later", "never", "embedded");
        RunJob s = job(m, "stopped");
        assertThat(s.state()).isEqualTo(RunState.STOPPED);
        assertThat(s.messageProperty().get()).isEqualTo("Stopped after 120 steps");
        assertThat(s.durationProperty().get()).isEqualTo(java.time.Duration.ofSeconds(60));
        for (String name : List.of("killed", "reused", "later", "never", "embedded")) {
            RunJob j = job(m, name);
            assertThat(j.state()).as(name).isEqualTo(RunState.FAILED);
            assertThat(j.stateTextProperty().get()).as(name).isEqualTo("lost");
        }
        assertThat(job(m, "killed").messageProperty().get()).contains("ended without recording how", killed.toString());
        assertThat(job(m, "later").messageProperty().get()).contains("a later run used the same output folder");
        assertThat(job(m, "never").messageProperty().get()).contains("stagger-run.endpoint", "stagger-run.log");
        assertThat(job(m, "embedded").messageProperty().get()).contains("the workbench closed while it ran");
        // found ended: history, not news (no notice at start-up for runs lost in an earlier session)
        assertThat(m.noticeProperty().get()).isNull();

        // the ends are remembered: the next start shows them without looking again; the deleted folder is gone
        List<JobHistory.Entry> remembered = m.board().jobHistory();
        assertThat(remembered).extracting(JobHistory.Entry::name).doesNotContain("deleted").hasSize(6);
        assertThat(remembered).allSatisfy(e -> assertThat(e.end()).as(e.name()).isNotNull());
        assertThat(remembered).filteredOn(e -> e.name().equals("killed")).singleElement()
                .satisfies(e -> assertThat(e.label()).isEqualTo("lost"));
    }

    @Test
    void attachingByFolderSaysWhatIsMissingAndShowsAnEndedRunAsEnded() throws Exception {
        WorkbenchModel m = model();
        Path empty = dir.resolve("no-run");
        Files.createDirectories(empty);
        assertThat(m.board().attachRun(empty).get()).isNull();
        assertThat(m.noticeProperty().get().text()).isEqualTo(empty + " has no stagger-run.endpoint: is the run started"
                + " with `stagger run … --out " + empty + "`? (A run writes it as it starts.)");
        assertThat(m.board().attachRun(dir.resolve("nowhere")).get()).isNull();
        assertThat(m.noticeProperty().get().text()).isEqualTo(dir.resolve("nowhere") + " does not exist.");
        Path junk = dir.resolve("junk.endpoint");
        Files.writeString(junk, "host=x\n");
        assertThat(m.board().attachRun(junk).get()).isNull();
        assertThat(m.noticeProperty().get().text()).startsWith("Cannot attach: ").contains("has no 'port'");
        assertThat(m.jobs().all()).isEmpty();

        Instant t = Instant.now().minusSeconds(60);
        Path out = runFolder("cli", t, deadPid(),
                new RunStateFile(RunState.FINISHED, 100, 0.25, t.plusSeconds(5), "Done: 100 steps"));
        RunJob job = m.board().attachRun(out.resolve(RunEndpoint.FILE_NAME)).get();
        assertThat(job.state()).isEqualTo(RunState.FINISHED);
        assertThat(job.target()).isEqualTo("Command line");
        assertThat(job.started()).isEqualTo(t);
        assertThat(job.messageProperty().get()).isEqualTo("Done: 100 steps");
        assertThat(m.jobs().selected()).isSameAs(job);
        assertThat(m.board().attachRun(out).get()).as("attached once").isSameAs(job);
        assertThat(m.jobs().all()).hasSize(1);
        assertThat(m.board().jobHistory()).singleElement().satisfies(e -> {
            assertThat(e.end()).isEqualTo(RunState.FINISHED);
            assertThat(e.endpointStarted()).isEqualTo(t);
        });
        assertThat(model().restoreJobs().get()).singleElement()
                .satisfies(j -> assertThat(j.state()).isEqualTo(RunState.FINISHED));
    }

    @Test
    void endedJobsCanBeRemovedAndLeaveTheHistory() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(SAME_THREAD, SAME_THREAD, Clock.systemUTC());
        WorkbenchModel m = model(target);
        m.open(copySample("diffusion-1d"));
        m.useRunOverrides(new RunOverrides(1, 5L, null));
        RunJob a = m.run(target);
        RunJob b = m.run(target);
        assertThat(m.board().jobHistory()).hasSize(2);
        assertThat(m.board().removeJob(a)).isTrue();
        assertThat(m.jobs().all()).containsExactly(b);
        assertThat(m.board().jobHistory()).singleElement().satisfies(e -> assertThat(e.started()).isEqualTo(b.started()));
    }

    @Test
    void theLogOfARunInsideTheWorkbenchIsItsEventsAndOfAProcessRunItsLogFile() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(SAME_THREAD, SAME_THREAD, Clock.systemUTC());
        WorkbenchModel m = model(target);
        m.open(copySample("diffusion-1d"));
        m.useRunOverrides(new RunOverrides(1, 5L, null));
        RunJob embedded = m.run(target);
        assertThat(m.board().readLog(embedded).get()).contains("[rank 0]", "Done: 5 steps");

        Instant t = Instant.now().minusSeconds(60);
        Path out = runFolder("mpi", t, deadPid(), new RunStateFile(RunState.FAILED, 3, 0.1, t.plusSeconds(1), "rank 2 died"));
        Files.writeString(out.resolve("stagger-run.log"), "Running mpi on 4 ranks\nstagger: rank 2 died\n");
        RunJob process = m.board().attachRun(out).get();
        assertThat(process.state()).isEqualTo(RunState.FAILED);
        assertThat(m.board().readLog(process).get()).isEqualTo("Running mpi on 4 ranks\nstagger: rank 2 died\n");
        Files.delete(out.resolve("stagger-run.log"));
        assertThatThrownBy(() -> m.board().readLog(process).join()).hasMessageContaining(
                out.resolve("stagger-run.log") + " does not exist: a run started from the command line prints its log to its terminal");

        // a run inside an earlier workbench: no log anywhere, and the message says so
        RunJob restored = model(target).restoreJobs().get().stream().filter(j -> !j.outlivesWorkbench()).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> m.board().readLog(restored).join()).hasMessageContaining("ran inside an earlier session");
    }

    @Test
    void outputFoldersOpenOffTheUiThreadAndAFailureNamesThePath() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            WorkbenchModel m = new WorkbenchModel(prefs, List.of(), pool, SAME_THREAD);
            List<String> opened = new ArrayList<>();
            Thread caller = Thread.currentThread();
            m.board().useFolderOpener(f -> opened.add(f + (Thread.currentThread() == caller ? " on the caller" : " off it")));
            m.board().openFolder(dir);
            m.board().useFolderOpener(f -> {
                throw new IOException("no file manager");
            });
            m.board().openFolder(dir);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(opened).containsExactly(dir + " off it");
            assertThat(m.noticeProperty().get().text()).isEqualTo("Could not open the folder: no file manager. It is " + dir);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void quittingStopsTheRunsInsideTheWorkbenchAndWaitsForTheirEnd() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            EmbeddedRunTarget target = new EmbeddedRunTarget(pool, ui, Clock.systemUTC());
            WorkbenchModel m = new WorkbenchModel(prefs, List.of(target), pool, ui);
            RunJob job = onUi(ui, () -> {
                m.open(copySample("diffusion-2d"));
                m.useRunOverrides(new RunOverrides(1, 50_000_000L, null));
                return m.run(target);
            });
            assertThat(onUi(ui, m.board()::canKeepRunsGoing)).as("a run inside the workbench cannot outlive it").isFalse();
            var ended = onUi(ui, () -> m.board().stopForQuit(true, java.time.Duration.ofSeconds(60)));
            assertThat(ended.get(90, TimeUnit.SECONDS)).isTrue();
            assertThat(onUi(ui, job::state)).isEqualTo(RunState.STOPPED);
            assertThat(onUi(ui, () -> m.board().jobHistory().get(0).end())).isEqualTo(RunState.STOPPED);
        } finally {
            pool.shutdownNow();
            ui.shutdownNow();
        }
    }

    private static <T> T onUi(ExecutorService ui, java.util.concurrent.Callable<T> c) throws Exception {
        return ui.submit(c).get(30, TimeUnit.SECONDS);
    }

    private static RunJob job(WorkbenchModel m, String name) {
        return m.jobs().all().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }
}
