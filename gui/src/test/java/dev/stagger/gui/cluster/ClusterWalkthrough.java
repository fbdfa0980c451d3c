package dev.stagger.gui.cluster;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.shell.StaggerWorkbench;
import dev.stagger.gui.testing.WindowDriver;
import dev.stagger.remote.testcluster.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A cluster run from the window, as a scientist who has never written a job script does it, on
 * the loopback cluster (an MFA login node in front of Slurm), by real clicks and keys under Xvfb.
 * Phase {@code first}: add a profile, check it (accepting the unknown host key and answering the
 * MFA prompt in their dialogs), run the 2D sample on 4 ranks through Slurm, watch it live, quit with
 * the job going. Phase {@code second}: start again, answer MFA, find the job reattached and live,
 * stop it, fetch its results and see them in the monitor. A screenshot after each step
 * ({@code cluster-*.png}). Exits 0 when all went well. Started by {@link ClusterWalkthroughIT}.
 */
public final class ClusterWalkthrough {
    private final WindowDriver w;
    private final FxRobot robot;
    private final Totp totp = Totp.ofBase32(System.getProperty("walk.totp"));
    private Stage stage;
    private StaggerWorkbench app;

    private ClusterWalkthrough(Path out) {
        this.w = new WindowDriver(out, "cluster walkthrough");
        this.robot = w.robot();
    }

    public static void main(String[] args) throws Exception {
        ClusterWalkthrough walk = new ClusterWalkthrough(Path.of(System.getProperty("stagger.screenshots")));
        String phase = System.getProperty("walk.phase");
        walk.w.runAndExit("cluster-failed-" + phase + ".png", () -> {
            walk.w.start();
            walk.app = walk.w.app();
            walk.stage = walk.w.stage();
            if (phase.equals("first")) {
                walk.first();
            } else {
                walk.second();
            }
        });
    }

    private void first() throws Exception {
        w.await("the project is open", 30, () -> app.model().document() != null);
        w.shoot("cluster-1-project.png");

        // 1. Cluster > Profiles…: a new profile for the MFA login node of the SSH config
        w.openMenu("Cluster", 1);
        w.await("the profile editor opens", 10, () -> robot.lookup("#profile-name").tryQuery().isPresent());
        w.type("#profile-name", "hpc", false);
        w.type("#profile-host", "hpc", false);
        w.type("#profile-ssh-config", System.getProperty("walk.sshConfig"), false);
        robot.clickOn("#profile-launcher");
        robot.clickOn(robot.lookup(".list-cell").lookup((Labeled l) -> "slurm".equals(l.getText())).queryLabeled());
        w.check("slurm".equals(robot.lookup("#profile-launcher").queryComboBox().getValue()), "launcher slurm chosen");
        w.shootWindowOf(robot.lookup("#profile-name").query(), "cluster-2-new-profile.png");
        robot.clickOn("#profile-save");
        w.await("the profile is saved", 10, () -> w.text("#profiles-status").startsWith("Saved"));

        // 2. Check: the unknown host key and the MFA code are asked in dialogs, the doctor's checklist shows
        robot.clickOn("#profile-check");
        w.await("the host key dialog asks", 60, () -> robot.lookup("#host-key-text").tryQuery().isPresent());
        String asked = robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText();
        w.check(asked.equals(System.getProperty("walk.fingerprint")), "the dialog shows the login node's fingerprint: "
                + asked + ", not " + System.getProperty("walk.fingerprint"));
        w.shootWindowOf(robot.lookup("#host-key-text").query(), "cluster-3-host-key.png");
        robot.clickOn("Trust and remember");
        answerMfa("cluster-4-mfa.png");
        w.await("the doctor's checklist ends", 180, () -> w.text("#doctor-checks").contains("checks passed")
                || w.text("#doctor-checks").contains("failed,") || w.text("#doctor-checks").contains("Cannot check"));
        if (!w.text("#doctor-checks").contains("checks passed")) {
            w.shootWindowOf(robot.lookup("#doctor-checks").query(), "cluster-5a-doctor-problems.png");
            w.check(!robot.lookup("#profile-fix").queryButton().isDisabled(), "the doctor offers fixes: "
                    + w.text("#doctor-checks"));
            robot.clickOn("#profile-fix");
            w.await("the fixes are applied", 300, () -> w.text("#doctor-checks").contains("checks passed")
                    || w.text("#doctor-checks").contains("failed,") || w.text("#doctor-checks").contains("Cannot check"));
        }
        w.check(w.text("#doctor-checks").contains("checks passed"), "doctor: " + w.text("#doctor-checks"));
        w.shootWindowOf(robot.lookup("#doctor-checks").query(), "cluster-5-doctor.png");
        Window profiles = robot.lookup("#doctor-checks").query().getScene().getWindow();
        robot.interact(profiles::hide);

        // 3. Run > Run on a cluster…: the profile, 4 ranks, the job script shown before it goes
        int cluster = indexOfTarget("A cluster");
        w.openMenu("Run", cluster + 1);
        w.await("the run dialog opens", 10, () -> robot.lookup("#run-setting-ranks").tryQuery().isPresent());
        TextField ranks = robot.lookup("#run-setting-ranks").queryAs(TextField.class);
        robot.clickOn(ranks);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("4");
        w.await("the job script is shown", 10, () -> w.text("#run-preview").contains("#SBATCH")
                && w.text("#run-preview").contains("--ntasks=4"));
        w.shootWindowOf(ranks, "cluster-6-run-dialog.png");
        robot.type(KeyCode.ENTER);
        w.await("the job appears", 30, () -> !app.model().jobs().all().isEmpty());
        RunJob job = app.model().jobs().all().get(0);
        w.await("the job is submitted and starts", 240, () -> job.state() == RunState.RUNNING && job.client() != null
                || job.state().isOver());
        w.check(job.state() == RunState.RUNNING, "the job runs: " + job.messageProperty().get());
        w.await("the monitor shows frames", 60, () -> robot.lookup("#ranks").tryQuery().isPresent());
        robot.sleep(4, TimeUnit.SECONDS);
        w.check(job.state() == RunState.RUNNING, "still running: " + job.messageProperty().get());
        w.shoot("cluster-7-live.png");
        System.out.println("job " + job.remoteId() + " " + job.messageProperty().get());
        System.out.println("totp-step " + Instant.now().getEpochSecond() / 30);

        // 4. quit with the job going: cluster jobs are never stopped by quitting, and nothing asks
        w.quitting();
        Thread quit = new Thread(() -> robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL), "quit");
        quit.setDaemon(true);
        quit.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (stage.isShowing()) {
            w.check(Instant.now().isBefore(deadline), "the workbench quits without asking");
            Thread.sleep(100);
        }
        System.out.println("the workbench quit with the job going");
    }

    private void second() throws Exception {
        // the job list finds the cluster job again; reconnecting asks for MFA again
        long lastStep = Long.parseLong(System.getProperty("walk.lastTotpStep"));
        while (Instant.now().getEpochSecond() / 30 <= lastStep) {
            Thread.sleep(500); // a TOTP code is accepted once: wait for the next one
        }
        w.await("the job is back in the list", 30, () -> app.model().jobs().all().stream().anyMatch(j -> j.remoteId() != null));
        RunJob job = app.model().jobs().all().stream().filter(j -> j.remoteId() != null).findFirst().orElseThrow();
        answerMfa("cluster-8-mfa-again.png");
        w.await("the job is reattached", 120, () -> job.state() == RunState.RUNNING && job.client() != null
                || job.state().isOver());
        w.check(job.state() == RunState.RUNNING, "reattached and running: " + job.messageProperty().get());
        robot.clickOn(robot.lookup("#jobs").lookup(".table-row-cell").nth(0).queryAs(Node.class));
        w.await("the monitor shows frames", 60, () -> robot.lookup("#ranks").tryQuery().isPresent());
        robot.sleep(4, TimeUnit.SECONDS);
        w.shoot("cluster-9-reattached.png");

        // the network drops (every connection to the login node is cut): the run goes on, the job
        // says so and reconnects by itself, asking for a fresh MFA code
        long lastCode = Instant.now().getEpochSecond() / 30;
        cutConnections(Path.of(System.getProperty("walk.mfaPidFile")));
        w.await("the job says the connection is lost", 60, () -> job.stateTextProperty().get().equals("unreachable"));
        w.check(job.messageProperty().get().contains("connection lost, the run goes on"), job.messageProperty().get());
        robot.sleep(1, TimeUnit.SECONDS);
        w.shoot("cluster-9b-connection-lost.png");
        while (Instant.now().getEpochSecond() / 30 <= lastCode) {
            Thread.sleep(500);
        }
        answerMfa("cluster-9c-mfa-after-cut.png");
        var before = job.client();
        w.await("the job is reattached after the cut", 120, () -> job.stateTextProperty().get().equals("running")
                && job.client() != null && job.client() != before);
        robot.sleep(4, TimeUnit.SECONDS);
        w.shoot("cluster-9d-reconnected.png");

        // stop it (graceful: its final output is written), fetch the results, see them
        robot.clickOn("#stop-job");
        w.await("the job stops", 180, () -> job.state().isOver());
        w.check(job.state() == RunState.STOPPED, "stopped: " + job.messageProperty().get());
        openMenuButton("#job-actions", 1);
        w.await("the results are fetched", 180, () -> job.activityProperty().get().startsWith("fetched")
                || job.activityProperty().get().startsWith("fetch failed"));
        w.check(job.activityProperty().get().startsWith("fetched"), job.activityProperty().get());
        w.check(Files.exists(job.outputDir().resolve("cluster-run.pvd")), "the fetched series " + job.outputDir());
        w.await("the monitor shows the fetched results", 60, () -> robot.lookup("#outputStep").tryQuery()
                .map(n -> ((javafx.scene.control.Slider) n).getMax() > 0).orElse(false)
                && w.text("#problem").isEmpty());
        robot.sleep(3, TimeUnit.SECONDS);
        w.shoot("cluster-10-fetched.png");
        System.out.println("fetched into " + job.outputDir());
    }

    /** Kills the sshd processes serving the open connections of the login node (its listener stays). */
    private void cutConnections(Path pidFile) throws Exception {
        long listener = Long.parseLong(Files.readString(pidFile).strip());
        var sessions = ProcessHandle.of(listener).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sshd")).orElse(false)).toList();
        w.check(!sessions.isEmpty(), "open connections to cut");
        sessions.forEach(ProcessHandle::destroyForcibly);
        System.out.println("cut " + sessions.size() + " sshd processes");
    }

    private void answerMfa(String screenshot) throws Exception {
        w.await("the MFA prompt asks", 120, () -> robot.lookup("#login-answer-0").tryQuery().isPresent());
        TextInputControl code = robot.lookup("#login-answer-0").queryAs(TextInputControl.class);
        w.check(w.text("#login-message").length() >= 0, "message");
        w.shootWindowOf(code, screenshot);
        robot.clickOn(code);
        robot.write(totp.now());
        robot.type(KeyCode.ENTER);
    }

    private int indexOfTarget(String name) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < app.model().targets().size(); i++) {
                if (app.model().targets().get(i).displayName().equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("no target " + name);
        }).get();
    }

    private void openMenuButton(String query, int item) {
        robot.clickOn(query);
        for (int i = 0; i < item; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
    }
}
