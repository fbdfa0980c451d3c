package dev.stagger.engine.live;

import java.io.IOException;
import java.util.List;

/**
 * How anyone follows a run: the same calls in process (embedded runs, {@link LiveRun#client()}) and
 * over TCP to rank 0's server ({@link SocketLiveClient}). Every call has a deadline.
 */
public interface LiveClient extends AutoCloseable {

    Status status() throws IOException;

    /**
     * Events after sequence number {@code after} (0 for the start of what the run still holds), at most
     * {@code max}; waits up to {@code waitMillis} for the first one, returns empty when none came.
     */
    List<Event> events(long after, int max, long waitMillis) throws IOException;

    /** A preview assembled at the run's next step boundary (or at once while paused or finished). */
    Preview preview(PreviewRequest request, long timeoutMillis) throws IOException;

    /** Sends a control; returns the run's answer ("paused at step 120", ...). */
    String control(Command command, long timeoutMillis) throws IOException;

    @Override
    void close();
}
