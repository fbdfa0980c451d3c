package dev.stagger.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One keyboard-interactive round as the login dialog shows it. */
class KeyboardInteractiveFormTest {

    @Test
    void eachPromptKeepsItsEchoFlagAndTheAnswersComeInOrder() {
        KeyboardInteractiveForm f = new KeyboardInteractiveForm("ci@hpc:22", "Duo two-factor", "Choose a method",
                List.of("Password: ", "Passcode or option (1-3): "), new boolean[] {false, true});
        assertThat(f.title()).isEqualTo("Log in to ci@hpc:22");
        assertThat(f.message()).isEqualTo("Duo two-factor\nChoose a method");
        assertThat(f.echo(0)).as("a password is masked").isFalse();
        assertThat(f.echo(1)).as("a menu choice is shown").isTrue();
        assertThat(f.complete()).isFalse();
        f.answer(0, "secret");
        assertThat(f.complete()).isFalse();
        f.answer(1, "1");
        assertThat(f.complete()).isTrue();
        assertThat(f.answers()).containsExactly("secret", "1");
    }

    @Test
    void missingEchoFlagsMaskTheAnswer() {
        KeyboardInteractiveForm f = new KeyboardInteractiveForm("h", null, null, List.of("Code: ", "PIN: "),
                new boolean[] {true});
        assertThat(f.echo(0)).isTrue();
        assertThat(f.echo(1)).as("no flag: treat it as secret").isFalse();
    }

    @Test
    void aRoundWithoutPromptsIsAWaitForApproval() {
        KeyboardInteractiveForm f = new KeyboardInteractiveForm("h", "", "", List.of(), new boolean[0]);
        assertThat(f.complete()).isTrue();
        assertThat(f.answers()).isEmpty();
        assertThat(f.message()).contains("approve the login");
    }
}
