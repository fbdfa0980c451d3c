package dev.stagger.gui.monitor.feed;

import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Status;
import dev.stagger.gui.monitor.frame.FramePipeline;
import dev.stagger.gui.monitor.frame.FrameSettings;
import dev.stagger.gui.monitor.state.Notifications;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Pulls a live run into the monitor, paced by a {@link FeedPolicy}. A loop on the background
 * executor long-polls the run's events, reads its status and, while the monitor is visible and a
 * preview is due, fetches one and colour-maps it into the {@link FramePipeline}. It touches no
 * property: what it learns goes into a pending {@link FeedBatch} under a lock for the pulse, and
 * its news to {@link Notifications}.
 *
 * <p>The connection may drop (a cluster run's SSH tunnel) while the run goes on: the feed says so,
 * retries every second, and follows the client it is given by {@link #switchTo} when its job
 * reconnects. Only a run known to be over ends the loop on a lost connection.
 */
public final class LiveFeed {
    /** Shown while the client fails: the run is elsewhere and not affected, its job reconnects. */
    public static final String CONNECTION_LOST = "connection lost, the run goes on; reconnecting";
    /** Shown once a round succeeds again after {@link #CONNECTION_LOST}. */
    public static final String CONNECTION_BACK = "connection back";
    private static final int EVENTS_PER_POLL = 5_000;
    private static final long IDLE_WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final FeedPolicy policy;
    private final Executor background;
    private final FramePipeline frames;
    private final Notifications notifications;
    private final Runnable onOver;
    private final LongSupplier nanoTime;
    private volatile LiveClient client;

    // ---- the loop's state (poll thread; the flags also from the FX thread) ----
    private volatile boolean polling;
    private volatile boolean visible = true;
    private volatile boolean knownOver;
    private volatile Thread pollThread;
    private final Object wake = new Object();
    private final EventDigest digest = new EventDigest();
    private final PreviewFetcher previews;
    private long roundDueNanos = Long.MIN_VALUE;
    private Status lastStatus;
    private String lastError;
    private boolean connectionLost;

    private final Object lock = new Object();
    private FeedBatch pending = new FeedBatch();

    /**
     * @param onOver called on the poll thread once the run is read to its end (or known over and gone)
     * @param nanoTime the clock that paces the feed ({@code System::nanoTime}; a fake one in tests)
     */
    public LiveFeed(LiveClient client, FeedPolicy policy, Executor background, FramePipeline frames,
            Notifications notifications, Runnable onOver, LongSupplier nanoTime) {
        this.client = client;
        this.policy = policy;
        this.background = background;
        this.frames = frames;
        this.notifications = notifications;
        this.onOver = onOver;
        this.nanoTime = nanoTime;
        this.previews = new PreviewFetcher(policy, frames, nanoTime);
    }

    // ---- lifecycle (FX thread) ---------------------------------------------------------------

    /** Starts the loop on the background executor; it ends by itself once the run is over. */
    public void start() {
        if (polling) {
            return;
        }
        polling = true;
        background.execute(this::loop);
    }

    /** Ends the loop (within one poll); the run goes on. Does not close the client. */
    public void stop() {
        polling = false;
        Thread t = pollThread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean isPolling() {
        return polling;
    }

    /** Previews are fetched only while the monitor is on screen. */
    public void visibilityChanged(boolean shown) {
        this.visible = shown;
    }

    /** The run's job says it is over: a lost connection now means the run has gone, not the link. */
    public void runEnded() {
        knownOver = true;
    }

    /** A field or slice changed: the next round fetches a preview whatever the interval says. */
    public void previewNow() {
        previews.now();
    }

    /**
     * Follows {@code next} from the next round on (the job reconnected its tunnel). The events
     * already read are not read again: it is the same run, whichever connection reaches it.
     */
    public void switchTo(LiveClient next) {
        if (next == null || next == client) {
            return;
        }
        client = next;
        synchronized (wake) {
            wake.notifyAll(); // no need to sit out the retry pause on the dead client
        }
    }

    public LiveClient client() {
        return client;
    }

    public FeedPolicy policy() {
        return policy;
    }

    /** What the rounds learnt since the last call; empty when nothing. Called by the pulse. */
    public FeedBatch takePending() {
        synchronized (lock) {
            FeedBatch b = pending;
            if (!b.isEmpty()) {
                pending = new FeedBatch();
            }
            return b;
        }
    }

    public int previewsFetched() {
        return previews.fetched();
    }

    // ---- the loop (background) ---------------------------------------------------------------

    private void loop() {
        pollThread = Thread.currentThread();
        boolean over = false;
        try {
            while (polling) {
                long pause;
                try {
                    if (!pollOnce()) {
                        over = true;
                        break;
                    }
                    pause = millisUntilDue();
                } catch (IOException e) {
                    if (!polling) {
                        break;
                    }
                    if (knownOver) {
                        // the run ended and its server went with it: what it wrote is all there is to see
                        over = true;
                        break;
                    }
                    lost(e);
                    pause = RETRY_MILLIS;
                }
                if (!pause(pause)) {
                    break;
                }
            }
        } finally {
            pollThread = null;
            polling = false;
            Thread.interrupted(); // a stop() that came late must not leave a pool thread interrupted
        }
        if (over) {
            onOver.run();
        }
    }

    /** Waits {@code millis} or until a new client comes; false when stopped meanwhile. */
    private boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            synchronized (wake) {
                wake.wait(millis);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void lost(IOException e) {
        connectionLost = true;
        notifyOnce(CONNECTION_LOST + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }

    /**
     * One round: new events (waiting at most until the next preview is due), the status, and a
     * preview when one is due. On a slow link a round comes at most once per
     * {@link FeedPolicy#statusIntervalMillis}; in between, only a due preview is fetched. Returns
     * false once the run is over and every event has been read.
     */
    public boolean pollOnce() throws IOException {
        LiveClient c = client;
        long now = nanoTime.getAsLong();
        boolean over = lastStatus != null && lastStatus.state().isOver();
        if (!over && now < roundDueNanos) {
            if (wantPreview()) {
                fetchPreview(c, lastStatus, false);
            }
            return true;
        }
        roundDueNanos = now + policy.statusIntervalMillis() * 1_000_000;
        long waitMillis = wantPreview() ? Math.max(1, (previews.dueNanos() - now) / 1_000_000) : IDLE_WAIT_MILLIS;
        if (over) {
            waitMillis = 0;
        }
        List<Event> events = c.events(digest.lastSequence(), EVENTS_PER_POLL,
                Math.min(waitMillis, policy.previewIntervalMillis()));
        FeedBatch batch = new FeedBatch();
        digest.digest(events, batch);
        Status status = c.status();
        batch.status = status;
        digest.statusPoint(status, batch);
        lastStatus = status;
        if (connectionLost) {
            connectionLost = false;
            lastError = null; // a later drop is news again
            notifications.post(CONNECTION_BACK);
        }
        chooseDefaults(status);
        publish(batch);
        if (visible && !status.state().isOver()) {
            fetchPreview(c, status, true);
        }
        return !(status.state().isOver() && events.isEmpty());
    }

    /**
     * How long the loop sleeps before the next round or preview is due: on a slow link the rest of
     * the second between rounds; 0 where the events long poll paces the loop (a local run) or the
     * rest of the stream is to be read at once (the run is over).
     */
    public long millisUntilDue() {
        if (policy.statusIntervalMillis() == 0 || lastStatus == null || lastStatus.state().isOver()) {
            return 0;
        }
        long next = roundDueNanos;
        if (wantPreview()) {
            next = Math.min(next, previews.dueNanos());
        }
        long wait = next - nanoTime.getAsLong();
        return wait <= 0 ? 0 : (wait + 999_999) / 1_000_000;
    }

    private boolean wantPreview() {
        return visible && lastStatus != null && !lastStatus.state().isOver();
    }

    private void chooseDefaults(Status status) {
        FrameSettings s = frames.settings();
        if (s.field() == null && !status.fields().isEmpty()) {
            frames.compareAndSet(s, s.withField(status.fields().get(0)));
        }
        s = frames.settings();
        if (status.dims() == 3 && s.sliceIndex() == 0) {
            int axis = s.sliceAxis();
            frames.compareAndSet(s, s.withSlice(axis, status.cells()[axis] / 2 + 1));
        }
    }

    /** A preview if due; a failure is news, not the end of the round (the run may be between two answers). */
    private void fetchPreview(LiveClient c, Status status, boolean statusFresh) {
        try {
            previews.fetchIfDue(c, status, statusFresh);
        } catch (IOException e) {
            if (polling) {
                notifyOnce("preview of " + frames.settings().field() + ": " + e.getMessage());
            }
        }
    }

    private void publish(FeedBatch batch) {
        synchronized (lock) {
            pending.merge(batch);
        }
    }

    private void notifyOnce(String text) {
        if (!text.equals(lastError)) {
            lastError = text;
            notifications.post(text);
        }
    }
}
