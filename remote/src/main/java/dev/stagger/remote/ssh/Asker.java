package dev.stagger.remote.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.util.List;

/** JSch's questions, passed to the {@link Prompter}; never answers "yes" by itself. */
final class Asker implements UserInfo, UIKeyboardInteractive {
    private static final int PASSPHRASE_TRIES = 3;
    private final Prompter prompter;
    private String passphrase;
    private String lastKey;
    private int tries;
    private boolean passphraseRefused;

    Asker(Prompter prompter) {
        this.prompter = prompter;
    }

    boolean passphraseRefused() {
        return passphraseRefused;
    }

    @Override
    public String getPassphrase() {
        return passphrase;
    }

    @Override
    public boolean promptPassphrase(String message) {
        String key = message.startsWith("Passphrase for ") ? message.substring("Passphrase for ".length()) : message;
        boolean retry = key.equals(lastKey);
        tries = retry ? tries + 1 : 1;
        lastKey = key;
        if (tries > PASSPHRASE_TRIES) {
            passphraseRefused = true;
            return false;
        }
        char[] answer = prompter.passphrase(key, retry);
        if (answer == null) {
            passphraseRefused = true;
            return false;
        }
        passphrase = new String(answer);
        java.util.Arrays.fill(answer, '\0');
        return true;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public boolean promptPassword(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
        prompter.show(message);
    }

    @Override
    public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt,
            boolean[] echo) {
        return prompter.keyboardInteractive(destination, name, instruction, List.of(prompt), echo);
    }
}
