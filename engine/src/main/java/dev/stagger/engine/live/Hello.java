package dev.stagger.engine.live;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A client's HELLO: the versions it speaks, the token it presents and a name for messages. The
 * server reads it before it knows who is asking, so it is small by rule: {@link #MAX_FRAME} bytes.
 */
record Hello(int minVersion, int maxVersion, String token, String clientName) {
    /**
     * The largest HELLO frame a server reads from a connection that has not shown its token. A real
     * one is about 100 bytes (a 64-digit token and a short client name); a larger declared length is
     * refused before anything is allocated for it.
     */
    static final int MAX_FRAME = 1024;
    /** Client names are only for messages; the client clips longer ones so its HELLO stays small. */
    static final int MAX_CLIENT_NAME = 64;

    void write(DataOutputStream out) throws IOException {
        out.writeInt(minVersion);
        out.writeInt(maxVersion);
        Wire.writeString(out, token);
        Wire.writeString(out, clientName.length() > MAX_CLIENT_NAME ? clientName.substring(0, MAX_CLIENT_NAME) : clientName);
    }

    /** Reads a HELLO's payload (after its type byte) from a frame already in memory. */
    static Hello read(DataInputStream body) throws IOException {
        int min = body.readInt();
        int max = body.readInt();
        return new Hello(min, max, stringInFrame(body), stringInFrame(body));
    }

    /** The highest version both sides speak, or -1 when they have none in common. */
    int agreedVersion() {
        int version = Math.min(maxVersion, Wire.VERSION_MAX);
        return version >= Math.max(minVersion, Wire.VERSION_MIN) ? version : -1;
    }

    /** A string no longer than what is left of the frame: a declared length never makes us allocate more. */
    private static String stringInFrame(DataInputStream body) throws IOException {
        int n = body.readInt();
        if (n < 0 || n > body.available()) {
            throw new IOException("malformed hello: a string of " + n + " bytes in a frame with " + body.available() + " left");
        }
        byte[] bytes = new byte[n];
        body.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
