package dev.stagger.gui.cluster;

import dev.stagger.remote.ssh.Prompter;
import java.util.List;

/**
 * The questions an SSH connection asks a person, answered by dialogs on the UI thread. Each method
 * is called on the UI thread and must not block it: it shows its dialog and completes the answer
 * later. The {@link RelayPrompter} calls them from the SSH thread and waits there.
 */
public interface AuthQuestions {

    interface Answer<T> {
        void give(T answer);
    }

    void unknownHostKey(HostKeyQuestion question, Answer<Prompter.HostKeyDecision> answer);

    /** {@code null} as the answer gives up on the key. */
    void passphrase(String keyFile, boolean retry, Answer<char[]> answer);

    /** {@code null} as the answer cancels the login. */
    void keyboardInteractive(KeyboardInteractiveForm form, Answer<String[]> answer);

    void show(String message);

    /** What the host-key dialog says: the host, the key's SHA-256 fingerprint and what each choice means. */
    record HostKeyQuestion(String host, String keyType, String fingerprint) {
        public String explanation() {
            return "The authenticity of " + host + " cannot be established: no known_hosts file lists its key.\n"
                    + "Compare the fingerprint below with the one your cluster's documentation or administrator"
                    + " gives. \"Trust and remember\" adds the key to your known_hosts file; \"Trust once\" keeps it"
                    + " for this session only. A key that later changes is refused.";
        }

        public static List<Prompter.HostKeyDecision> choices() {
            return List.of(Prompter.HostKeyDecision.TRUST_ONCE, Prompter.HostKeyDecision.TRUST_AND_REMEMBER,
                    Prompter.HostKeyDecision.REFUSE);
        }

        public static String label(Prompter.HostKeyDecision d) {
            return switch (d) {
                case TRUST_ONCE -> "Trust once";
                case TRUST_AND_REMEMBER -> "Trust and remember";
                case REFUSE -> "Cancel";
            };
        }
    }
}
