package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.common.Notice;
import dev.stagger.gui.document.ProjectDocument;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.local.EmbeddedRunTarget;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchModelTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final Preferences prefs = TestPrefs.fresh();
    @TempDir
    Path dir;

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    private Path copySample(String name) throws Exception {
        Path p = dir.resolve(name + ".yaml");
        Files.copy(TestPrefs.samples().resolve(name + ".yaml"), p);
        return p;
    }

    @Test
    void openEditUndoSaveAndTitle() throws Exception {
        WorkbenchModel m = new WorkbenchModel(prefs, List.of());
        assertThat(m.titleProperty().get()).isEqualTo("Stagger");
        Path file = copySample("diffusion-2d");
        assertThat(m.open(file)).isTrue();
        assertThat(m.titleProperty().get()).isEqualTo("diffusion-2d — Stagger");
        assertThat(m.recent().items()).containsExactly(file.toAbsolutePath().normalize());

        ProjectDocument d = m.document();
        Project p = d.project();
        d.apply("Retitle", q -> new Project("Changed", q.description(), q.grid(), q.model(), q.fields(), q.run(), q.output()));
        assertThat(m.titleProperty().get()).isEqualTo("diffusion-2d* — Stagger");
        assertThat(d.canUndoProperty().get()).isTrue();
        d.undo();
        assertThat(d.isDirty()).isFalse();
        assertThat(m.titleProperty().get()).isEqualTo("diffusion-2d — Stagger");
        d.redo();
        assertThat(d.project().title()).isEqualTo("Changed");

        Path copy = dir.resolve("changed.yaml");
        assertThat(m.saveAs(copy)).isTrue();
        assertThat(m.titleProperty().get()).isEqualTo("changed — Stagger");
        assertThat(Files.readString(copy)).contains("title: Changed");
        assertThat(m.recent().items().get(0)).isEqualTo(copy.toAbsolutePath().normalize());
    }

    @Test
    void aProjectWithProblemsIsANoticeNotADocument() throws Exception {
        WorkbenchModel m = new WorkbenchModel(prefs, List.of());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "format: 1\ntitle: x\n");
        assertThat(m.open(bad)).isFalse();
        assertThat(m.document()).isNull();
        assertThat(m.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        // every problem, not only the first, each with its line and column
        Files.writeString(bad, "format: 1\ntitle: x\ngrid:\n  cells: [-3, 4]\n  extent: [1, 1]\n  origin: [0, 0]\n"
                + "model: difusion\nspeed: 3\n");
        assertThat(m.open(bad)).isFalse();
        Notice n = m.noticeProperty().get();
        assertThat(n.details()).hasSizeGreaterThanOrEqualTo(3).allMatch(l -> l.matches("bad\\.yaml:\\d+:\\d+: .*"));
        assertThat(String.join("\n", n.details())).contains("bad.yaml:4:").contains("bad.yaml:8:");
        assertThat(n.text()).contains(n.details().size() + " problems");
    }

    @Test
    void aBrokenModelFileIsANoticeWithItsLinesAndColumnsLikeAProjectError() throws Exception {
        // a kernel that assigns the pressure (cell centres) to Vx (x vertices): the checker's location error
        String model = dev.stagger.engine.model.lang.catalogue.Catalogue.text("waves-2d.yaml")
                .replace("name: waves-2d", "name: my-waves")
                .replace("      - Vx = Vx - dtrho*∂x(P)", "      - Vx = P");
        Files.writeString(dir.resolve("my-waves.yaml"), model);
        int line = java.util.Arrays.asList(model.split("\n")).indexOf("      - Vx = P") + 1;
        Path project = dir.resolve("mine.yaml");
        Files.writeString(project, Files.readString(TestPrefs.samples().resolve("waves-2d.yaml"))
                .replace("  name: waves-2d\n", "  file: my-waves.yaml\n"));
        WorkbenchModel m = new WorkbenchModel(prefs, List.of());
        assertThat(m.open(project)).isFalse();
        Notice n = m.noticeProperty().get();
        assertThat(n.kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(n.text()).contains("my-waves.yaml");
        assertThat(n.details()).anyMatch(l -> l.matches("mine\\.yaml:\\d+:\\d+: model.file: .*"))
                .anyMatch(l -> l.matches("my-waves\\.yaml:" + line + ":\\d+: .*Vx.*"));
    }

    @Test
    void newFromTemplateIsUnsavedAndCannotRunUntilSaved() throws Exception {
        WorkbenchModel m = new WorkbenchModel(prefs, List.of());
        assertThat(m.newFromTemplate(TestPrefs.samples().resolve("diffusion-1d.yaml"))).isTrue();
        assertThat(m.document().isDirty()).isTrue();
        assertThat(m.titleProperty().get()).isEqualTo("untitled* — Stagger");
        assertThat(m.save()).isFalse();
        EmbeddedRunTarget target = new EmbeddedRunTarget(SAME_THREAD, SAME_THREAD, Clock.systemUTC());
        assertThat(m.run(target)).isNull();
        assertThat(m.noticeProperty().get().text()).contains("Save the project first");
    }

    @Test
    void embeddedRunOnTheCallersThreadFinishesWithOutputAndAClient() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(SAME_THREAD, SAME_THREAD, Clock.systemUTC());
        WorkbenchModel m = new WorkbenchModel(prefs, List.of(target));
        m.open(copySample("diffusion-2d"));
        m.useRunOverrides(new RunOverrides(1, 10L, null));
        RunJob job = m.run(target);
        assertThat(job.state()).isEqualTo(RunState.FINISHED);
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(job.outputDir()).isEqualTo(dir.resolve("diffusion-2d-output"));
        assertThat(job.outputDir().resolve("diffusion-2d.pvd")).exists();
        Status s = job.client().status();
        assertThat(s.state()).isEqualTo(RunState.FINISHED);
        assertThat(s.step()).isEqualTo(10);
        assertThat(m.jobs().all()).containsExactly(job);
        assertThat(m.jobs().selected()).isSameAs(job);
        assertThat(m.jobs().running()).isEmpty();
    }

    @Test
    void aStokesRunOnThisComputerStreamsItsResidualsAndConvergence() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(SAME_THREAD, SAME_THREAD, Clock.systemUTC());
        WorkbenchModel m = new WorkbenchModel(prefs, List.of(target));
        m.open(copySample("stokes-2d"));
        m.document().setCells(0, 31);
        m.document().setCells(1, 31);
        m.useRunOverrides(new RunOverrides(null, 2L, null));
        RunJob job = m.run(target);
        assertThat(job.state()).as(job.messageProperty().get()).isEqualTo(RunState.FINISHED);
        List<dev.stagger.engine.live.Event> events = job.client().events(0, 10_000, 0);
        assertThat(events).filteredOn(e -> e.kind() == dev.stagger.engine.live.Event.Kind.METRICS)
                .anyMatch(e -> e.values().containsKey("residual.iterations"))
                .anyMatch(e -> e.values().containsKey(dev.stagger.engine.live.Event.CONVERGENCE_ITERATION));
    }

    @Test
    void embeddedRunOnARealExecutorStopsWhenAsked() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            EmbeddedRunTarget target = new EmbeddedRunTarget(pool, SAME_THREAD, Clock.systemUTC());
            WorkbenchModel m = new WorkbenchModel(prefs, List.of(target));
            m.open(copySample("diffusion-2d"));
            m.useRunOverrides(new RunOverrides(1, 5_000_000L, null));
            RunJob job = m.run(target);
            CountDownLatch over = new CountDownLatch(1);
            job.stateProperty().addListener((o, was, now) -> {
                if (now == RunState.RUNNING) {
                    m.board().stopSelected();
                }
                if (now.isOver()) {
                    over.countDown();
                }
            });
            assertThat(over.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(job.state()).isEqualTo(RunState.STOPPED);
            assertThat(job.outputDir().resolve("diffusion-2d.pvd")).exists();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void themeIsRemembered() {
        new WorkbenchModel(prefs, List.of()).useTheme(Theme.DARK);
        assertThat(new WorkbenchModel(prefs, List.of()).themeProperty().get()).isEqualTo(Theme.DARK);
    }
}
