package dev.stagger.gui.cluster;

import dev.stagger.remote.ssh.Prompter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The workbench's {@link Prompter}: an SSH thread's question goes to the UI executor, where
 * {@link AuthQuestions} shows a dialog, and the SSH thread waits for the answer (up to
 * {@link #WAIT_MINUTES}, long enough for a push approval). It refuses to be asked on the UI thread
 * itself: that wait would freeze the window. No answer in time counts as cancel.
 */
public final class RelayPrompter implements Prompter {
    /** How long a question waits for a person. */
    public static final long WAIT_MINUTES = 10;

    private final Executor ui;
    private final BooleanSupplier onUiThread;
    private final AuthQuestions questions;

    /**
     * @param onUiThread true when called on the UI thread ({@code Platform::isFxApplicationThread})
     */
    public RelayPrompter(Executor ui, BooleanSupplier onUiThread, AuthQuestions questions) {
        this.ui = ui;
        this.onUiThread = onUiThread;
        this.questions = questions;
    }

    @Override
    public boolean canAsk() {
        return true;
    }

    @Override
    public HostKeyDecision unknownHostKey(String host, String keyType, String fingerprint) {
        HostKeyDecision d = ask(a -> questions.unknownHostKey(new AuthQuestions.HostKeyQuestion(host, keyType,
                fingerprint), a::complete));
        return d == null ? HostKeyDecision.REFUSE : d;
    }

    @Override
    public char[] passphrase(String keyFile, boolean retry) {
        return ask(a -> questions.passphrase(keyFile, retry, a::complete));
    }

    @Override
    public String[] keyboardInteractive(String destination, String name, String instruction, List<String> prompts,
            boolean[] echo) {
        KeyboardInteractiveForm form = new KeyboardInteractiveForm(destination, name, instruction, prompts, echo);
        return ask(a -> questions.keyboardInteractive(form, a::complete));
    }

    @Override
    public void show(String message) {
        ui.execute(() -> questions.show(message));
    }

    private <T> T ask(Consumer<CompletableFuture<T>> question) {
        if (onUiThread.getAsBoolean()) {
            throw new IllegalStateException("an SSH connection asked a question on the UI thread; connect on a"
                    + " background thread");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        ui.execute(() -> question.accept(answer));
        try {
            return answer.get(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
