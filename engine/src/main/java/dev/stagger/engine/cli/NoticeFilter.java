package dev.stagger.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child's output through, dropping one known line (the JVM's notice about the incubating
 * vector module, which every rank's JVM prints). Bytes are passed on at once unless the line so
 * far could still become that notice, so a progress bar drawn with carriage returns is not held back.
 */
final class NoticeFilter implements Runnable {
    static final byte[] NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;

    NoticeFilter(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        int matched = 0;
        boolean lineStart = true;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (lineStart || matched > 0) {
                        if (b == NOTICE[matched]) {
                            matched++;
                            lineStart = false;
                            if (matched == NOTICE.length) {
                                matched = 0;
                                lineStart = true;
                            }
                            continue;
                        }
                        out.write(NOTICE, 0, matched);
                        matched = 0;
                    }
                    out.write(b);
                    lineStart = b == '\n';
                }
                out.flush();
            }
            out.write(NOTICE, 0, matched);
            out.flush();
        } catch (IOException e) {
            // the child's output ended or our own stream closed: nothing left to pass on
        }
    }
}
