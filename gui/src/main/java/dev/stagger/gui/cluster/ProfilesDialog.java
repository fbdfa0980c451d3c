package dev.stagger.gui.cluster;

import dev.stagger.gui.common.Failures;
import dev.stagger.gui.common.Themed;
import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.doctor.Check;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileKey;
import dev.stagger.remote.profile.ProfileStore;
import dev.stagger.remote.sshconfig.SshConfig;
import dev.stagger.remote.sshconfig.SshConfigException;
import dev.stagger.remote.sshconfig.SshEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Cluster ▸ Profiles…: the user's cluster profiles (the files {@code stagger cluster add} writes),
 * a form to add or change one ({@link ProfileForm}), import from the hosts of {@code ~/.ssh/config},
 * and the doctor's checklist with its fixes ({@link DoctorRun}). Connecting and checking run off the
 * FX thread; an SSH question comes as its own dialog.
 */
final class ProfilesDialog {
    private final ClusterContext context;
    private final Executor background;
    private final ProfileStore store;
    private final ListView<String> list = new ListView<>();
    private final VBox formHost = new VBox(8);
    private final TextArea checks = new TextArea();
    private final Label status = new Label();
    private ProfileForm form;

    private ProfilesDialog(ClusterContext context, Executor background) {
        this.context = context;
        this.background = background;
        this.store = context.profiles();
    }

    static Stage show(Window owner, ClusterContext context, Executor background) {
        return new ProfilesDialog(context, background).open(owner);
    }

    private Stage open(Window owner) {
        list.setId("profiles");
        list.setPrefWidth(180);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                edit(now);
            }
        });
        Button add = new Button("New…");
        add.setId("profile-new");
        add.setOnAction(e -> newForm(""));
        ComboBox<String> hosts = new ComboBox<>();
        hosts.setId("profile-import");
        hosts.setPromptText("Import from ~/.ssh/config");
        hosts.getItems().setAll(sshHosts());
        hosts.setOnAction(e -> {
            if (hosts.getValue() != null) {
                newForm(hosts.getValue());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("profile-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove(list.getSelectionModel().getSelectedItem()));
        VBox left = new VBox(8, list, add, hosts, remove);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        checks.setId("doctor-checks");
        checks.setEditable(false);
        checks.setPrefRowCount(14);
        checks.setWrapText(true);
        checks.setStyle("-fx-font-family: monospace;");
        status.setId("profiles-status");
        status.setWrapText(true);
        VBox right = new VBox(10, formHost, checks, status);
        VBox.setVgrow(checks, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        BorderPane root = new BorderPane(right, null, null, null, left);
        root.getStyleClass().add("workbench");
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Cluster profiles");
        Scene scene = new Scene(root, 980, 860);
        stage.setScene(scene);
        Themed.follow(stage, owner);
        refreshList(null);
        if (list.getItems().isEmpty()) {
            newForm("");
        }
        stage.show();
        return stage;
    }

    private List<String> sshHosts() {
        Path file = context.dirs().sshConfig();
        try {
            return SshConfig.load(file, SshEnvironment.current()).hostAliases();
        } catch (SshConfigException e) {
            status.setText(file + ": " + e.getMessage());
            return List.of();
        }
    }

    private void refreshList(String select) {
        try {
            list.getItems().setAll(store.list());
        } catch (IOException e) {
            status.setText("Cannot list the profiles in " + store.directory() + ": " + e.getMessage());
        }
        if (select != null) {
            list.getSelectionModel().select(select);
        }
    }

    private void newForm(String host) {
        list.getSelectionModel().clearSelection();
        form = ProfileForm.create(store, host);
        showForm();
    }

    private void edit(String name) {
        try {
            form = ProfileForm.edit(store, name);
            showForm();
        } catch (ProfileException e) {
            formHost.getChildren().setAll(new Label(e.getMessage()));
            form = null;
        }
    }

    private void showForm() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        Label problems = new Label();
        problems.setId("profile-problems");
        problems.getStyleClass().add("error-text");
        problems.setWrapText(true);
        Button save = new Button(form.isNew() ? "Add profile" : "Save changes");
        save.setId("profile-save");
        save.getStyleClass().add("accent");
        Button check = new Button("Check");
        check.setId("profile-check");
        Button fix = new Button("Apply fixes");
        fix.setId("profile-fix");
        fix.setDisable(true);
        Runnable refresh = () -> {
            List<String> p = form.problems();
            problems.setText(String.join("\n", p));
            save.setDisable(!p.isEmpty());
            check.setDisable(form.isNew());
        };
        int row = 0;
        if (form.isNew()) {
            TextField name = new TextField(form.name());
            name.setId("profile-name");
            name.textProperty().addListener((o, was, now) -> {
                form.name(now);
                refresh.run();
            });
            grid.addRow(row++, new Label("name"), name);
        } else {
            grid.addRow(row++, new Label("name"), new Label(form.name()));
        }
        for (ProfileKey k : ProfileForm.KEYS) {
            if (k == ProfileKey.LAUNCHER) {
                ComboBox<String> launcher = new ComboBox<>();
                launcher.setId("profile-launcher");
                launcher.getItems().setAll(ProfileForm.LAUNCHERS);
                launcher.setValue(form.value(k).isEmpty() ? ProfileForm.LAUNCHERS.get(0) : form.value(k));
                launcher.valueProperty().addListener((o, was, now) -> {
                    form.set(k, now);
                    refresh.run();
                });
                grid.addRow(row++, new Label(ProfileForm.label(k)), launcher);
                continue;
            }
            TextField f = new TextField(form.value(k));
            f.setPromptText(ProfileForm.placeholder(k));
            f.setId("profile-" + k.path().replace('.', '-').replace('_', '-'));
            f.setPrefColumnCount(28);
            f.textProperty().addListener((o, was, now) -> {
                form.set(k, now);
                refresh.run();
            });
            grid.addRow(row++, new Label(ProfileForm.label(k)), f);
        }
        save.setOnAction(e -> {
            try {
                Path file = form.save();
                status.setText("Saved " + file);
                String name = form.name();
                refreshList(name);
                edit(name);
            } catch (ProfileException | IOException x) {
                status.setText("Not saved: " + x.getMessage());
            }
        });
        check.setOnAction(e -> runDoctor(form.name(), false, fix));
        fix.setOnAction(e -> runDoctor(form.name(), true, fix));
        HBox buttons = new HBox(8, save, check, fix);
        formHost.getChildren().setAll(grid, problems, buttons);
        checks.clear();
        refresh.run();
    }

    private void runDoctor(String cluster, boolean applyFixes, Button fix) {
        checks.setText((applyFixes ? "Applying fixes on " : "Checking ") + cluster + "…\n");
        fix.setDisable(true);
        DoctorRun run = new DoctorRun();
        background.execute(() -> {
            try {
                List<Check> done = run.run(context, cluster, applyFixes, line -> Platform.runLater(
                        () -> checks.appendText(line + "\n")));
                Platform.runLater(() -> {
                    checks.appendText("\n" + DoctorRun.summary(done) + "\n");
                    fix.setDisable(!run.canFix());
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> checks.appendText("Cannot check " + cluster + ": " + Failures.why(e) + "\n"));
            }
        });
    }

    private void remove(String name) {
        try {
            store.remove(name);
            status.setText("Removed " + name + " (its runs on the cluster stay)");
            refreshList(null);
            newForm("");
        } catch (IOException | ProfileException e) {
            status.setText("Cannot remove " + name + ": " + e.getMessage());
        }
    }
}
