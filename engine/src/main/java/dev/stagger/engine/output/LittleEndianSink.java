package dev.stagger.engine.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Buffers little-endian binary values into a channel through one fixed buffer, so writing a large
 * field costs no copy of the field: rows go straight from the field's array into the buffer.
 */
final class LittleEndianSink {
    private static final int BUFFER_BYTES = 1 << 20;

    private final WritableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianSink(WritableByteChannel channel) {
        this.channel = channel;
    }

    void putBytes(byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            room(1);
            int n = Math.min(bytes.length - done, buffer.remaining());
            buffer.put(bytes, done, n);
            done += n;
        }
    }

    void putLong(long value) throws IOException {
        room(Long.BYTES);
        buffer.putLong(value);
    }

    void putFloat(float value) throws IOException {
        room(Float.BYTES);
        buffer.putFloat(value);
    }

    void putDouble(double value) throws IOException {
        room(Double.BYTES);
        buffer.putDouble(value);
    }

    void putFloats(float[] values, int from, int length) throws IOException {
        while (length > 0) {
            room(Float.BYTES);
            int n = Math.min(length, buffer.remaining() / Float.BYTES);
            buffer.asFloatBuffer().put(values, from, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            from += n;
            length -= n;
        }
    }

    void putDoubles(double[] values, int from, int length) throws IOException {
        while (length > 0) {
            room(Double.BYTES);
            int n = Math.min(length, buffer.remaining() / Double.BYTES);
            buffer.asDoubleBuffer().put(values, from, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            from += n;
            length -= n;
        }
    }

    /** Writes out everything buffered; call once at the end. */
    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }
}
