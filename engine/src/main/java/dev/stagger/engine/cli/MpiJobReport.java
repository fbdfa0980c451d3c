package dev.stagger.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What mpirun said about how its job ended, read from its stderr as it passes through: which rank
 * went first and why (a signal, a non-zero exit, an MPI abort, or the rank's own "stagger: rank N
 * ... failed" line). Keeps only the last {@value #KEEP_BYTES} bytes: the report comes at the end.
 */
final class MpiJobReport extends OutputStream {
    private static final int KEEP_BYTES = 64 * 1024;
    private static final Pattern SIGNAL = Pattern.compile(
            "process rank (\\d+) with PID \\d+ on node (\\S+) exited on signal (\\d+)(?: \\(([^)]*)\\))?");
    private static final Pattern NON_ZERO = Pattern.compile(
            "Process name: \\[\\[\\d+,\\d+\\],(\\d+)\\]\\s*(?:Exit code:\\s*(\\d+))?");
    private static final Pattern ABORT = Pattern.compile("MPI_ABORT was invoked on rank (\\d+)");
    private static final Pattern RANK_LINE = Pattern.compile("(?m)^stagger: rank (\\d+)([ :].*)$");

    private final ByteArrayOutputStream tail = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        tail.write(b);
        trim();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        tail.write(b, off, len);
        trim();
    }

    private void trim() {
        if (tail.size() > 2 * KEEP_BYTES) {
            byte[] all = tail.toByteArray();
            tail.reset();
            tail.write(all, all.length - KEEP_BYTES, KEEP_BYTES);
        }
    }

    /** Whether the failure came from the rank's own "stagger: rank N ..." line, which the user has already seen. */
    synchronized boolean rankSaidSo() {
        return RANK_LINE.matcher(tail.toString(StandardCharsets.UTF_8)).find();
    }

    /** The failed rank and why, as one line for the state file; null when mpirun named none. */
    synchronized String failure() {
        String text = tail.toString(StandardCharsets.UTF_8);
        // a rank's own words are the best reason: it knew what went wrong
        Matcher own = RANK_LINE.matcher(text);
        if (own.find()) {
            return ("rank " + own.group(1) + own.group(2)).trim();
        }
        Matcher signal = SIGNAL.matcher(text);
        if (signal.find()) {
            return "rank " + signal.group(1) + " on " + signal.group(2) + " was killed by signal " + signal.group(3)
                    + (signal.group(4) != null ? " (" + signal.group(4) + ")" : "");
        }
        Matcher nonZero = NON_ZERO.matcher(text);
        if (nonZero.find()) {
            return "rank " + nonZero.group(1) + " exited with code " + (nonZero.group(2) != null ? nonZero.group(2) : "?");
        }
        Matcher abort = ABORT.matcher(text);
        if (abort.find()) {
            return "rank " + abort.group(1) + " aborted the job";
        }
        return null;
    }
}
