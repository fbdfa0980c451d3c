package dev.stagger.engine.live;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One connection that has not shown its token yet: collects the magic and the HELLO frame from a
 * non-blocking channel as bytes arrive, and never holds more than {@link Hello#MAX_FRAME} bytes for
 * it. It has one deadline for the whole handshake, however the bytes trickle in.
 */
final class PendingHandshake {

    /** Where a connection stands after reading what has arrived. */
    enum Progress {
        /** More bytes are needed. */
        WAITING,
        /** The whole HELLO frame is in: {@link #frame()}. */
        COMPLETE,
        /** Not this protocol (wrong magic, a length below 1): dropped without an answer. */
        NOT_STAGGER,
        /** The declared frame is over {@link Hello#MAX_FRAME}: refused, nothing allocated for it. */
        TOO_LARGE,
        /** The peer hung up. */
        CLOSED
    }

    final SocketChannel channel;
    final SelectionKey key;
    final long deadlineNanos;
    private final ByteBuffer head = ByteBuffer.allocate(Wire.MAGIC.length + Integer.BYTES);
    private ByteBuffer frame;
    private int declaredLength;

    PendingHandshake(SocketChannel channel, SelectionKey key, long deadlineNanos) {
        this.channel = channel;
        this.key = key;
        this.deadlineNanos = deadlineNanos;
    }

    /** Reads what has arrived, never past the end of the HELLO frame. */
    Progress readAvailable() throws IOException {
        if (frame == null) {
            if (channel.read(head) < 0) {
                return Progress.CLOSED;
            }
            if (!magicSoFarMatches()) {
                return Progress.NOT_STAGGER;
            }
            if (head.hasRemaining()) {
                return Progress.WAITING;
            }
            declaredLength = head.getInt(Wire.MAGIC.length);
            if (declaredLength < 1) {
                return Progress.NOT_STAGGER;
            }
            if (declaredLength > Hello.MAX_FRAME) {
                return Progress.TOO_LARGE;
            }
            frame = ByteBuffer.allocate(declaredLength);
        }
        if (channel.read(frame) < 0) {
            return Progress.CLOSED;
        }
        return frame.hasRemaining() ? Progress.WAITING : Progress.COMPLETE;
    }

    /** The frame length the peer declared (once the magic and length are in). */
    int declaredLength() {
        return declaredLength;
    }

    /** The complete frame: its type and its payload. */
    Wire.Frame frame() {
        DataInputStream body = new DataInputStream(new ByteArrayInputStream(frame.array(), 1, frame.capacity() - 1));
        return new Wire.Frame(frame.get(0), body);
    }

    boolean overdue(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    /** A wrong first byte is enough to tell a web browser or a port scanner from a client. */
    private boolean magicSoFarMatches() {
        int seen = Math.min(head.position(), Wire.MAGIC.length);
        for (int i = 0; i < seen; i++) {
            if (head.get(i) != Wire.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
