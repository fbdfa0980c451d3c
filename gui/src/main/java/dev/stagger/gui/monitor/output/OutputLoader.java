package dev.stagger.gui.monitor.output;

import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.output.OutputPreviews;
import dev.stagger.engine.output.OutputSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Loads what a run left in its output folder, on the background executor: the .pvd series, then
 * one field of one step binned into a preview. Requests are latest-value like frames: dragging the
 * step slider across fifty steps reads the step it stops at, not fifty files, and at most one load
 * runs at a time. Results go to {@code sink} on the loading thread.
 */
public final class OutputLoader {
    /** What to show: output {@code index} in the series (-1: the last), field and 3D slice. */
    record Request(int index, String field, int sliceAxis, int sliceIndex) {}

    /**
     * What a load found: the series (null when even that failed), the index shown, the step's
     * field (null on failure), the run's recorded end (null when the folder has no state file), and
     * the problem in words (null when all went well).
     */
    public record Result(OutputSeries series, int index, OutputPreviews.Loaded loaded, RunStateFile runState,
            String problem) {}

    private final Path folder;
    private final String name;
    private final int resolution;
    private final Executor background;
    private final Consumer<Result> sink;
    private final AtomicReference<Request> wanted = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private OutputSeries series; // loading thread only (one load at a time)

    OutputLoader(Path folder, String name, int resolution, Executor background, Consumer<Result> sink) {
        this.folder = folder;
        this.name = name;
        this.resolution = resolution;
        this.background = background;
        this.sink = sink;
    }

    Path folder() {
        return folder;
    }

    /** Asks for {@code r}; replaces a request not yet started. */
    void request(Request r) {
        wanted.set(r);
        if (running.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
    }

    private void drain() {
        do {
            try {
                for (Request r = wanted.getAndSet(null); r != null; r = wanted.getAndSet(null)) {
                    Result result = load(r);
                    // a newer request replaces this result at once: showing it would only flicker
                    if (wanted.get() == null) {
                        sink.accept(result);
                    }
                }
            } finally {
                running.set(false);
            }
            // a request that came after the last look but before running was cleared
        } while (wanted.get() != null && running.compareAndSet(false, true));
    }

    private Result load(Request r) {
        RunStateFile state = readState();
        try {
            if (series == null || r.index() < 0) {
                series = OutputSeries.find(folder, name); // re-read for "the last": a run may have added steps
            }
        } catch (IOException e) {
            return new Result(null, -1, null, state, message(e));
        }
        int index = r.index() < 0 || r.index() >= series.steps().size() ? series.steps().size() - 1 : r.index();
        OutputSeries.Step step = series.steps().get(index);
        try {
            OutputPreviews.Loaded loaded = OutputPreviews.read(step.file(), r.field(), r.sliceAxis(), r.sliceIndex(),
                    resolution, step);
            return new Result(series, index, loaded, state, null);
        } catch (IOException e) {
            return new Result(series, index, null, state, message(e));
        } catch (RuntimeException e) {
            // a file we misread is still the file's problem to the user, not a stack trace
            return new Result(series, index, null, state, "cannot show " + step.file() + ": " + message(e));
        }
    }

    private RunStateFile readState() {
        if (folder == null || !Files.isRegularFile(folder.resolve(RunStateFile.FILE_NAME))) {
            return null;
        }
        try {
            return RunStateFile.read(folder);
        } catch (IOException | RuntimeException e) {
            return null; // the state file only adds a label; the output is what matters
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
