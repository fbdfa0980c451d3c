package dev.stagger.engine.live;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte stream a {@link SocketLiveClient} speaks over: a TCP socket to rank 0, or a tunnel
 * (an SSH {@code direct-tcpip} channel) to it. Every read must end by the deadline set last: a
 * transport whose streams ignore timeouts (SSH channels do) enforces it with a watchdog that closes
 * the stream.
 */
public interface LiveTransport extends Closeable {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** Reads from now on fail with {@link java.net.SocketTimeoutException} after this long without data. */
    void readTimeout(int millis) throws IOException;

    /** Where it leads, for messages ("node3:41234 through hpc1"). */
    String describe();
}
