package dev.stagger.engine.cli;

import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.run.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger attach RUN}: follows a run from another terminal: its status, then progress, log
 * lines and metrics as they come, until it ends. Ctrl-C detaches; the run goes on. A dropped
 * connection is retried, resuming after the last event seen, so nothing is shown twice or skipped.
 */
@Command(name = "attach", description = "Follow a running run: progress, log lines, metrics (Ctrl-C detaches).")
final class AttachCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 2_000;
    private static final Duration RECONNECT_FOR = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "the run's output folder (or endpoint file), or a cluster run id such as hpc1/diffusion-2d-20261129-1652-7f3a")
    String run;

    @Option(names = "--metrics", description = "also print field statistics (min, max, mean) as they come")
    boolean metrics;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveClient client = RunTarget.connect(run, err);
        if (client == null) {
            return StaggerCli.EXIT_FAILED;
        }
        ProgressPrinter progress = new ProgressPrinter(err, System.console() == null, false);
        long last = 0;
        try {
            Status status = client.status();
            out.printf(Locale.ROOT, "Attached to %s (%s, %s), %d rank(s), %s at step %d/%d%n", status.runName(),
                    status.title(), status.model(), status.rankCount(), status.state().name().toLowerCase(Locale.ROOT),
                    status.step(), status.totalSteps());
            for (String rank : status.ranks()) {
                out.println("  " + rank);
            }
            out.flush();
            while (true) {
                List<Event> events;
                try {
                    events = client.events(last, 1000, POLL_MILLIS);
                } catch (IOException e) {
                    client.close();
                    client = reconnect(err);
                    if (client == null) {
                        progress.clear();
                        err.println("stagger: lost the run and could not reconnect: " + e.getMessage());
                        return StaggerCli.EXIT_FAILED;
                    }
                    continue;
                }
                for (Event e : events) {
                    last = e.sequence();
                    switch (e.kind()) {
                        case PROGRESS -> progress.stepped(new Progress((long) e.value("step"), (long) e.value("totalSteps"),
                                e.value("time"), e.value("wallSeconds"), e.value("cellUpdatesPerSecond")));
                        case LOG, STATE -> {
                            progress.clear();
                            out.println("[rank " + e.rank() + "] " + e.text());
                            out.flush();
                            if (e.kind() == Event.Kind.STATE && isEnd(e.text())) {
                                return StaggerCli.EXIT_OK;
                            }
                        }
                        case METRICS -> {
                            // one convergence check of an iterative model: the monitor's plot, not a line here
                            if (metrics && !e.values().containsKey(Event.CONVERGENCE_ITERATION)) {
                                progress.clear();
                                out.println(formatMetrics(e.values()));
                                out.flush();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            progress.clear();
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private static boolean isEnd(String text) {
        return text.startsWith("finished") || text.startsWith("stopped") || text.startsWith("failed");
    }

    private LiveClient reconnect(PrintWriter err) {
        Instant until = Instant.now().plus(RECONNECT_FOR);
        PrintWriter quiet = new PrintWriter(java.io.OutputStream.nullOutputStream());
        while (Instant.now().isBefore(until)) {
            LiveClient c = RunTarget.connect(run, quiet);
            if (c != null) {
                return c;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    static String formatMetrics(Map<String, Double> values) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "metrics at step %d:", values.getOrDefault("step", 0.0).longValue()));
        for (Map.Entry<String, Double> v : values.entrySet()) {
            if (!v.getKey().equals("step") && !v.getKey().equals("time")) {
                s.append(String.format(Locale.ROOT, " %s=%.6g", v.getKey(), v.getValue()));
            }
        }
        return s.toString();
    }
}
