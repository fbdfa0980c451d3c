package dev.stagger.gui.jobs;

import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.local.EndpointFollower;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A job's log as text: {@code stagger-run.log} in the output folder for runs in a process of their
 * own (the workbench sends their console there), the log and state lines the run still holds for
 * runs inside the workbench and for command-line runs (whose console is their terminal). Reads
 * files and the network: call it off the FX thread.
 */
public final class JobLog {
    static final int MAX_LINES = 5_000;
    private static final int MAX_EVENTS = 20_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private JobLog() {}

    static String read(RunJob job) throws IOException {
        if (job.logReader() != null) {
            try {
                return job.logReader().call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Path file = job.outputDir().resolve(EndpointFollower.LOG_FILE);
        LiveClient client = job.client();
        boolean fileIsThisRuns = job.outlivesWorkbench() && Files.isRegularFile(file);
        if (fileIsThisRuns) {
            return tail(file);
        }
        if (client != null) {
            try {
                return events(client);
            } catch (IOException e) {
                throw new IOException("the run no longer serves its log (" + e.getMessage() + ")"
                        + (job.outlivesWorkbench() ? "; a run started from the command line printed it to its terminal" : ""));
            }
        }
        throw new IOException(job.outlivesWorkbench()
                ? file + " does not exist: a run started from the command line prints its log to its terminal"
                : job.name() + " ran inside an earlier session of the workbench; its log went with it (its output is in "
                        + job.outputDir() + ")");
    }

    /** The last {@link #MAX_LINES} lines of {@code file}. */
    public static String tail(Path file) throws IOException {
        Deque<String> last = new ArrayDeque<>();
        long total = 0;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines::iterator) {
                total++;
                last.addLast(l);
                if (last.size() > MAX_LINES) {
                    last.removeFirst();
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        StringBuilder text = new StringBuilder();
        if (total > MAX_LINES) {
            text.append("… (the first ").append(total - MAX_LINES).append(" lines are left out; the whole log is ")
                    .append(file).append(")\n");
        }
        last.forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    /** The log and state lines the run still holds, one per line with its time and rank. */
    static String events(LiveClient client) throws IOException {
        StringBuilder text = new StringBuilder();
        long after = 0;
        // the run holds at most 20,000 events; the bound only guards against one that never stops adding
        for (int round = 0; round < MAX_EVENTS / 2_000 + 1; round++) {
            List<Event> batch = client.events(after, 2_000, 0);
            if (batch.isEmpty()) {
                break;
            }
            for (Event e : batch) {
                after = e.sequence();
                if (e.kind() == Event.Kind.LOG || e.kind() == Event.Kind.STATE) {
                    text.append(LocalTime.ofInstant(Instant.ofEpochMilli(e.epochMillis()), ZoneId.systemDefault())
                            .format(CLOCK)).append(' ');
                    if (e.kind() == Event.Kind.LOG) {
                        text.append("[rank ").append(e.rank()).append(']');
                        if (!e.level().isEmpty() && !"info".equals(e.level())) {
                            text.append(' ').append(e.level().toUpperCase(Locale.ROOT));
                        }
                    } else {
                        text.append("[state]");
                    }
                    text.append(' ').append(e.text()).append('\n');
                }
            }
            if (batch.size() < 2_000) {
                break;
            }
        }
        return text.length() == 0 ? "(no log lines yet)\n" : text.toString();
    }
}
