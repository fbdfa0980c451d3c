package dev.stagger.engine.live;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rank 0's server: answers clients that present the run's token, on a port of its own, each
 * client on its own thread. Clients only read the {@link LiveRun} and leave requests in it; a slow,
 * stuck or vanished client blocks nothing but its own thread. The handshake must complete within
 * {@link #HANDSHAKE_MILLIS}; an idle client is dropped after {@link #IDLE_MILLIS}.
 */
public final class LiveServer implements AutoCloseable {
    static final int HANDSHAKE_MILLIS = 10_000;
    static final int IDLE_MILLIS = 10 * 60_000;
    static final int MAX_CLIENTS = 32;
    /** The longest a client may ask the server to wait for events or a preview. */
    static final long MAX_WAIT_MILLIS = 120_000;

    private final LiveRun run;
    private final byte[] token;
    private final ServerSocket socket;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean closed;

    private LiveServer(LiveRun run, String token, ServerSocket socket) {
        this.run = run;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.socket = socket;
        this.acceptor = new Thread(this::acceptLoop, "stagger-live-accept");
        acceptor.setDaemon(true);
    }

    /** Starts serving {@code run} on a free port of {@code address} (loopback unless told otherwise). */
    public static LiveServer start(LiveRun run, String token, InetAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, 0), 16);
        LiveServer server = new LiveServer(run, token, socket);
        server.acceptor.start();
        return server;
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
        return socket.getLocalPort();
    }

    public InetAddress address() {
        return socket.getInetAddress();
    }

    /** Clients that completed the handshake so far. */
    public int clientsServed() {
        return served.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (clients.size() >= MAX_CLIENTS) {
                refuseQuietly(client, "too many clients (" + MAX_CLIENTS + "); close one and try again");
                continue;
            }
            clients.add(client);
            Thread handler = new Thread(() -> serve(client), "stagger-live-client");
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(HANDSHAKE_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            if (!handshake(in, out)) {
                return;
            }
            served.incrementAndGet();
            client.setSoTimeout(IDLE_MILLIS);
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
                clients.remove(client);
                clients.notifyAll();
            }
        }
    }

    private boolean handshake(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] magic = new byte[Wire.MAGIC.length];
        try {
            in.readFully(magic);
        } catch (SocketTimeoutException e) {
            return false;
        }
        if (!MessageDigest.isEqual(magic, Wire.MAGIC)) {
            return false;
        }
        Wire.Frame hello = Wire.receive(in);
        if (hello.type() != Wire.HELLO) {
            refuse(out, "expected a hello first");
            return false;
        }
        int min = hello.body().readInt();
        int max = hello.body().readInt();
        String presented = Wire.readString(hello.body());
        Wire.readString(hello.body());
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), token)) {
            refuse(out, "wrong token: this run's token is in its endpoint file");
            return false;
        }
        int version = Math.min(max, Wire.VERSION_MAX);
        if (version < Math.max(min, Wire.VERSION_MIN)) {
            refuse(out, "protocol mismatch: the client speaks versions " + min + ".." + max + ", this run "
                    + Wire.VERSION_MIN + ".." + Wire.VERSION_MAX + "; use a Stagger of the same release as the run");
            return false;
        }
        Wire.send(out, Wire.WELCOME, o -> {
            o.writeInt(version);
            Wire.writeString(o, run.status().runName());
        });
        return true;
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

    private static void refuse(DataOutputStream out, String reason) throws IOException {
        Wire.send(out, Wire.REFUSED, o -> Wire.writeString(o, reason));
    }

    private static void refuseQuietly(Socket client, String reason) {
        try (client) {
            client.setSoTimeout(1_000);
            refuse(new DataOutputStream(client.getOutputStream()), reason);
        } catch (IOException e) {
            // it was leaving anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to save
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
