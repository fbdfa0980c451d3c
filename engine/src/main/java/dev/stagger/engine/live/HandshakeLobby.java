package dev.stagger.engine.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where connections wait until they have shown a complete HELLO: all of them on one thread, none
 * with a thread of its own, so a crowd of connections that never speak costs a few sockets and at
 * most {@link Hello#MAX_FRAME} bytes each. The lobby holds at most {@code pendingHandshakes} of
 * them, each for at most the whole-handshake deadline; when it is full, a new connection displaces
 * the one that has waited longest (a real client shows its HELLO within a round trip, so only the
 * idle and the slow are displaced) and that one is told why. Nothing here waits for a peer. A complete HELLO goes to the
 * {@link Door}, which lets it in (on a thread of its own, with a blocking channel) or refuses it.
 */
final class HandshakeLobby implements AutoCloseable {
    private static final int BACKLOG = 64;
    /** At most this much unread input is discarded before a refusal, so that closing sends FIN, not RST. */
    private static final int DRAIN_LIMIT = 64 << 10;

    /** What the server decides about a connection that has shown its HELLO. */
    interface Door {
        /** Why this HELLO is turned away, or null to let it in. Called on the lobby's thread. */
        String refusal(Hello hello);

        /** Serves a connection that was let in; its channel is blocking now. Must not block. */
        void enter(SocketChannel channel, Hello hello);
    }

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Door door;
    private final long deadlineNanos;
    private final String deadlineText;
    private final int capacity;
    /** Oldest first: the order of both their deadlines and their displacement. */
    private final ArrayDeque<PendingHandshake> waiting = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean closed;

    private HandshakeLobby(ServerSocketChannel listener, Selector selector, Duration deadline, int capacity, Door door) {
        this.listener = listener;
        this.selector = selector;
        this.door = door;
        this.deadlineNanos = deadline.toNanos();
        this.deadlineText = describe(deadline);
        this.capacity = capacity;
        this.thread = new Thread(this::loop, "stagger-live-handshakes");
        thread.setDaemon(true);
    }

    /** Listens on a free port of {@code address} and starts admitting connections through {@code door}. */
    static HandshakeLobby open(InetAddress address, Duration deadline, int capacity, Door door) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(address, 0), BACKLOG);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        HandshakeLobby lobby = new HandshakeLobby(listener, selector, deadline, capacity, door);
        lobby.thread.start();
        return lobby;
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    InetAddress address() {
        return listener.socket().getInetAddress();
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select(millisToNextDeadline());
                Set<SelectionKey> selected = selector.selectedKeys();
                // a copy: handing a channel over runs selectNow, which adds to the selected set
                List<SelectionKey> ready = new ArrayList<>(selected);
                selected.clear();
                for (SelectionKey key : ready) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.channel() == listener) {
                        acceptAll();
                    } else {
                        progress((PendingHandshake) key.attachment());
                    }
                }
                turnAwayOverdue();
            }
        } catch (IOException | RuntimeException e) {
            // the selector itself failed: nothing more can be admitted, the run goes on without a server
        } finally {
            for (PendingHandshake p : waiting) {
                closeQuietly(p.channel);
            }
            waiting.clear();
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private long millisToNextDeadline() {
        PendingHandshake oldest = waiting.peekFirst();
        if (oldest == null) {
            return 0; // nothing waiting: sleep until a connection or close()
        }
        long nanos = oldest.deadlineNanos - System.nanoTime();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private void acceptAll() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // out of file descriptors, say: back off instead of spinning, the listener stays ready
                pause(50);
                return;
            }
            if (channel == null) {
                return;
            }
            makeRoom();
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                PendingHandshake pending = new PendingHandshake(channel, key, System.nanoTime() + deadlineNanos);
                key.attach(pending);
                waiting.addLast(pending);
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
            }
        }
    }

    /**
     * Displaces the connection that has waited longest, unless its HELLO has arrived meanwhile (this
     * wakeup may have seen the newcomer first): that one is taken in, never displaced.
     */
    private void makeRoom() {
        while (waiting.size() >= capacity) {
            PendingHandshake oldest = waiting.peekFirst();
            progress(oldest);
            if (waiting.peekFirst() == oldest) {
                turnAway(oldest, "too many connections waiting to show their token (" + capacity + "); try again");
            }
        }
    }

    private void progress(PendingHandshake pending) {
        try {
            switch (pending.readAvailable()) {
                case WAITING -> {
                    // the rest comes later, or the deadline does
                }
                case COMPLETE -> hello(pending);
                case TOO_LARGE -> turnAway(pending, "a hello of " + pending.declaredLength() + " bytes is over the "
                        + Hello.MAX_FRAME + "-byte limit for a client that has not shown its token");
                case NOT_STAGGER, CLOSED -> drop(pending);
            }
        } catch (IOException | RuntimeException e) {
            drop(pending);
        }
    }

    private void hello(PendingHandshake pending) throws IOException {
        Wire.Frame frame = pending.frame();
        if (frame.type() != Wire.HELLO) {
            turnAway(pending, "expected a hello first");
            return;
        }
        Hello hello = Hello.read(frame.body());
        String refusal = door.refusal(hello);
        if (refusal != null) {
            turnAway(pending, refusal);
            return;
        }
        waiting.remove(pending);
        pending.key.cancel();
        selector.selectNow(); // completes the deregistration, which a blocking channel requires
        pending.channel.configureBlocking(true);
        door.enter(pending.channel, hello);
    }

    private void turnAwayOverdue() {
        long now = System.nanoTime();
        while (!waiting.isEmpty() && waiting.peekFirst().overdue(now)) {
            turnAway(waiting.peekFirst(), "no hello within the handshake time (" + deadlineText + ")");
        }
    }

    /**
     * Tells the connection why, without ever waiting for it: a refusal is a few dozen bytes, which an
     * empty send buffer always takes at once. Unread input is discarded first, so that closing ends
     * the stream in order (FIN) and the peer can read the reason, rather than a reset.
     */
    private void turnAway(PendingHandshake pending, String reason) {
        waiting.remove(pending);
        SocketChannel channel = pending.channel;
        try {
            ByteBuffer scratch = ByteBuffer.allocate(4096);
            for (int drained = 0; drained < DRAIN_LIMIT; drained += scratch.position()) {
                scratch.clear();
                if (channel.read(scratch) <= 0) {
                    break;
                }
            }
            channel.write(Wire.encode(Wire.REFUSED, o -> Wire.writeString(o, reason)));
            channel.shutdownOutput();
        } catch (IOException | RuntimeException e) {
            // it left already: closing is all there is to do
        }
        closeQuietly(channel);
    }

    private void drop(PendingHandshake pending) {
        waiting.remove(pending);
        closeQuietly(pending.channel);
    }

    /** Stops admitting and closes every waiting connection and the listening socket. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String describe(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing: nothing to save
        }
    }
}
