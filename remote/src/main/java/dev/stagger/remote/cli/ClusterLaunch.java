package dev.stagger.remote.cli;

import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.Deployer;
import dev.stagger.remote.job.EngineBundle;
import dev.stagger.remote.job.JobRequest;
import dev.stagger.remote.job.JobScript;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunRegistry;
import dev.stagger.remote.job.RunStatus;
import dev.stagger.remote.job.Site;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Putting a run on a cluster, the same way from the command line and the workbench: deploy the
 * engine bundle (once per version) and a Java runtime where the cluster lacks one, create the run
 * directory, submit the job (Slurm) or start it (direct), and record it in the user's run registry
 * so that {@code stagger runs}, {@code attach} and the workbench find it again.
 */
public final class ClusterLaunch {
    private ClusterLaunch() {}

    /** Deploys, submits and records; {@code progress} hears each step ("uploading engine bundle 40%"). */
    public static ClusterRuns.Submitted submit(ClusterContext context, String cluster, Path project, JobRequest job,
            Consumer<String> progress) throws IOException {
        return submit(context, cluster, null, project, job, progress);
    }

    /**
     * As {@link #submit(ClusterContext, String, Path, JobRequest, Consumer)}, on {@code site} (the
     * profile's, with this run's partition or GPUs) when it is not null.
     */
    public static ClusterRuns.Submitted submit(ClusterContext context, String cluster, Site site, Path project,
            JobRequest job, Consumer<String> progress) throws IOException {
        EngineBundle bundle = EngineBundle.current();
        progress.accept("connecting to " + cluster);
        ClusterRuns connected = context.runs(cluster);
        ClusterRuns runs = site == null ? connected : new ClusterRuns(connected.connection(), site);
        Deployer deployer = new Deployer(runs.connection());
        String bundleDir = deployer.deploy(bundle, runs.workRoot(), progress);
        deployer.ensureJava(runs.site(), runs.workRoot(), context.dirs().cache().resolve("runtimes"), progress);
        ClusterRuns.Submitted submitted = runs.submit(project, job, bundleDir, progress);
        record(context, runs, job.id(), submitted.jobId(), project, RunStatus.State.SUBMITTED.word(), null);
        return submitted;
    }

    /** Records how a run stands in the user's run registry (after a status read, or at its end). */
    public static void record(ClusterContext context, ClusterRuns runs, RunId id, String jobId, Path project,
            String state, String detail) throws IOException {
        RunRegistry.Entry known = context.registry().get(id);
        Instant submitted = known != null ? known.submitted() : Instant.now();
        context.registry().put(new RunRegistry.Entry(id, runs.runDirectory(id), jobId,
                runs.site().launcher().name().toLowerCase(Locale.ROOT), submitted,
                project == null ? (known == null ? null : known.project()) : project.toAbsolutePath().toString(),
                state, detail, Instant.now()));
    }

    /** The job script {@code job} would get on {@code site}, with the paths it would have (nothing is contacted). */
    public static String preview(Site site, JobRequest job) {
        String root = site.workRoot();
        String dir = root + "/runs/" + job.id().name();
        String bundleDir;
        try {
            bundleDir = root + "/bundles/" + EngineBundle.current().hash();
        } catch (IOException e) {
            bundleDir = root + "/bundles/HASH";
        }
        return "# submitted with: " + JobScript.submitCommand(site, job, dir) + "\n" + JobScript.render(site, job, dir,
                bundleDir, root);
    }
}
