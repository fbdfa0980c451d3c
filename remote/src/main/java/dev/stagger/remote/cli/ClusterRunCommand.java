package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.JobRequest;
import dev.stagger.remote.job.JobScript;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunStatus;
import dev.stagger.remote.job.Site;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger run --on CLUSTER PROJECT}: checks the project here, deploys the engine bundle
 * (once per version), creates the run directory, submits the job (Slurm) or starts it (direct),
 * and follows it as a local run is followed, through a tunnel to its live server. {@code --detach}
 * returns once it is submitted, printing the run id as the last line.
 */
@Command(name = "stagger run", description = "Run a project on a cluster (see `stagger cluster add`): deploy, submit, follow live.")
final class ClusterRunCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 2_000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "the project file (YAML)")
    Path project;

    @Option(names = "--on", required = true, paramLabel = "CLUSTER", description = "the cluster profile to run on")
    String cluster;

    @Option(names = "--ranks", paramLabel = "N", description = "MPI ranks (default 1)")
    int ranks = 1;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads per rank (default: cores / ranks on a node)")
    Integer threads;

    @Option(names = "--nodes", paramLabel = "N", description = "Slurm nodes (default: the profile's)")
    Integer nodes;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "walltime (default: the profile's)")
    String time;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a project key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dry-run", description = "print the job script and the commands it would run; change nothing")
    boolean dryRun;

    @Option(names = "--detach", description = "return once the job is submitted; the run id is the last line")
    boolean detach;

    private final ClusterContext context;

    ClusterRunCommand(ClusterContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ranks < 1 || (threads != null && threads < 1) || (nodes != null && nodes < 1)) {
            err.println("stagger: --ranks, --threads and --nodes must be at least 1");
            return StaggerCli.EXIT_USAGE;
        }
        if (time != null && !time.matches("([0-9]+-)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}")) {
            err.println("stagger: --time must be [D-]HH:MM:SS, got '" + time + "'");
            return StaggerCli.EXIT_USAGE;
        }
        if (!validates(err)) {
            return StaggerCli.EXIT_USAGE;
        }
        ClusterProfile profile;
        try {
            profile = context.profile(cluster);
        } catch (IOException e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_USAGE;
        }
        Site site = ClusterContext.site(profile);
        if (site.launcher() == Site.Launcher.DIRECT && (nodes != null || time != null)) {
            err.println("stagger: --nodes and --time are for Slurm; cluster '" + cluster + "' starts runs directly");
            return StaggerCli.EXIT_USAGE;
        }
        String fileName = project.getFileName().toString();
        String name = fileName.endsWith(".yaml") || fileName.endsWith(".yml") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        RunId id = RunId.generate(cluster, name, LocalDateTime.now(), new SecureRandom());
        JobRequest job = new JobRequest(id, fileName, ranks, threads, nodes, time, overrides);
        if (dryRun) {
            return dryRun(out, site, job);
        }
        Consumer<String> progress = line -> {
            err.println("stagger: " + line);
            err.flush();
        };
        ClusterRuns runs;
        ClusterRuns.Submitted submitted;
        try {
            submitted = ClusterLaunch.submit(context, cluster, project, job, progress);
            runs = context.runs(cluster);
        } catch (IOException e) {
            return Failures.report(err, e, cluster);
        }
        out.println("Submitted " + id + (submitted.jobId() != null ? " as Slurm job " + submitted.jobId() : "")
                + " in " + submitted.runDirectory());
        if (detach) {
            out.println("Follow it: stagger attach " + id + "   (logs, runs, cancel, fetch)");
            out.println(id);
            out.flush();
            return StaggerCli.EXIT_OK;
        }
        out.flush();
        return follow(runs, id, out, err);
    }

    /** Waits for the job to start (saying why it waits), then attaches; the exit code says how it ended. */
    private int follow(ClusterRuns runs, RunId id, PrintWriter out, PrintWriter err) {
        String lastSaid = "";
        try {
            while (true) {
                RunStatus s;
                try {
                    s = runs.status(id);
                } catch (SshException.Unreachable e) {
                    err.println("stagger: " + e.getMessage());
                    Thread.sleep(5 * POLL_MILLIS);
                    continue;
                }
                if (s.state() == RunStatus.State.RUNNING && hasEndpoint(runs, id)) {
                    break;
                }
                if (s.state().isOver() || s.state() == RunStatus.State.UNKNOWN) {
                    out.println("Run " + id + " " + s.describe());
                    return s.state() == RunStatus.State.FINISHED ? StaggerCli.EXIT_OK : StaggerCli.EXIT_FAILED;
                }
                if (!s.describe().equals(lastSaid)) {
                    err.println("stagger: " + id + " is " + s.describe());
                    err.flush();
                    lastSaid = s.describe();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            return Failures.report(err, e, id.cluster());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StaggerCli.EXIT_INTERRUPTED;
        }
        StaggerMain.attach(id.toString(), out, err, context);
        try {
            RunStatus end = runs.status(id);
            for (int i = 0; i < 30 && !end.state().isOver(); i++) {
                Thread.sleep(1_000);
                end = runs.status(id);
            }
            out.println("Run " + id + " " + end.describe() + ". Get the results: stagger fetch " + id);
            ClusterLaunch.record(context, runs, id, end.jobId(), project, end.state().word(), end.detail());
            return end.state() == RunStatus.State.FINISHED ? StaggerCli.EXIT_OK : StaggerCli.EXIT_FAILED;
        } catch (IOException e) {
            err.println("stagger: the run goes on, but its end could not be read: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StaggerCli.EXIT_INTERRUPTED;
        }
    }

    private static boolean hasEndpoint(ClusterRuns runs, RunId id) throws SshException {
        return runs.connection().exec("test -s " + dev.stagger.remote.ssh.ShellQuote.quote(runs.runDirectory(id)
                + "/stagger-run.endpoint"), null, java.time.Duration.ofSeconds(60)).ok();
    }

    /** Checks the project here, with the engine's own validation: a mistake is found before anything is uploaded. */
    private boolean validates(PrintWriter err) {
        if (!Files.isRegularFile(project)) {
            err.println("stagger: " + project + ": no such project file");
            return false;
        }
        List<String> args = new ArrayList<>(List.of("validate", project.toString()));
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
        PrintWriter quiet = new PrintWriter(java.io.OutputStream.nullOutputStream());
        return StaggerCli.create(quiet, err).execute(args.toArray(new String[0])) == StaggerCli.EXIT_OK;
    }

    private int dryRun(PrintWriter out, Site site, JobRequest job) {
        String root = site.workRoot();
        String dir = root + "/runs/" + job.id().name();
        out.println("# Dry run: nothing is uploaded, created or submitted.");
        out.println("# Run id: " + job.id());
        out.println("# On " + cluster + " (" + site.launcher().name().toLowerCase() + " launch) it would:");
        out.println("#  1. upload the engine bundle to " + root + "/bundles/ unless it is there");
        out.println("#  2. create the run directory " + dir + " holding " + job.projectFileName());
        out.println("#  3. run: " + JobScript.submitCommand(site, job, dir) + "   (with the job script below on stdin)");
        out.println("# (" + root + " stands for the work root's absolute path, resolved on the cluster at submission)");
        out.println("# ---- " + JobScript.FILE + " ----");
        String preview = ClusterLaunch.preview(site, job);
        out.print(preview.substring(preview.indexOf('\n') + 1));
        out.flush();
        return StaggerCli.EXIT_OK;
    }
}
