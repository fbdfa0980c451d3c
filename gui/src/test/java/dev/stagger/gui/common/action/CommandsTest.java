package dev.stagger.gui.common.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** Commands and the window's set of them, without the toolkit. */
class CommandsTest {
    private final AtomicInteger done = new AtomicInteger();

    private Command.Builder command(String id, String text) {
        return Command.builder(id, text).describe("Does " + id).does(done::incrementAndGet);
    }

    @Test
    void aKeyBelongsToOneCommand() {
        Commands all = new Commands();
        all.add(command("save", "_Save").keys("Shortcut+S").build());
        assertThatThrownBy(() -> all.add(command("sync", "S_ync").keys("Shortcut+S").build()))
                .hasMessageContaining("save").hasMessageContaining("sync");
        all.add(command("redo", "_Redo").keys("Shortcut+Y", "Shortcut+Shift+Z").build());
        // a second key is a key too
        assertThatThrownBy(() -> all.add(command("zoom", "_Zoom").keys("Shortcut+Shift+Z").build()))
                .hasMessageContaining("redo");
        assertThatThrownBy(() -> all.add(command("save", "_Save again").build())).hasMessageContaining("two commands");
        assertThatThrownBy(() -> all.add(command("twice", "_Twice").keys("F2", "F2").build()))
                .hasMessageContaining("twice");
    }

    @Test
    void aPlugInsCommandsJoinAllOrNone() {
        Commands all = new Commands();
        all.add(command("save", "_Save").keys("Shortcut+S").build());
        Command profiles = command("profiles", "_Profiles…").build();
        Command sync = command("sync", "S_ync").keys("Shortcut+S").build();
        assertThatThrownBy(() -> all.addAll(java.util.List.of(profiles, sync))).hasMessageContaining("sync");
        assertThat(all.all()).extracting(Command::id).containsExactly("save");
        all.addAll(java.util.List.of(profiles));
        assertThat(all.all()).extracting(Command::id).containsExactly("save", "profiles");
    }

    @Test
    void aCommandHasAMnemonicADescriptionAndSomethingToDo() {
        assertThatThrownBy(() -> command("save", "Save").build()).hasMessageContaining("mnemonic");
        assertThatThrownBy(() -> Command.builder("save", "_Save").does(() -> {}).build())
                .hasMessageContaining("description");
        assertThatThrownBy(() -> Command.builder("save", "_Save").describe("Saves").build())
                .hasMessageContaining("does nothing");
        assertThatThrownBy(() -> Command.builder("recent", "Open _Recent").describe("Recent").does(() -> {}).submenu()
                .build()).hasMessageContaining("submenu");
    }

    @Test
    void keysAreWrittenWithShortcutSoMacOsGetsCmd() {
        assertThatThrownBy(() -> command("save", "_Save").keys("Ctrl+S")).hasMessageContaining("Shortcut");
        assertThatThrownBy(() -> command("save", "_Save").keys("Meta+S")).hasMessageContaining("Shortcut");
        Command save = command("save", "_Save").keys("Shortcut+S").build();
        assertThat(save.getAccelerator().getShortcut()).isEqualTo(KeyCombination.ModifierValue.DOWN);
    }

    @Test
    void theLongTextNamesEveryKeyAsThisPlatformShowsIt() {
        Command redo = command("redo", "_Redo").keys("Shortcut+Y", "Shortcut+Shift+Z").build();
        String y = KeyCombination.keyCombination("Shortcut+Y").getDisplayText();
        String z = KeyCombination.keyCombination("Shortcut+Shift+Z").getDisplayText();
        assertThat(redo.getLongText()).isEqualTo("Does redo (" + y + " or " + z + ")");
        assertThat(redo.getAccelerator().getDisplayText()).isEqualTo(y);
        assertThat(redo.alsoKeys()).extracting(KeyCombination::getDisplayText).containsExactly(z);
        assertThat(redo.name()).isEqualTo("Redo");
        assertThat(command("about", "_About").build().getLongText()).isEqualTo("Does about");
    }

    @Test
    void alsoKeysAreInstalledAndDoNothingWhileTheCommandIsDisabled() {
        SimpleBooleanProperty disabled = new SimpleBooleanProperty(true);
        Commands all = new Commands();
        all.add(command("redo", "_Redo").keys("Shortcut+Y", "Shortcut+Shift+Z").disabledWhen(disabled).build());
        Map<KeyCombination, Runnable> scene = new HashMap<>();
        all.installAlsoKeys(scene);
        // the menu item installs the accelerator itself; only the second key is the set's to install
        assertThat(scene).containsOnlyKeys(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        scene.values().forEach(Runnable::run);
        assertThat(done).hasValue(0);
        disabled.set(false);
        scene.values().forEach(Runnable::run);
        assertThat(done).hasValue(1);
    }
}
