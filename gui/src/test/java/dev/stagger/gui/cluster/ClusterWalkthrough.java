package dev.stagger.gui.cluster;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.Screenshots;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.shell.StaggerWorkbench;
import dev.stagger.gui.shell.Theme;
import dev.stagger.remote.testcluster.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
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
    private final Path out;
    private final FxRobot robot = new FxRobot();
    private final Totp totp = Totp.ofBase32(System.getProperty("walk.totp"));
    private Stage stage;
    private StaggerWorkbench app;
    private volatile boolean quitting;

    private ClusterWalkthrough(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        ClusterWalkthrough w = new ClusterWalkthrough(Path.of(System.getProperty("stagger.screenshots")));
        String phase = System.getProperty("walk.phase");
        try {
            w.start();
            if (phase.equals("first")) {
                w.first();
            } else {
                w.second();
            }
            status = 0;
        } catch (Throwable t) {
            t.printStackTrace();
            w.shootQuietly("cluster-failed-" + phase + ".png");
        } finally {
            if (!w.quitting) {
                try {
                    FxToolkit.cleanupApplication(w.app);
                } catch (Exception ignored) {
                    // exiting anyway
                }
                Platform.exit();
            }
        }
        System.exit(status);
    }

    private void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (StaggerWorkbench) FxToolkit.setupApplication(StaggerWorkbench.class);
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(900);
            app.model().useTheme(Theme.LIGHT);
        });
    }

    private void first() throws Exception {
        await("the project is open", 30, () -> app.model().document() != null);
        shoot("cluster-1-project.png");

        // 1. Cluster > Profiles…: a new profile for the MFA login node of the SSH config
        openMenu("Cluster", 1);
        await("the profile editor opens", 10, () -> robot.lookup("#profile-name").tryQuery().isPresent());
        type("#profile-name", "hpc");
        type("#profile-host", "hpc");
        type("#profile-ssh-config", System.getProperty("walk.sshConfig"));
        robot.clickOn("#profile-launcher");
        robot.clickOn(robot.lookup(".list-cell").lookup((Labeled l) -> "slurm".equals(l.getText())).queryLabeled());
        check("slurm".equals(robot.lookup("#profile-launcher").queryComboBox().getValue()), "launcher slurm chosen");
        shootWindowOf(robot.lookup("#profile-name").query(), "cluster-2-new-profile.png");
        robot.clickOn("#profile-save");
        await("the profile is saved", 10, () -> text("#profiles-status").startsWith("Saved"));

        // 2. Check: the unknown host key and the MFA code are asked in dialogs, the doctor's checklist shows
        robot.clickOn("#profile-check");
        await("the host key dialog asks", 60, () -> robot.lookup("#host-key-text").tryQuery().isPresent());
        String asked = robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText();
        check(asked.equals(System.getProperty("walk.fingerprint")), "the dialog shows the login node's fingerprint: "
                + asked + ", not " + System.getProperty("walk.fingerprint"));
        shootWindowOf(robot.lookup("#host-key-text").query(), "cluster-3-host-key.png");
        robot.clickOn("Trust and remember");
        answerMfa("cluster-4-mfa.png");
        await("the doctor's checklist ends", 180, () -> text("#doctor-checks").contains("checks passed")
                || text("#doctor-checks").contains("failed,") || text("#doctor-checks").contains("Cannot check"));
        if (!text("#doctor-checks").contains("checks passed")) {
            shootWindowOf(robot.lookup("#doctor-checks").query(), "cluster-5a-doctor-problems.png");
            check(!robot.lookup("#profile-fix").queryButton().isDisabled(), "the doctor offers fixes: "
                    + text("#doctor-checks"));
            robot.clickOn("#profile-fix");
            await("the fixes are applied", 300, () -> text("#doctor-checks").contains("checks passed")
                    || text("#doctor-checks").contains("failed,") || text("#doctor-checks").contains("Cannot check"));
        }
        check(text("#doctor-checks").contains("checks passed"), "doctor: " + text("#doctor-checks"));
        shootWindowOf(robot.lookup("#doctor-checks").query(), "cluster-5-doctor.png");
        Window profiles = robot.lookup("#doctor-checks").query().getScene().getWindow();
        robot.interact(profiles::hide);

        // 3. Run > Run on a cluster…: the profile, 4 ranks, the job script shown before it goes
        int cluster = indexOfTarget("A cluster");
        openMenu("Run", cluster + 1);
        await("the run dialog opens", 10, () -> robot.lookup("#run-setting-ranks").tryQuery().isPresent());
        TextField ranks = robot.lookup("#run-setting-ranks").queryAs(TextField.class);
        robot.clickOn(ranks);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("4");
        await("the job script is shown", 10, () -> text("#run-preview").contains("#SBATCH")
                && text("#run-preview").contains("--ntasks=4"));
        shootWindowOf(ranks, "cluster-6-run-dialog.png");
        robot.type(KeyCode.ENTER);
        await("the job appears", 30, () -> !app.model().jobs().all().isEmpty());
        RunJob job = app.model().jobs().all().get(0);
        await("the job is submitted and starts", 240, () -> job.state() == RunState.RUNNING && job.client() != null
                || job.state().isOver());
        check(job.state() == RunState.RUNNING, "the job runs: " + job.messageProperty().get());
        await("the monitor shows frames", 60, () -> robot.lookup("#ranks").tryQuery().isPresent());
        robot.sleep(4, TimeUnit.SECONDS);
        check(job.state() == RunState.RUNNING, "still running: " + job.messageProperty().get());
        shoot("cluster-7-live.png");
        System.out.println("job " + job.remoteId() + " " + job.messageProperty().get());
        System.out.println("totp-step " + Instant.now().getEpochSecond() / 30);

        // 4. quit with the job going: cluster jobs are never stopped by quitting, and nothing asks
        quitting = true;
        Thread quit = new Thread(() -> robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL), "quit");
        quit.setDaemon(true);
        quit.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (stage.isShowing()) {
            check(Instant.now().isBefore(deadline), "the workbench quits without asking");
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
        await("the job is back in the list", 30, () -> app.model().jobs().all().stream().anyMatch(j -> j.remoteId() != null));
        RunJob job = app.model().jobs().all().stream().filter(j -> j.remoteId() != null).findFirst().orElseThrow();
        answerMfa("cluster-8-mfa-again.png");
        await("the job is reattached", 120, () -> job.state() == RunState.RUNNING && job.client() != null
                || job.state().isOver());
        check(job.state() == RunState.RUNNING, "reattached and running: " + job.messageProperty().get());
        robot.clickOn(robot.lookup("#jobs").lookup(".table-row-cell").nth(0).queryAs(Node.class));
        await("the monitor shows frames", 60, () -> robot.lookup("#ranks").tryQuery().isPresent());
        robot.sleep(4, TimeUnit.SECONDS);
        shoot("cluster-9-reattached.png");

        // the network drops (every connection to the login node is cut): the run goes on, the job
        // says so and reconnects by itself, asking for a fresh MFA code
        long lastCode = Instant.now().getEpochSecond() / 30;
        cutConnections(Path.of(System.getProperty("walk.mfaPidFile")));
        await("the job says the connection is lost", 60, () -> job.stateTextProperty().get().equals("unreachable"));
        check(job.messageProperty().get().contains("connection lost, the run goes on"), job.messageProperty().get());
        robot.sleep(1, TimeUnit.SECONDS);
        shoot("cluster-9b-connection-lost.png");
        while (Instant.now().getEpochSecond() / 30 <= lastCode) {
            Thread.sleep(500);
        }
        answerMfa("cluster-9c-mfa-after-cut.png");
        var before = job.client();
        await("the job is reattached after the cut", 120, () -> job.stateTextProperty().get().equals("running")
                && job.client() != null && job.client() != before);
        robot.sleep(4, TimeUnit.SECONDS);
        shoot("cluster-9d-reconnected.png");

        // stop it (graceful: its final output is written), fetch the results, see them
        robot.clickOn("#stop-job");
        await("the job stops", 180, () -> job.state().isOver());
        check(job.state() == RunState.STOPPED, "stopped: " + job.messageProperty().get());
        openMenuButton("#job-actions", 1);
        await("the results are fetched", 180, () -> job.activityProperty().get().startsWith("fetched")
                || job.activityProperty().get().startsWith("fetch failed"));
        check(job.activityProperty().get().startsWith("fetched"), job.activityProperty().get());
        check(Files.exists(job.outputDir().resolve("cluster-run.pvd")), "the fetched series " + job.outputDir());
        await("the monitor shows the fetched results", 60, () -> robot.lookup("#outputStep").tryQuery()
                .map(n -> ((javafx.scene.control.Slider) n).getMax() > 0).orElse(false)
                && text("#problem").isEmpty());
        robot.sleep(3, TimeUnit.SECONDS);
        shoot("cluster-10-fetched.png");
        System.out.println("fetched into " + job.outputDir());
    }

    /** Kills the sshd processes serving the open connections of the login node (its listener stays). */
    private static void cutConnections(Path pidFile) throws Exception {
        long listener = Long.parseLong(Files.readString(pidFile).strip());
        var sessions = ProcessHandle.of(listener).orElseThrow().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sshd")).orElse(false)).toList();
        check(!sessions.isEmpty(), "open connections to cut");
        sessions.forEach(ProcessHandle::destroyForcibly);
        System.out.println("cut " + sessions.size() + " sshd processes");
    }

    private void answerMfa(String screenshot) throws Exception {
        await("the MFA prompt asks", 120, () -> robot.lookup("#login-answer-0").tryQuery().isPresent());
        TextInputControl code = robot.lookup("#login-answer-0").queryAs(TextInputControl.class);
        check(text("#login-message").length() >= 0, "message");
        shootWindowOf(code, screenshot);
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

    /** Opens a menu of the menu bar and picks its item number {@code item} (1 = first) by keyboard. */
    private void openMenu(String menu, int item) {
        robot.clickOn(robot.lookup(".menu-bar").lookup((Labeled l) -> menu.equals(l.getText().replace("_", ""))).queryLabeled());
        // by keyboard: under Xvfb there is no window manager to place the popup where a click would find it
        for (int i = 0; i < item; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
    }

    private void openMenuButton(String query, int item) {
        robot.clickOn(query);
        for (int i = 0; i < item; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").orElse("");
    }

    private void type(String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        check(field.getText().equals(text), query + " shows '" + field.getText() + "', typed '" + text + "'");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("cluster walkthrough: " + what);
        }
    }

    private void await(String what, int seconds, BooleanSupplier ready) throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!WaitForAsyncUtils.asyncFx(ready::getAsBoolean).get()) {
            check(Instant.now().isBefore(deadline), what + " (waited " + seconds + " s)");
            robot.sleep(200, TimeUnit.MILLISECONDS);
        }
    }

    private void shoot(String name) {
        shootScene(stage.getScene(), name);
    }

    private void shootWindowOf(Node node, String name) {
        shootScene(node.getScene(), name);
    }

    private void shootScene(Scene scene, String name) {
        robot.interact(() -> Screenshots.save(scene, out.resolve(name)));
    }

    private void shootQuietly(String name) {
        try {
            shoot(name);
        } catch (RuntimeException ignored) {
            // the failure is reported already
        }
    }
}
