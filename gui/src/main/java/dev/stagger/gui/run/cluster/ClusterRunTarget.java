package dev.stagger.gui.run.cluster;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.gui.common.Failures;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunSetting;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.ClusterLaunch;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.JobRequest;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunRegistry;
import dev.stagger.remote.job.Site;
import dev.stagger.remote.profile.ClusterProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * "A cluster": the project goes to one of the user's cluster profiles (the files of
 * {@code stagger cluster add}), deployed and submitted by {@link ClusterLaunch} as on the command
 * line, then followed by a {@link ClusterFollower}. The settings are the profile, ranks, threads per
 * rank and, for Slurm, nodes, walltime, partition and GPUs per node; the preview is the job script.
 * Results are fetched on request into a folder next to the project named after the run id.
 */
public final class ClusterRunTarget implements RunTarget {
    static final String CLUSTER = "cluster";
    static final String RANKS = "ranks";
    static final String THREADS = "threads";
    static final String NODES = "nodes";
    static final String TIME = "time";
    static final String PARTITION = "partition";
    static final String GPUS = "gpus";

    private final ClusterContext context;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;

    public ClusterRunTarget(ClusterContext context, Executor background, Executor ui, Clock clock) {
        this.context = context;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    @Override
    public String displayName() {
        return "A cluster";
    }

    @Override
    public List<RunSetting> settings() {
        List<String> profiles;
        try {
            profiles = context.profiles().list();
        } catch (IOException e) {
            profiles = List.of();
        }
        return List.of(
                RunSetting.choice(CLUSTER, "Cluster", profiles, profiles.isEmpty() ? "" : profiles.get(0),
                        "a cluster profile (Cluster ▸ Profiles…, or `stagger cluster add`)"),
                RunSetting.integer(RANKS, "MPI ranks", 4, 1, 1_000_000, "one process per rank; each may drive a GPU"),
                RunSetting.text(THREADS, "Threads per rank", "", "worker threads in each rank; empty: cores / ranks on a node"),
                RunSetting.text(NODES, "Nodes (Slurm)", "", "empty: the profile's"),
                RunSetting.text(TIME, "Walltime (Slurm)", "", "[D-]HH:MM:SS; empty: the profile's"),
                RunSetting.text(PARTITION, "Partition (Slurm)", "", "empty: the profile's"),
                RunSetting.text(GPUS, "GPUs per node (Slurm)", "", "empty: the profile's"));
    }

    @Override
    public String problem(Map<String, String> s) {
        String cluster = s.getOrDefault(CLUSTER, "");
        if (cluster.isBlank()) {
            return "No cluster profile yet: add one with Cluster ▸ Profiles… (or `stagger cluster add NAME --host HOST`)";
        }
        for (String key : List.of(THREADS, NODES, GPUS)) {
            String v = s.getOrDefault(key, "").trim();
            if (!v.isEmpty() && !v.matches("[1-9][0-9]{0,5}")) {
                return label(key) + " must be a whole number of at least 1, or empty";
            }
        }
        String time = s.getOrDefault(TIME, "").trim();
        if (!time.isEmpty() && !time.matches("([0-9]+-)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}")) {
            return "Walltime must be [D-]HH:MM:SS, like 01:30:00, not '" + time + "'";
        }
        String partition = s.getOrDefault(PARTITION, "").trim();
        if (!partition.isEmpty() && !partition.matches("[A-Za-z0-9_.,-]+")) {
            return "Partition may hold letters, digits and _ . , - only";
        }
        try {
            ClusterProfile p = context.profile(cluster);
            boolean slurmOnly = !s.getOrDefault(NODES, "").isBlank() || !time.isEmpty() || !partition.isEmpty()
                    || !s.getOrDefault(GPUS, "").isBlank();
            if (p.launcher() != dev.stagger.remote.profile.Launcher.SLURM && slurmOnly) {
                return "Nodes, walltime, partition and GPUs are for Slurm; " + cluster + " starts runs directly";
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    @Override
    public String preview(RunRequest request) {
        try {
            String cluster = request.setting(CLUSTER, "");
            return ClusterLaunch.preview(site(cluster, request), job(runId(cluster, request), request));
        } catch (IOException e) {
            return "# " + e.getMessage();
        }
    }

    @Override
    public RunJob start(RunRequest request) throws IOException {
        if (request.projectFile() == null) {
            throw new IOException("save the project first: it is uploaded from its file");
        }
        String problem = problem(request.settings());
        if (problem != null) {
            throw new IOException(problem);
        }
        String cluster = request.setting(CLUSTER, "");
        Site site = site(cluster, request);
        RunId id = runId(cluster, request);
        JobRequest job = job(id, request);
        Path results = request.projectFile().toAbsolutePath().resolveSibling(id.name());
        RunJob runJob = new RunJob(request.name(), cluster + ", " + job.ranks() + (job.ranks() == 1 ? " rank" : " ranks"),
                results, clock.instant(), ui, true);
        runJob.remote(id.toString());
        runJob.report(new RunJob.Snapshot(RunState.STARTING, 0, 0, 0, -1, "connecting to " + cluster));
        ClusterJobs.equip(runJob, id, context, background);
        background.execute(() -> {
            try {
                ClusterLaunch.submit(context, cluster, site, request.projectFile(), job, line ->
                        runJob.report(new RunJob.Snapshot(RunState.STARTING, 0, 0, 0, -1, line)));
            } catch (IOException | RuntimeException e) {
                runJob.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, -1, "could not start on "
                        + cluster + ": " + Failures.why(e)));
                return;
            }
            new ClusterFollower(() -> context.runs(cluster), id, runJob, background,
                    () -> ClusterJobs.recordEnd(context, id, runJob)).run();
        });
        return runJob;
    }

    /** How long an ended cluster run stays in the job list after it was last seen. */
    static final java.time.Duration KEEP_ENDED = java.time.Duration.ofDays(7);

    @Override
    public List<RunJob> reattach() {
        List<RunRegistry.Entry> entries;
        try {
            entries = context.registry().all();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the run registry: " + e.getMessage(), e);
        }
        List<RunJob> found = new ArrayList<>();
        Instant now = clock.instant();
        for (RunRegistry.Entry e : entries) {
            RunState end = ClusterJobs.endOf(e.state());
            if (end != null && e.seen() != null && e.seen().isBefore(now.minus(KEEP_ENDED))) {
                continue;
            }
            Path project = e.project() == null ? null : Path.of(e.project());
            Path results = project != null ? project.resolveSibling(e.id().name()) : Path.of(e.id().name()).toAbsolutePath();
            String name = project != null ? dev.stagger.gui.document.ProjectDocument.nameOf(project) : e.id().name();
            RunJob job = new RunJob(name, e.id().cluster(), results, e.submitted(), ui, true);
            job.remote(e.id().toString());
            ClusterJobs.equip(job, e.id(), context, background);
            if (end != null) {
                job.report(new RunJob.Snapshot(end, -1, -1, Double.NaN, -1, e.state()
                        + (e.detail() == null || e.detail().isBlank() ? "" : " (" + e.detail() + ")")));
            } else {
                job.report(new RunJob.Snapshot(RunState.STARTING, -1, -1, Double.NaN, -1, "reconnecting to "
                        + e.id().cluster()));
                background.execute(new ClusterFollower(() -> context.runs(e.id()), e.id(), job, background,
                        () -> ClusterJobs.recordEnd(context, e.id(), job)));
            }
            found.add(job);
        }
        return found;
    }

    /** The profile's site with this run's partition and GPUs. */
    private Site site(String cluster, RunRequest request) throws IOException {
        ClusterProfile p = context.profile(cluster);
        String partition = request.setting(PARTITION, null);
        String gpus = request.setting(GPUS, null);
        return ClusterContext.site(p).withSlurm(partition, gpus == null ? null : Integer.valueOf(gpus));
    }

    private RunId runId(String cluster, RunRequest request) {
        return RunId.generate(cluster, request.name(), LocalDateTime.now(clock), new SecureRandom());
    }

    /** The job: ranks and threads, Slurm's nodes and time, and the workbench's overrides as {@code --set}s. */
    private static JobRequest job(RunId id, RunRequest request) {
        List<String> overrides = new ArrayList<>();
        if (request.overrides().steps() != null) {
            overrides.add("run.steps=" + request.overrides().steps());
        }
        if (request.overrides().precision() != null) {
            overrides.add("run.precision=" + request.overrides().precision().label());
        }
        Integer threads = integer(request.setting(THREADS, null));
        if (threads == null && request.overrides().threads() != null) {
            threads = request.overrides().threads();
        }
        return new JobRequest(id, request.projectFile().getFileName().toString(),
                Integer.parseInt(request.setting(RANKS, "1")), threads, integer(request.setting(NODES, null)),
                request.setting(TIME, null), overrides);
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private String label(String key) {
        return settings().stream().filter(x -> x.key().equals(key)).findFirst().map(RunSetting::label).orElse(key);
    }
}
