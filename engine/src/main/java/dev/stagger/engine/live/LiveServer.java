package dev.stagger.engine.live;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rank 0's server: answers clients that present the run's token, on a port of its own, each
 * client on its own thread. Clients only read the {@link LiveRun} and leave requests in it; a slow,
 * stuck or vanished client blocks nothing but its own thread.
 *
 * <p>Until a connection has shown the token it costs little and holds little: it waits in the
 * {@link HandshakeLobby} (no thread of its own, a HELLO of at most {@link Hello#MAX_FRAME} bytes, one
 * deadline for the whole handshake, few places), so a crowd of idle, slow or oversized strangers
 * cannot lock the run's clients out. Clients that show the token get one of {@link Limits#clients}
 * places, or a refusal that says so. An attached client is dropped after {@link #IDLE_MILLIS} idle.
 */
public final class LiveServer implements AutoCloseable {
    /** The default whole-handshake deadline: magic and HELLO, however slowly they arrive. */
    static final int HANDSHAKE_MILLIS = 10_000;
    static final int IDLE_MILLIS = 10 * 60_000;
    /** The longest a client may ask the server to wait for events or a preview. */
    static final long MAX_WAIT_MILLIS = 120_000;

    /**
     * What a crowd may take: {@code handshake} for magic and HELLO together, {@code pendingHandshakes}
     * connections waiting to show their token, {@code clients} attached clients that have shown it.
     */
    record Limits(Duration handshake, int pendingHandshakes, int clients) {
        static final Limits DEFAULT = new Limits(Duration.ofMillis(HANDSHAKE_MILLIS), 8, 32);

        Limits {
            if (handshake.isNegative() || handshake.isZero() || pendingHandshakes < 1 || clients < 1) {
                throw new IllegalArgumentException("live server limits must be positive: " + handshake + ", "
                        + pendingHandshakes + ", " + clients);
            }
        }
    }

    private final LiveRun run;
    private final byte[] token;
    private final Limits limits;
    private final HandshakeLobby lobby;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean closed;

    private LiveServer(LiveRun run, String token, Limits limits, InetAddress address) throws IOException {
        this.run = run;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.limits = limits;
        this.lobby = HandshakeLobby.open(address, limits.handshake(), limits.pendingHandshakes(), new HandshakeLobby.Door() {
            @Override
            public String refusal(Hello hello) {
                return LiveServer.this.refusal(hello);
            }

            @Override
            public void enter(SocketChannel channel, Hello hello) {
                LiveServer.this.enter(channel, hello);
            }
        });
    }

    /** Starts serving {@code run} on a free port of {@code address} (loopback unless told otherwise). */
    public static LiveServer start(LiveRun run, String token, InetAddress address) throws IOException {
        return start(run, token, address, Limits.DEFAULT);
    }

    static LiveServer start(LiveRun run, String token, InetAddress address, Limits limits) throws IOException {
        return new LiveServer(run, token, limits, address);
    }

    /** A fresh random token: 32 bytes from a SecureRandom, in hex. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token clients must present (it goes into the owner-only endpoint file). */
    public String token() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    /**
     * Closes once the connected clients have hung up (they do when they see the run end), or after
     * {@code millis}, whichever comes first: attached clients get to read the end of the stream.
     */
    public void closeWhenClientsLeave(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (clients) {
            while (!clients.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                try {
                    clients.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
    }

    public int port() {
        return lobby.port();
    }

    public InetAddress address() {
        return lobby.address();
    }

    /** Clients that completed the handshake so far. */
    public int clientsServed() {
        return served.get();
    }

    /**
     * Why a HELLO is turned away, or null to let it in. The token comes first: a stranger learns
     * nothing else about the run. Only the lobby's thread adds clients, so the count cannot be
     * overtaken between this check and {@link #enter}.
     */
    private String refusal(Hello hello) {
        if (!MessageDigest.isEqual(hello.token().getBytes(StandardCharsets.UTF_8), token)) {
            return "wrong token: this run's token is in its endpoint file";
        }
        if (hello.agreedVersion() < 0) {
            return "protocol mismatch: the client speaks versions " + hello.minVersion() + ".." + hello.maxVersion()
                    + ", this run " + Wire.VERSION_MIN + ".." + Wire.VERSION_MAX
                    + "; use a Stagger of the same release as the run";
        }
        if (closed) {
            return "the run's server is closing";
        }
        if (clients.size() >= limits.clients()) {
            return "too many clients (" + limits.clients() + " attached); close one and try again";
        }
        return null;
    }

    private void enter(SocketChannel channel, Hello hello) {
        clients.add(channel);
        try {
            Thread handler = new Thread(() -> serve(channel, hello.agreedVersion()), "stagger-live-client");
            handler.setDaemon(true);
            handler.start();
        } catch (OutOfMemoryError | RuntimeException noThread) {
            // no thread to be had: this client goes, the lobby and the run go on
            clients.remove(channel);
            try {
                channel.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    private void serve(SocketChannel channel, int version) {
        try (channel) {
            Socket client = channel.socket();
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            Wire.send(out, Wire.WELCOME, o -> {
                o.writeInt(version);
                Wire.writeString(o, run.status().runName());
            });
            served.incrementAndGet();
            while (!closed) {
                Wire.Frame frame = Wire.receive(in);
                if (frame.type() == Wire.BYE) {
                    return;
                }
                answer(frame, out);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or spoke nonsense: only its own connection ends
        } finally {
            synchronized (clients) {
                clients.remove(channel);
                clients.notifyAll();
            }
        }
    }

    private void answer(Wire.Frame frame, DataOutputStream out) throws IOException {
        DataInputStream body = frame.body();
        switch (frame.type()) {
            case Wire.STATUS -> {
                Status status = run.status();
                Wire.send(out, Wire.STATUS_REPLY, o -> Wire.writeStatus(o, status));
            }
            case Wire.EVENTS -> {
                long after = body.readLong();
                int max = Math.max(1, Math.min(body.readInt(), 10_000));
                long wait = Math.max(0, Math.min(body.readLong(), MAX_WAIT_MILLIS));
                List<Event> events;
                try {
                    events = run.events().after(after, max, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long first = run.events().first();
                Wire.send(out, Wire.EVENTS_REPLY, o -> {
                    o.writeLong(first);
                    o.writeInt(events.size());
                    for (Event e : events) {
                        Wire.writeEvent(o, e);
                    }
                });
            }
            case Wire.PREVIEW -> {
                PreviewRequest request;
                long timeout;
                try {
                    request = Wire.readRequest(body);
                    timeout = Math.max(1, Math.min(body.readLong(), MAX_WAIT_MILLIS));
                } catch (IllegalArgumentException e) {
                    error(out, e.getMessage());
                    return;
                }
                try {
                    Preview preview = LiveRun.await(run.requestPreview(request), timeout, "preview of " + request.field());
                    Wire.send(out, Wire.PREVIEW_REPLY, o -> Wire.writePreview(o, preview));
                } catch (IOException e) {
                    error(out, e.getMessage());
                }
            }
            case Wire.CONTROL -> {
                int ordinal = body.readByte();
                if (ordinal < 0 || ordinal >= Command.values().length) {
                    error(out, "unknown control " + ordinal);
                    return;
                }
                Command command = Command.values()[ordinal];
                try {
                    String reply = LiveRun.await(run.control(command), MAX_WAIT_MILLIS, command.name().toLowerCase());
                    Wire.send(out, Wire.CONTROL_REPLY, o -> Wire.writeString(o, reply));
                } catch (IOException e) {
                    error(out, e.getMessage());
                }
            }
            default -> error(out, "unknown request type " + frame.type());
        }
    }

    private static void error(DataOutputStream out, String message) throws IOException {
        Wire.send(out, Wire.ERROR, o -> Wire.writeString(o, message == null ? "failed" : message));
    }

    @Override
    public void close() {
        closed = true;
        lobby.close();
        for (SocketChannel client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
