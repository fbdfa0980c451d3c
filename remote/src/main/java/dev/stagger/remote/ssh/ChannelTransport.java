package dev.stagger.remote.ssh;

import com.jcraft.jsch.ChannelDirectTCPIP;
import dev.stagger.engine.live.LiveTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A live client's transport over a {@code direct-tcpip} channel. JSch's channel streams block
 * without a timeout, so each read is guarded: past the deadline the watchdog closes the channel
 * and the read fails as a socket's would.
 */
final class ChannelTransport implements LiveTransport {
    private final ChannelDirectTCPIP channel;
    private final InputStream in;
    private final OutputStream out;
    private final ScheduledExecutorService watchdog;
    private final String description;
    private volatile int timeoutMillis = 60_000;
    private volatile boolean timedOut;

    ChannelTransport(ChannelDirectTCPIP channel, InputStream in, OutputStream out, ScheduledExecutorService watchdog,
            String description) {
        this.channel = channel;
        this.in = in;
        this.out = out;
        this.watchdog = watchdog;
        this.description = description;
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                ScheduledFuture<?> dog = watchdog.schedule(() -> {
                    timedOut = true;
                    channel.disconnect();
                }, timeoutMillis, TimeUnit.MILLISECONDS);
                try {
                    int n = in.read(b, off, len);
                    if (timedOut) {
                        throw new SocketTimeoutException("no data from " + description + " for " + timeoutMillis + " ms");
                    }
                    return n;
                } catch (IOException e) {
                    if (timedOut) {
                        throw new SocketTimeoutException("no data from " + description + " for " + timeoutMillis + " ms");
                    }
                    throw e;
                } finally {
                    dog.cancel(false);
                }
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }
        };
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public void readTimeout(int millis) {
        timeoutMillis = Math.max(1, millis);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
