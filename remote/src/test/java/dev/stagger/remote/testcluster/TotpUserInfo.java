package dev.stagger.remote.testcluster;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A scripted JSch user for the MFA node: answers each {@code Verification code: } prompt of
 * keyboard-interactive with the next code from {@code codes}, cancels any other prompt, gives
 * the key passphrase when one is set, and never accepts an unknown host key. Records the prompts
 * it saw, so tests can assert on them.
 */
public final class TotpUserInfo implements UserInfo, UIKeyboardInteractive {
    private final Supplier<String> codes;
    private final String passphrase;
    private final List<String> prompts = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    public TotpUserInfo(Supplier<String> codes) {
        this(codes, null);
    }

    public TotpUserInfo(Supplier<String> codes, String passphrase) {
        this.codes = codes;
        this.passphrase = passphrase;
    }

    @Override
    public synchronized String[] promptKeyboardInteractive(String destination, String name, String instruction,
            String[] prompt, boolean[] echo) {
        String[] answers = new String[prompt.length];
        for (int i = 0; i < prompt.length; i++) {
            prompts.add(prompt[i]);
            if (!prompt[i].contains("Verification code")) {
                return null; // a question we have no answer for: cancel, as a careful user would
            }
            answers[i] = codes.get();
        }
        return answers;
    }

    /** Every keyboard-interactive prompt seen so far. */
    public synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }

    /** Every message the server showed (banners, instructions). */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public String getPassphrase() {
        return passphrase;
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
    public boolean promptPassphrase(String message) {
        return passphrase != null;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false; // unknown or changed host keys are refused, never accepted
    }

    @Override
    public synchronized void showMessage(String message) {
        messages.add(message);
    }
}
