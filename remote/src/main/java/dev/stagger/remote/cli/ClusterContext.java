package dev.stagger.remote.cli;

import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunRegistry;
import dev.stagger.remote.job.Site;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.Launcher;
import dev.stagger.remote.profile.MpiStarter;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileStore;
import dev.stagger.remote.profile.SlurmSettings;
import dev.stagger.remote.ssh.Hop;
import dev.stagger.remote.ssh.Prompter;
import dev.stagger.remote.ssh.SshConnection;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster commands of one process share: the user's directories, the profiles, the
 * registry of runs, and one SSH connection per cluster (every command and tunnel of the process
 * goes through it, so MFA is answered once).
 */
public final class ClusterContext implements AutoCloseable {
    private final StaggerDirs dirs;
    private final Prompter prompter;
    private final Map<String, ClusterRuns> open = new HashMap<>();

    public ClusterContext(StaggerDirs dirs, Prompter prompter) {
        this.dirs = dirs;
        this.prompter = prompter;
    }

    public StaggerDirs dirs() {
        return dirs;
    }

    public Prompter prompter() {
        return prompter;
    }

    public ProfileStore profiles() {
        return new ProfileStore(dirs.clusters());
    }

    public RunRegistry registry() {
        return new RunRegistry(dirs.runs());
    }

    /** The profile of that name, or an exception whose message says how to add one. */
    public ClusterProfile profile(String name) throws IOException {
        ProfileStore store = profiles();
        if (!store.exists(name)) {
            throw new SshException("no cluster profile named '" + name + "' (in " + dirs.clusters()
                    + "); add one with: stagger cluster add " + name + " --host HOST");
        }
        try {
            return store.load(name);
        } catch (ProfileException e) {
            throw new SshException(e.getMessage(), e);
        }
    }

    /** The runs of a cluster, connected (once per process). */
    public synchronized ClusterRuns runs(String cluster) throws IOException {
        ClusterRuns runs = open.get(cluster);
        if (runs == null) {
            ClusterProfile profile = profile(cluster);
            SshConnection ssh = SshConnection.open(hops(profile), prompter);
            runs = new ClusterRuns(ssh, site(profile));
            open.put(cluster, runs);
        }
        return runs;
    }

    public ClusterRuns runs(RunId id) throws IOException {
        return runs(id.cluster());
    }

    /** The hops to the cluster: its SSH config's ProxyJump chain, with the profile's overrides on the last. */
    public List<Hop> hops(ClusterProfile profile) throws SshException {
        return HopResolver.hops(profile, dirs);
    }

    /** The job layer's view of a profile. */
    public static Site site(ClusterProfile p) {
        Site.Slurm slurm = Site.Slurm.NONE;
        SlurmSettings s = p.slurm();
        if (s != null) {
            slurm = new Site.Slurm(s.partition(), s.account(), s.qos(), s.time(), s.nodes(), s.tasksPerNode(),
                    s.gpusPerNode(), s.extra());
        }
        return new Site(p.name(), p.workdir(), p.java(), p.mpirun(),
                p.launcher() == Launcher.SLURM ? Site.Launcher.SLURM : Site.Launcher.DIRECT,
                p.mpiStarter() == MpiStarter.SRUN, slurm, p.setup());
    }

    /** Where dev/setup-openmpi.sh installs the mpi.jar it builds (the local Maven repository): the doctor deploys it. */
    public static Path localMpiJars() {
        String repo = System.getenv("MAVEN_REPO_LOCAL");
        Path base = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return base.resolve("org/open-mpi/mpi");
    }

    @Override
    public synchronized void close() {
        for (ClusterRuns runs : open.values()) {
            runs.connection().close();
        }
        open.clear();
    }
}
