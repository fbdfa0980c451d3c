package dev.stagger.remote.ssh;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Asks on the terminal, or, without one, through the program named by {@code SSH_ASKPASS} as
 * OpenSSH does ({@code SSH_ASKPASS_REQUIRE=force} uses it even with a terminal). Host keys are only
 * ever accepted at a terminal: without one they are refused with the command that trusts them.
 */
public final class TerminalPrompter implements Prompter {
    private static final long ASKPASS_SECONDS = 300;

    private final Console console;
    private final String askpass;
    private final boolean forceAskpass;

    private TerminalPrompter(Console console, String askpass, boolean forceAskpass) {
        this.console = console;
        this.askpass = askpass;
        this.forceAskpass = forceAskpass;
    }

    /** The prompter for this process's terminal and environment. */
    public static Prompter forThisProcess() {
        String askpass = System.getenv("SSH_ASKPASS");
        String require = System.getenv("SSH_ASKPASS_REQUIRE");
        boolean usable = askpass != null && !askpass.isBlank() && !"never".equals(require)
                && ("force".equals(require) || "prefer".equals(require) || System.getenv("DISPLAY") != null);
        return new TerminalPrompter(System.console(), usable ? askpass : null, usable && "force".equals(require));
    }

    private boolean terminal() {
        return console != null && !forceAskpass;
    }

    @Override
    public boolean canAsk() {
        return console != null;
    }

    @Override
    public HostKeyDecision unknownHostKey(String host, String keyType, String fingerprint) {
        if (console == null) {
            return HostKeyDecision.REFUSE;
        }
        console.printf("The authenticity of host '%s' can't be established.%n%s key fingerprint is %s.%n"
                + "Compare it with the fingerprint your cluster's administrators publish.%n", host, keyType, fingerprint);
        while (true) {
            String answer = console.readLine("Trust it: [o]nce, [r]emember it in known_hosts, or [n]o? ");
            if (answer == null) {
                return HostKeyDecision.REFUSE;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "o", "once" -> {
                    return HostKeyDecision.TRUST_ONCE;
                }
                case "r", "remember", "yes" -> {
                    return HostKeyDecision.TRUST_AND_REMEMBER;
                }
                case "n", "no", "" -> {
                    return HostKeyDecision.REFUSE;
                }
                default -> console.printf("Please answer o, r or n.%n");
            }
        }
    }

    @Override
    public char[] passphrase(String keyFile, boolean retry) {
        String prompt = (retry ? "Wrong passphrase. " : "") + "Enter passphrase for key '" + keyFile + "': ";
        if (terminal()) {
            return console.readPassword("%s", prompt);
        }
        String answer = askpass(prompt);
        return answer == null ? null : answer.toCharArray();
    }

    @Override
    public String[] keyboardInteractive(String destination, String name, String instruction, List<String> prompts,
            boolean[] echo) {
        String[] answers = new String[prompts.size()];
        if (terminal()) {
            if (name != null && !name.isBlank()) {
                console.printf("%s%n", name);
            }
            if (instruction != null && !instruction.isBlank()) {
                console.printf("%s%n", instruction);
            }
        }
        for (int i = 0; i < answers.length; i++) {
            String prompt = "(" + destination + ") " + prompts.get(i);
            if (terminal()) {
                if (echo[i]) {
                    answers[i] = console.readLine("%s", prompt);
                } else {
                    char[] secret = console.readPassword("%s", prompt);
                    answers[i] = secret == null ? null : new String(secret);
                }
            } else {
                answers[i] = askpass(prompt);
            }
            if (answers[i] == null) {
                return null;
            }
        }
        return answers;
    }

    @Override
    public void show(String message) {
        if (console != null) {
            console.printf("%s%n", message.strip());
        } else {
            System.err.println(message.strip());
        }
    }

    /** Runs the askpass program with the prompt as its argument; its first line of output is the answer. */
    private String askpass(String prompt) {
        if (askpass == null) {
            return null;
        }
        try {
            List<String> command = new ArrayList<>(List.of(askpass, prompt));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            if (!p.waitFor(ASKPASS_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? line : null;
        } catch (IOException e) {
            System.err.println("stagger: could not run SSH_ASKPASS program " + askpass + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
