package dev.stagger.engine.live;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live-run protocol's bytes (docs/live-protocol.md is the specification): after the magic,
 * every message is a frame {@code int length, byte type, payload}, big-endian as Java's data
 * streams write them, strings as {@code int length + UTF-8}. Frames are bounded in size, so a peer
 * that is not speaking this protocol is refused instead of making us allocate: {@link #MAX_FRAME}
 * once a client has shown its token, {@link Hello#MAX_FRAME} before.
 */
public final class Wire {
    /** Sent by the client first: what the server expects before anything else. */
    public static final byte[] MAGIC = "STAGGER-LIVE".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION_MIN = 1;
    public static final int VERSION_MAX = 1;
    /** The largest frame either side reads once the handshake is done (previews are the big ones). */
    static final int MAX_FRAME = 64 << 20;
    static final int MAX_STRING = 1 << 20;

    // client -> server
    static final byte HELLO = 1;
    static final byte STATUS = 2;
    static final byte EVENTS = 3;
    static final byte PREVIEW = 4;
    static final byte CONTROL = 5;
    static final byte BYE = 6;
    // server -> client
    static final byte WELCOME = 20;
    static final byte REFUSED = 21;
    static final byte STATUS_REPLY = 22;
    static final byte EVENTS_REPLY = 23;
    static final byte PREVIEW_REPLY = 24;
    static final byte CONTROL_REPLY = 25;
    static final byte ERROR = 26;

    private Wire() {}

    record Frame(byte type, DataInputStream body) {}

    /** Writes one frame whose payload {@code body} produces. */
    static void send(DataOutputStream out, byte type, Body body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        DataOutputStream payload = new DataOutputStream(buffer);
        payload.writeByte(type);
        body.write(payload);
        payload.flush();
        out.writeInt(buffer.size());
        buffer.writeTo(out); // no copy: previews can be tens of MiB
        out.flush();
    }

    /** One whole small frame, length first, for a channel that is written without blocking. */
    static ByteBuffer encode(byte type, Body body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        DataOutputStream frame = new DataOutputStream(buffer);
        frame.writeInt(0); // the length, filled in below
        frame.writeByte(type);
        body.write(frame);
        frame.flush();
        ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
        bytes.putInt(0, bytes.capacity() - Integer.BYTES);
        return bytes;
    }

    static Frame receive(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("malformed frame of " + length + " bytes: the peer does not speak this protocol");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        DataInputStream body = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        return new Frame(body.readByte(), body);
    }

    /** A frame's payload writer. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("malformed string of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeStatus(DataOutputStream out, Status s) throws IOException {
        writeString(out, s.runName());
        writeString(out, s.title());
        writeString(out, s.model());
        writeString(out, s.state().name());
        out.writeLong(s.step());
        out.writeLong(s.totalSteps());
        out.writeDouble(s.time());
        out.writeDouble(s.endTime());
        out.writeDouble(s.wallSeconds());
        out.writeDouble(s.cellUpdatesPerSecond());
        out.writeInt(s.rankCount());
        writeStrings(out, s.ranks());
        writeStrings(out, s.fields());
        out.writeInt(s.dims());
        for (int c : s.cells()) {
            out.writeInt(c);
        }
    }

    static Status readStatus(DataInputStream in) throws IOException {
        String name = readString(in);
        String title = readString(in);
        String model = readString(in);
        RunState state = RunState.valueOf(readString(in));
        long step = in.readLong();
        long total = in.readLong();
        double time = in.readDouble();
        double end = in.readDouble();
        double wall = in.readDouble();
        double rate = in.readDouble();
        int rankCount = in.readInt();
        List<String> ranks = readStrings(in);
        List<String> fields = readStrings(in);
        int dims = in.readInt();
        int[] cells = new int[dims];
        for (int d = 0; d < dims; d++) {
            cells[d] = in.readInt();
        }
        return new Status(name, title, model, state, step, total, time, end, wall, rate, rankCount, ranks, fields, dims,
                cells);
    }

    static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("malformed list of " + n + " strings");
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    static void writeEvent(DataOutputStream out, Event e) throws IOException {
        out.writeLong(e.sequence());
        out.writeByte(e.kind().ordinal());
        out.writeLong(e.epochMillis());
        out.writeInt(e.values().size());
        for (Map.Entry<String, Double> v : e.values().entrySet()) {
            writeString(out, v.getKey());
            out.writeDouble(v.getValue());
        }
        out.writeInt(e.rank());
        writeString(out, e.level());
        writeString(out, e.text());
    }

    static Event readEvent(DataInputStream in) throws IOException {
        long seq = in.readLong();
        int kind = in.readByte();
        if (kind < 0 || kind >= Event.Kind.values().length) {
            throw new IOException("unknown event kind " + kind);
        }
        long millis = in.readLong();
        int n = in.readInt();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            values.put(readString(in), in.readDouble());
        }
        int rank = in.readInt();
        String level = readString(in);
        String text = readString(in);
        return new Event(seq, Event.Kind.values()[kind], millis, values, rank, level, text);
    }

    static void writeRequest(DataOutputStream out, PreviewRequest r) throws IOException {
        writeString(out, r.field());
        out.writeInt(r.maxWidth());
        out.writeInt(r.maxHeight());
        out.writeInt(r.sliceAxis());
        out.writeInt(r.sliceIndex());
    }

    static PreviewRequest readRequest(DataInputStream in) throws IOException {
        return new PreviewRequest(readString(in), in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    static void writePreview(DataOutputStream out, Preview p) throws IOException {
        writeString(out, p.field());
        out.writeLong(p.step());
        out.writeDouble(p.time());
        out.writeInt(p.nx());
        out.writeInt(p.ny());
        for (float v : p.values()) {
            out.writeFloat(v);
        }
        for (double x : p.x()) {
            out.writeDouble(x);
        }
        for (double y : p.y()) {
            out.writeDouble(y);
        }
        out.writeDouble(p.min());
        out.writeDouble(p.max());
        writeString(out, p.xLabel());
        writeString(out, p.yLabel());
        out.writeInt(p.sliceAxis());
        out.writeInt(p.sliceIndex());
        out.writeDouble(p.sliceCoordinate());
    }

    static Preview readPreview(DataInputStream in) throws IOException {
        String field = readString(in);
        long step = in.readLong();
        double time = in.readDouble();
        int nx = in.readInt();
        int ny = in.readInt();
        if (nx < 1 || ny < 1 || (long) nx * ny > PreviewRequest.MAX_SIDE * (long) PreviewRequest.MAX_SIDE) {
            throw new IOException("malformed preview of " + nx + " x " + ny);
        }
        float[] values = new float[nx * ny];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        double[] x = new double[nx];
        for (int i = 0; i < nx; i++) {
            x[i] = in.readDouble();
        }
        double[] y = new double[ny];
        for (int i = 0; i < ny; i++) {
            y[i] = in.readDouble();
        }
        double min = in.readDouble();
        double max = in.readDouble();
        String xl = readString(in);
        String yl = readString(in);
        int axis = in.readInt();
        int index = in.readInt();
        double coordinate = in.readDouble();
        return new Preview(field, step, time, nx, ny, values, x, y, min, max, xl, yl, axis, index, coordinate);
    }

    static EOFException closed() {
        return new EOFException("the run closed the connection");
    }
}
