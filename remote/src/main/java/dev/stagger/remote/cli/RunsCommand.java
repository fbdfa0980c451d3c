package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.engine.live.LocalRunIndex;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunRegistry;
import dev.stagger.remote.job.RunStatus;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stagger runs}: the runs started on this machine (their output folders) and the cluster
 * runs known here, with their state asked of the cluster (runs
 * that had ended are not asked again). {@code --cluster NAME} also looks through that cluster's work
 * root, so runs submitted from another machine, or lost from the local cache, come back.
 */
@Command(name = "runs", description = "List runs, here and on clusters, and their states (--cluster NAME also finds runs not known here).")
final class RunsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "NAME", description = "also list every run in this cluster's work root")
    String cluster;

    @Option(names = "--offline", description = "show the last states seen, without connecting")
    boolean offline;

    private final ClusterContext context;

    RunsCommand(ClusterContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRegistry registry = context.registry();
        int exit = StaggerCli.EXIT_OK;
        try {
            if (cluster != null) {
                exit = rediscover(registry, err);
            }
            List<RunRegistry.Entry> entries = registry.all();
            List<String[]> rows = new ArrayList<>();
            if (cluster == null) {
                rows.addAll(localRows());
            }
            if (entries.isEmpty() && rows.isEmpty()) {
                out.println("No runs yet. Start one with: stagger run PROJECT, or on a cluster: stagger run --on CLUSTER PROJECT");
                return exit;
            }
            Map<String, String> unreachable = new HashMap<>();
            for (RunRegistry.Entry e : entries) {
                RunRegistry.Entry now = offline ? e : refresh(registry, e, unreachable);
                rows.add(new String[] {now.id().toString(), now.state() == null ? "?" : now.state(),
                        WHEN.format(now.submitted()), now.detail() == null ? "" : now.detail()});
            }
            print(out, rows);
            unreachable.forEach((name, why) -> err.println("stagger: " + name + " is unreachable (" + why
                    + "); its runs show the last state seen"));
            return exit;
        } catch (IOException e) {
            return Failures.report(err, e);
        }
    }

    /** Runs of this machine (their output folders), as their own state and endpoint files tell. */
    private List<String[]> localRows() {
        List<String[]> rows = new ArrayList<>();
        for (LocalRunIndex.Entry e : new LocalRunIndex(context.dirs().state().resolve("local-runs")).entries()) {
            String state;
            String detail = "";
            try {
                RunStateFile file = RunStateFile.read(e.directory());
                state = file.state().name().toLowerCase(java.util.Locale.ROOT);
                detail = file.message();
                if (!file.state().isOver() && !alive(e.directory())) {
                    state = "unknown";
                    detail = "its process is gone without a record of the end (killed?)";
                }
            } catch (IOException ex) {
                state = "unknown";
                detail = "no state file";
            }
            rows.add(new String[] {e.directory().toString(), state, WHEN.format(e.started()), detail});
        }
        return rows;
    }

    private static boolean alive(java.nio.file.Path directory) {
        try {
            long pid = RunEndpoint.read(directory).pid();
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private int rediscover(RunRegistry registry, PrintWriter err) {
        try {
            ClusterRuns runs = context.runs(cluster);
            for (String name : runs.listRuns()) {
                RunId id = new RunId(cluster, name);
                if (registry.get(id) == null) {
                    RunStatus s = runs.status(id);
                    registry.put(new RunRegistry.Entry(id, runs.runDirectory(id), s.jobId(), runs.site().launcher().name()
                            .toLowerCase(), Instant.now(), null, s.state().word(), s.detail(), Instant.now()));
                }
            }
            return StaggerCli.EXIT_OK;
        } catch (IOException e) {
            return Failures.report(err, e, cluster);
        }
    }

    private RunRegistry.Entry refresh(RunRegistry registry, RunRegistry.Entry e, Map<String, String> unreachable)
            throws IOException {
        if (isOver(e.state()) || unreachable.containsKey(e.id().cluster())) {
            return unreachable.containsKey(e.id().cluster()) ? withState(e, "unreachable", "last seen " + e.state()) : e;
        }
        try {
            RunStatus s = context.runs(e.id()).status(e.id());
            RunRegistry.Entry updated = new RunRegistry.Entry(e.id(), e.runDirectory(), s.jobId() != null ? s.jobId() : e.jobId(),
                    e.launcher(), e.submitted(), e.project(), s.state().word(), s.detail(), Instant.now());
            registry.put(updated);
            return updated;
        } catch (SshException e2) {
            unreachable.put(e.id().cluster(), e2.getMessage());
            return withState(e, "unreachable", "last seen " + e.state());
        }
    }

    private static RunRegistry.Entry withState(RunRegistry.Entry e, String state, String detail) {
        return new RunRegistry.Entry(e.id(), e.runDirectory(), e.jobId(), e.launcher(), e.submitted(), e.project(), state,
                detail, e.seen());
    }

    private static boolean isOver(String state) {
        return "finished".equals(state) || "stopped".equals(state) || "failed".equals(state);
    }

    private static void print(PrintWriter out, List<String[]> rows) {
        String[] header = {"RUN", "STATE", "SUBMITTED", "DETAIL"};
        int[] width = new int[3];
        for (int i = 0; i < 3; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s%n";
        out.printf(format, (Object[]) header);
        for (String[] r : rows) {
            out.printf(format, (Object[]) r);
        }
    }
}
