package dev.stagger.remote.ssh;

import java.util.List;

/**
 * Whoever answers what an SSH connection must ask: a terminal, the program named by
 * {@code SSH_ASKPASS}, or the workbench's dialogs. Called from the connecting thread; an answer may
 * take minutes (a push-approval MFA), so nothing here may run on a UI thread.
 */
public interface Prompter {

    /** What to do with a host key that no known_hosts file lists. */
    enum HostKeyDecision {
        /** Connect this time and remember it in memory only. */
        TRUST_ONCE,
        /** Connect and add it to the user's known_hosts file. */
        TRUST_AND_REMEMBER,
        REFUSE
    }

    /** Whether a person can be asked at all; if not, unknown host keys are refused with a message. */
    boolean canAsk();

    HostKeyDecision unknownHostKey(String host, String keyType, String fingerprint);

    /** The passphrase of a key file, or null to give up on that key. */
    char[] passphrase(String keyFile, boolean retry);

    /**
     * One round of keyboard-interactive authentication: an answer for each prompt (echo says whether
     * the answer may be shown as typed), or null to cancel.
     */
    String[] keyboardInteractive(String destination, String name, String instruction, List<String> prompts,
            boolean[] echo);

    /** A message the server or the connection wants the user to see (a banner, a warning). */
    void show(String message);

    /** A prompter for programs that must never ask: refuses unknown keys, has no passphrases or codes. */
    Prompter NONE = new Prompter() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public HostKeyDecision unknownHostKey(String host, String keyType, String fingerprint) {
            return HostKeyDecision.REFUSE;
        }

        @Override
        public char[] passphrase(String keyFile, boolean retry) {
            return null;
        }

        @Override
        public String[] keyboardInteractive(String destination, String name, String instruction, List<String> prompts,
                boolean[] echo) {
            return null;
        }

        @Override
        public void show(String message) {
            // nobody to show it to
        }
    };
}
