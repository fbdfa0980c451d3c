package dev.stagger.gui.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * One round of keyboard-interactive authentication as the dialog shows it: the server's name and
 * instruction, each prompt with whether its answer may be shown as typed (an MFA code may, a
 * password may not), and the answers typed so far. A round with no prompts (a Duo-style "approve on
 * your phone" wait) is shown as a message with nothing to type.
 */
public final class KeyboardInteractiveForm {
    private final String destination;
    private final String name;
    private final String instruction;
    private final List<String> prompts;
    private final boolean[] echo;
    private final String[] answers;

    public KeyboardInteractiveForm(String destination, String name, String instruction, List<String> prompts,
            boolean[] echo) {
        this.destination = destination == null ? "" : destination;
        this.name = name == null ? "" : name;
        this.instruction = instruction == null ? "" : instruction;
        this.prompts = List.copyOf(prompts);
        this.echo = new boolean[prompts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            this.echo[i] = echo != null && i < echo.length && echo[i];
        }
        this.answers = new String[prompts.size()];
        Arrays.fill(answers, "");
    }

    public String title() {
        return "Log in to " + destination;
    }

    /** The server's name and instruction, as it sent them (either may be empty). */
    public String message() {
        String m = (name + "\n" + instruction).strip();
        return m.isEmpty() && prompts.isEmpty() ? "Waiting for the server (approve the login where it asks you to)."
                : m;
    }

    public List<String> prompts() {
        return prompts;
    }

    /** Whether the answer to prompt {@code i} may be shown as typed; otherwise it is masked. */
    public boolean echo(int i) {
        return echo[i];
    }

    public void answer(int i, String text) {
        answers[i] = text == null ? "" : text;
    }

    /** True once every prompt has an answer (a round without prompts is always complete). */
    public boolean complete() {
        return Arrays.stream(answers).noneMatch(String::isEmpty);
    }

    /** The answers in the order of the prompts. */
    public String[] answers() {
        return answers.clone();
    }
}
