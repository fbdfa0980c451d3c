package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.XvfbJvm;
import dev.stagger.gui.jobs.JobHistory;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job list in the real window under Xvfb ({@link JobsScreenshotApp}): runs remembered from
 * earlier sessions, one inside the workbench, one started from the command line and attached.
 * Screenshots go to {@code gui/target/screenshots/} (look at them). Skipped without xvfb-run.
 */
class JobListScreenshotIT {
    @TempDir
    Path tmp;

    @Test
    void screenshotOfTheJobList() throws Exception {
        Path out = XvfbJvm.SCREENSHOTS;
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        for (String s : List.of("diffusion-1d", "diffusion-2d", "diffusion-3d")) {
            // no output steps: the runs go until stopped and only their ends are written
            Files.writeString(samples.resolve(s + ".yaml"), Files.readString(TestPrefs.samples().resolve(s + ".yaml"))
                    .replace("every: 20", "every: 0"));
        }
        String node = "dev/stagger/test/jobs-screenshot-" + UUID.randomUUID();
        Preferences prefs = Preferences.userRoot().node(node);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<JobHistory.Entry> earlier = new ArrayList<>();
        earlier.add(entry("diffusion-3d", "This computer, 4 MPI ranks", now.minus(20, ChronoUnit.HOURS), RunState.FINISHED,
                "Done: 2000 steps to t = 0.0412 in 754 s (stepping 731 s): 45.1 M cell updates/s", 754.2));
        earlier.add(entry("diffusion-1d", "This computer", now.minus(2, ChronoUnit.HOURS), RunState.STOPPED,
                "Stopped after 51200 steps to t = 1.93 in 12.4 s", 12.4));
        earlier.add(entry("stokes-trial", "This computer, 4 MPI ranks", now.minus(3, ChronoUnit.HOURS), RunState.FAILED,
                "stagger: rank 2 ran out of memory (exit 1; see stagger-run.log)", 3.1));
        earlier.add(entry("diffusion-2d-old", "This computer", now.minus(26, ChronoUnit.HOURS), null, "", -1));
        new JobHistory(prefs.node("jobs")).save(earlier);
        prefs.flush();

        Path project = tmp.resolve("heat-sweep.yaml");
        Files.copy(TestPrefs.samples().resolve("diffusion-2d.yaml"), project);
        try (CliRun cli = CliRun.start(project, tmp.resolve("heat-sweep-output"))) {
            cli.awaitEndpoint();
            Path log = out.resolve("jobs-screenshot-jvm.log");
            XvfbJvm.Result r;
            try {
                r = XvfbJvm.run(JobsScreenshotApp.Launcher.class, Map.of("stagger.samples", samples.toString(),
                        "stagger.prefs", node, "stagger.attach", cli.out.toString()), log, 180);
            } finally {
                TestPrefs.drop(prefs);
            }
            assertThat(r.finished()).as("screenshot JVM finished; see " + log).isTrue();
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(cli.process.waitFor(60, TimeUnit.SECONDS)).as("the attached run was stopped from the window").isTrue();
        }
        for (String name : List.of("jobs.png", "job-log.png")) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
    }

    private JobHistory.Entry entry(String name, String target, Instant started, RunState end, String message,
            double seconds) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runs").resolve(name + "-output"));
        return new JobHistory.Entry(UUID.randomUUID().toString(), dir, name, target, target.contains("MPI"), started,
                target.contains("MPI") ? started.plusSeconds(3) : null, end, null, message, seconds);
    }
}
