package dev.stagger.gui.monitor.feed;

import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.gui.monitor.frame.FramePipeline;
import dev.stagger.gui.monitor.frame.FrameSettings;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * When the feed asks for a preview, of what size, and whether it is worth asking: at most one per
 * {@link FeedPolicy#previewIntervalMillis} (longer after a slow one where the policy adapts),
 * {@link FeedPolicy#previewResolution} values per side, none while the run shows nothing new.
 * Fetched previews go into the {@link FramePipeline}. Poll thread only, but {@link #now} from any.
 */
final class PreviewFetcher {
    private static final long TIMEOUT_MILLIS = 30_000;

    private final FeedPolicy policy;
    private final FramePipeline frames;
    private final LongSupplier nanoTime;
    private volatile long dueNanos = Long.MIN_VALUE;
    private PreviewRequest lastRequest;
    private final AtomicInteger fetched = new AtomicInteger();

    PreviewFetcher(FeedPolicy policy, FramePipeline frames, LongSupplier nanoTime) {
        this.policy = policy;
        this.frames = frames;
        this.nanoTime = nanoTime;
    }

    /** When the next preview is due, on the feed's clock. */
    long dueNanos() {
        return dueNanos;
    }

    /** The field or slice changed: the next chance fetches, whatever the interval says. */
    void now() {
        dueNanos = Long.MIN_VALUE;
    }

    /**
     * Fetches a preview if one is due and would show something new. {@code statusFresh}:
     * {@code status} was read this round; between the rounds of a slow link it is up to a second
     * old, and only its "paused" still says the run has not moved (a running run answers at its
     * next step, so asking is never wasted).
     */
    void fetchIfDue(LiveClient client, Status status, boolean statusFresh) throws IOException {
        long started = nanoTime.getAsLong();
        if (started < dueNanos) {
            return;
        }
        dueNanos = started + policy.previewIntervalMillis() * 1_000_000;
        FrameSettings s = frames.settings();
        if (s.field() == null) {
            return;
        }
        int side = policy.previewResolution();
        PreviewRequest request = status.dims() == 3
                ? new PreviewRequest(s.field(), side, side, s.sliceAxis(), Math.max(1, s.sliceIndex()))
                : PreviewRequest.of(s.field(), side, side);
        Preview last = frames.latest();
        if (request.equals(lastRequest) && last != null && last.step() == status.step()
                && (statusFresh || status.state() == RunState.PAUSED)) {
            return; // paused or between steps: nothing new to see
        }
        Preview p = client.preview(request, TIMEOUT_MILLIS);
        if (policy.adaptToPreviewTime()) {
            long ended = nanoTime.getAsLong();
            dueNanos = Math.max(dueNanos, ended + (ended - started));
        }
        lastRequest = request;
        fetched.incrementAndGet();
        frames.show(p);
    }

    int fetched() {
        return fetched.get();
    }
}
