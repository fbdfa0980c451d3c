package dev.stagger.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.remote.ssh.Prompter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SSH thread's questions reach the "UI thread" (a single thread here) and the SSH thread waits
 * for the answers; asking on the UI thread itself is refused instead of freezing it.
 */
class RelayPrompterTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        ui.shutdownNow();
    }

    private RelayPrompter prompter(AuthQuestions questions) {
        return new RelayPrompter(ui, () -> Thread.currentThread().getName().equals("fake-ui"), questions);
    }

    /** Answers like a person would, later, from the UI thread; records on which thread each question came. */
    private final AuthQuestions person = new AuthQuestions() {
        @Override
        public void unknownHostKey(HostKeyQuestion q, Answer<Prompter.HostKeyDecision> answer) {
            asked.add(Thread.currentThread().getName() + " host " + q.fingerprint());
            ui.execute(() -> answer.give(Prompter.HostKeyDecision.TRUST_ONCE));
        }

        @Override
        public void passphrase(String keyFile, boolean retry, Answer<char[]> answer) {
            asked.add(Thread.currentThread().getName() + " passphrase " + keyFile + " " + retry);
            answer.give(retry ? null : "pw".toCharArray());
        }

        @Override
        public void keyboardInteractive(KeyboardInteractiveForm form, Answer<String[]> answer) {
            asked.add(Thread.currentThread().getName() + " " + form.prompts());
            for (int i = 0; i < form.prompts().size(); i++) {
                form.answer(i, "a" + i);
            }
            answer.give(form.answers());
        }

        @Override
        public void show(String message) {
            asked.add(Thread.currentThread().getName() + " show " + message);
        }
    };

    @Test
    void questionsAreAskedOnTheUiThreadAndAnsweredToTheSshThread() throws Exception {
        RelayPrompter p = prompter(person);
        assertThat(p.canAsk()).isTrue();
        assertThat(p.unknownHostKey("hpc", "ssh-ed25519", "SHA256:abc")).isEqualTo(Prompter.HostKeyDecision.TRUST_ONCE);
        assertThat(p.passphrase("~/.ssh/id", false)).containsExactly('p', 'w');
        assertThat(p.passphrase("~/.ssh/id", true)).as("null gives up on the key").isNull();
        assertThat(p.keyboardInteractive("hpc", "", "", List.of("Password: ", "Code: "), new boolean[] {false, true}))
                .containsExactly("a0", "a1");
        assertThat(asked).allSatisfy(line -> assertThat(line).startsWith("fake-ui "));
    }

    @Test
    void aDialogClosedWithoutAnAnswerRefusesTheKey() {
        RelayPrompter p = prompter(new AuthQuestions() {
            @Override
            public void unknownHostKey(HostKeyQuestion q, Answer<Prompter.HostKeyDecision> answer) {
                answer.give(null);
            }

            @Override
            public void passphrase(String keyFile, boolean retry, Answer<char[]> answer) {}

            @Override
            public void keyboardInteractive(KeyboardInteractiveForm form, Answer<String[]> answer) {}

            @Override
            public void show(String message) {}
        });
        assertThat(p.unknownHostKey("hpc", "ssh-ed25519", "SHA256:abc")).isEqualTo(Prompter.HostKeyDecision.REFUSE);
    }

    @Test
    void askingOnTheUiThreadIsRefusedRatherThanFreezingIt() throws Exception {
        RelayPrompter p = prompter(person);
        AtomicReference<Throwable> error = new AtomicReference<>();
        ui.submit(() -> {
            try {
                p.passphrase("k", false);
            } catch (Throwable t) {
                error.set(t);
            }
        }).get();
        assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("UI thread");
    }

    @Test
    void theHostKeyQuestionOffersTheThreeChoices() {
        assertThat(AuthQuestions.HostKeyQuestion.choices()).extracting(AuthQuestions.HostKeyQuestion::label)
                .containsExactly("Trust once", "Trust and remember", "Cancel");
        assertThat(new AuthQuestions.HostKeyQuestion("[127.0.0.1]:2222", "ssh-ed25519", "SHA256:x").explanation())
                .contains("[127.0.0.1]:2222").contains("known_hosts");
        assertThatThrownBy(() -> AuthQuestions.HostKeyQuestion.choices().add(Prompter.HostKeyDecision.REFUSE))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
