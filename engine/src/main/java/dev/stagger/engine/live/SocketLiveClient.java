package dev.stagger.engine.live;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of a run's live server over a stream: TCP for the workbench and {@code stagger attach},
 * an SSH tunnel ({@link #over}) for cluster runs. One request at a time per client; every read has a
 * deadline, so a dead server is an error, never a hang.
 */
public final class SocketLiveClient implements LiveClient {
    private static final int CONNECT_MILLIS = 10_000;
    private static final int REPLY_MARGIN_MILLIS = 15_000;

    private final LiveTransport socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int version;
    private long firstHeld;

    private SocketLiveClient(LiveTransport socket, DataInputStream in, DataOutputStream out, int version) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.version = version;
    }

    /** Connects and shakes hands; refusals (token, version) come back as IOExceptions with the server's reason. */
    public static SocketLiveClient connect(String host, int port, String token, String clientName) throws IOException {
        return connect(host, port, token, clientName, Wire.VERSION_MIN, Wire.VERSION_MAX);
    }

    static SocketLiveClient connect(String host, int port, String token, String clientName, int minVersion,
            int maxVersion) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return over(new TcpTransport(socket, host + ":" + port), token, clientName, minVersion, maxVersion);
    }

    /** Shakes hands over a transport already connected to a run's server (an SSH tunnel, say). */
    public static SocketLiveClient over(LiveTransport transport, String token, String clientName) throws IOException {
        return over(transport, token, clientName, Wire.VERSION_MIN, Wire.VERSION_MAX);
    }

    static SocketLiveClient over(LiveTransport transport, String token, String clientName, int minVersion,
            int maxVersion) throws IOException {
        String where = transport.describe();
        try {
            transport.readTimeout(LiveServer.HANDSHAKE_MILLIS + REPLY_MARGIN_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(transport.input()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(transport.output()));
            IOException sendFailed = null;
            try {
                out.write(Wire.MAGIC);
                Wire.send(out, Wire.HELLO, new Hello(minVersion, maxVersion, token, clientName)::write);
            } catch (IOException e) {
                // a crowded server may have turned us away before our hello arrived: its reason, when it
                // is there to read, says more than a broken pipe
                sendFailed = e;
            }
            Wire.Frame reply;
            try {
                reply = Wire.receive(in);
            } catch (IOException e) {
                if (sendFailed != null) {
                    e.addSuppressed(sendFailed);
                }
                throw e;
            }
            if (reply.type() == Wire.REFUSED) {
                throw new LiveRefusedException(Wire.readString(reply.body()));
            }
            if (reply.type() != Wire.WELCOME) {
                throw new IOException("unexpected answer to hello (type " + reply.type() + ")");
            }
            int version = reply.body().readInt();
            return new SocketLiveClient(transport, in, out, version);
        } catch (SocketTimeoutException e) {
            transport.close();
            throw new IOException("no answer from " + where + " within the handshake time");
        } catch (java.io.EOFException e) {
            transport.close();
            throw new IOException(where + " closed the connection during the handshake (not a Stagger run?)");
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    public int version() {
        return version;
    }

    /** The oldest event the server still held at the last {@link #events} call. */
    public long firstHeld() {
        return firstHeld;
    }

    private synchronized Wire.Frame call(byte type, Wire.Body body, long waitMillis) throws IOException {
        socket.readTimeout((int) Math.min(Integer.MAX_VALUE, waitMillis + REPLY_MARGIN_MILLIS));
        Wire.send(out, type, body);
        Wire.Frame reply = Wire.receive(in);
        if (reply.type() == Wire.ERROR) {
            throw new IOException(Wire.readString(reply.body()));
        }
        return reply;
    }

    @Override
    public Status status() throws IOException {
        return Wire.readStatus(call(Wire.STATUS, o -> {}, 0).body());
    }

    @Override
    public List<Event> events(long after, int max, long waitMillis) throws IOException {
        DataInputStream body = call(Wire.EVENTS, o -> {
            o.writeLong(after);
            o.writeInt(max);
            o.writeLong(waitMillis);
        }, waitMillis).body();
        firstHeld = body.readLong();
        int n = body.readInt();
        List<Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(Wire.readEvent(body));
        }
        return events;
    }

    @Override
    public Preview preview(PreviewRequest request, long timeoutMillis) throws IOException {
        return Wire.readPreview(call(Wire.PREVIEW, o -> {
            Wire.writeRequest(o, request);
            o.writeLong(timeoutMillis);
        }, timeoutMillis).body());
    }

    @Override
    public String control(Command command, long timeoutMillis) throws IOException {
        return Wire.readString(call(Wire.CONTROL, o -> o.writeByte(command.ordinal()), timeoutMillis).body());
    }

    /** A plain TCP connection to the server. */
    private record TcpTransport(Socket socket, String describe) implements LiveTransport {
        @Override
        public java.io.InputStream input() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public java.io.OutputStream output() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void readTimeout(int millis) throws IOException {
            socket.setSoTimeout(millis);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Override
    public void close() {
        try {
            Wire.send(out, Wire.BYE, o -> {});
        } catch (IOException e) {
            // the server is gone already
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
