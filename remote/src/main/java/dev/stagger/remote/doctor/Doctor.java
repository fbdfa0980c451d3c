package dev.stagger.remote.doctor;

import dev.stagger.remote.job.JobScript;

import static dev.stagger.remote.ssh.ShellQuote.quote;

import com.jcraft.jsch.ChannelSftp;
import dev.stagger.engine.live.LiveTransport;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.Deployer;
import dev.stagger.remote.job.EngineBundle;
import dev.stagger.remote.job.RuntimeImage;
import dev.stagger.remote.job.Site;
import dev.stagger.remote.ssh.SshConnection;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code stagger cluster doctor}: checks, over an open connection, everything a cluster run needs,
 * and says for each failure what to do; with {@code fix}, does what Stagger can do itself (deploy
 * the engine bundle, deploy an {@code mpi.jar} built for the cluster's Open MPI).
 */
public final class Doctor {
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Pattern OMPI_VERSION = Pattern.compile("\\(Open MPI\\) ([0-9][0-9A-Za-z.]*)");

    private final ClusterRuns runs;
    private final SshConnection ssh;
    private final Site site;

    public Doctor(ClusterRuns runs) {
        this.runs = runs;
        this.ssh = runs.connection();
        this.site = runs.site();
    }

    /** Runs every check (fixing what it can when {@code fix}), reporting each as it completes. */
    public List<Check> run(boolean fix, Path localMpiJars, Path runtimeCache, Consumer<Check> report) {
        List<Check> all = new ArrayList<>();
        Consumer<Check> add = c -> {
            all.add(c);
            report.accept(c);
        };
        add.accept(Check.ok("login and host key", ssh.target().describe() + " (key verified against known_hosts)"));
        add.accept(forwarding());
        String workRoot;
        try {
            workRoot = runs.workRoot();
            add.accept(Check.ok("work root", workRoot));
        } catch (SshException e) {
            add.accept(Check.failed("work root", e.getMessage(), "set a writable work root: stagger cluster edit "
                    + site.cluster() + " --workdir DIR"));
            return all;
        }
        add.accept(java(workRoot, fix, runtimeCache));
        String ompi = mpiVersion(add);
        if (ompi != null) {
            add.accept(bindings(ompi, workRoot, fix, localMpiJars));
            add.accept(hello(workRoot));
        }
        add.accept(bundle(workRoot, fix));
        if (site.launcher() == Site.Launcher.SLURM) {
            add.accept(slurm("Slurm partitions", "sinfo -h -o '%P %a %D %c'", "sinfo failed: is Slurm installed and SLURM_CONF set?"));
            add.accept(srunMpi());
            add.accept(sacct());
        }
        add.accept(gpus());
        add.accept(gpuBackend(workRoot));
        add.accept(space(workRoot));
        return all;
    }

    private Check forwarding() {
        // a direct-tcpip channel to the login node's own sshd: the tunnel to a run needs exactly this
        try (LiveTransport t = ssh.tunnel("127.0.0.1", ssh.target().port())) {
            t.readTimeout(10_000);
            InputStream in = t.input();
            byte[] banner = new byte[8];
            int n = in.readNBytes(banner, 0, 4);
            if (n == 4 && new String(banner, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("SSH-")) {
                return Check.ok("TCP forwarding", "allowed (a test direct-tcpip channel reached the login node's sshd)");
            }
            return Check.ok("TCP forwarding", "a test channel opened");
        } catch (IOException e) {
            return Check.failed("TCP forwarding", e.getMessage(), "ask the administrators to allow TCP forwarding"
                    + " (sshd AllowTcpForwarding local); without it live watching does not work, runs and fetch still do");
        }
    }

    private Check java(String workRoot, boolean fix, Path cache) {
        try {
            Deployer deployer = new Deployer(ssh);
            Deployer.JavaCheck check = deployer.checkJava(site, workRoot);
            if (check.major() >= 17) {
                return Check.ok("Java", "Java " + check.major() + " on " + check.arch());
            }
            String found = "'" + site.java() + "' is " + (check.major() == 0 ? "missing" : "Java " + check.major());
            if (check.runtimeDeployed()) {
                return Check.ok("Java", found + "; runs use the runtime Stagger deployed in " + workRoot + "/runtimes");
            }
            if (!RuntimeImage.fits(check.unameSm())) {
                return Check.failed("Java", found + " on " + check.unameSm() + ", and a runtime made here ("
                        + RuntimeImage.localArch() + ") would not run there", "load a Java 17+ in the profile's setup lines"
                        + " (module load java) or point --java at one");
            }
            if (!fix) {
                return Check.fixable("Java", found + " (Stagger needs 17+)", "stagger cluster doctor " + site.cluster()
                        + " --fix deploys a runtime of this machine's Java (jlink); or load a Java 17+ in the setup lines");
            }
            return Check.ok("Java", deployer.ensureJava(site, workRoot, cache, line -> { }) + " (fixed)");
        } catch (IOException e) {
            return Check.failed("Java", e.getMessage(), null);
        }
    }

    private String mpiVersion(Consumer<Check> add) {
        try {
            SshConnection.ExecResult r = ssh.exec(setup() + quote(site.mpirun()) + " --version 2>&1", null, QUICK);
            Matcher m = OMPI_VERSION.matcher(r.stdout());
            if (!r.ok() || !m.find()) {
                add.accept(Check.failed("Open MPI", "'" + site.mpirun() + " --version' gave: " + r.complaint(),
                        "load Open MPI in the profile's setup lines (module load openmpi) or set --mpirun"));
                return null;
            }
            add.accept(Check.ok("Open MPI", "mpirun " + m.group(1)));
            return m.group(1);
        } catch (SshException e) {
            add.accept(Check.failed("Open MPI", e.getMessage(), null));
            return null;
        }
    }

    private Check bindings(String version, String workRoot, boolean fix, Path localMpiJars) {
        try {
            String out = ssh.run(setup() + "d=$(ompi_info --path libdir 2>/dev/null | sed -n 's/^[[:space:]]*Libdir:[[:space:]]*//p');"
                    + " echo \"libdir=$d\"; [ -e \"$d/libmpi_java.so\" ] && echo lib=yes;"
                    + " for c in " + quote(workRoot + "/mpi/" + version + "/mpi.jar") + " \"$d/mpi.jar\" /usr/share/java/mpi.jar; do"
                    + " [ -f \"$c\" ] && { echo \"jar=$c\"; break; }; done; true", QUICK, "looking for Open MPI's Java bindings");
            boolean lib = out.contains("lib=yes");
            String jar = value(out, "jar");
            if (!lib) {
                return Check.failed("MPI Java bindings", "libmpi_java.so is missing next to Open MPI " + version,
                        "use an Open MPI built with --enable-mpi-java (Spack: openmpi+java; EasyBuild/module systems often"
                        + " have one); until then runs are limited to 1 rank");
            }
            if (jar != null) {
                return Check.ok("MPI Java bindings", "libmpi_java.so and " + jar);
            }
            Path local = localMpiJars.resolve(version).resolve("mpi-" + version + ".jar");
            if (!fix) {
                return Files.isRegularFile(local)
                        ? Check.fixable("MPI Java bindings", "libmpi_java.so is there but no mpi.jar", "stagger cluster doctor "
                                + site.cluster() + " --fix deploys the mpi.jar built here for Open MPI " + version)
                        : Check.failed("MPI Java bindings", "libmpi_java.so is there but no mpi.jar, and none is built here for"
                                + " Open MPI " + version, "build one for that version (dev/setup-openmpi.sh with MPI_JAR, or"
                                + " Open MPI's --enable-mpi-java) and run the doctor with --fix");
            }
            if (!Files.isRegularFile(local)) {
                return Check.failed("MPI Java bindings", "no mpi.jar for Open MPI " + version + " here to deploy (" + local + ")",
                        "build one for that version, then run --fix again");
            }
            String dir = workRoot + "/mpi/" + version;
            ssh.run("mkdir -p " + quote(dir), QUICK, "creating " + dir);
            ssh.sftp(sftp -> {
                sftp.put(local.toString(), dir + "/.mpi.jar.part", ChannelSftp.OVERWRITE);
                sftp.rename(dir + "/.mpi.jar.part", dir + "/mpi.jar");
                return null;
            }, Duration.ofMinutes(5));
            return Check.ok("MPI Java bindings", "deployed mpi.jar for Open MPI " + version + " to " + dir + " (fixed)");
        } catch (SshException e) {
            return Check.failed("MPI Java bindings", e.getMessage(), null);
        }
    }

    private Check hello(String workRoot) {
        if (site.launcher() == Site.Launcher.SLURM) {
            return slurmHello(workRoot);
        }
        try {
            SshConnection.ExecResult r = ssh.exec(setup() + quote(site.mpirun())
                    + " -np 2 $( [ \"$(nproc)\" -lt 2 ] && echo --oversubscribe) hostname 2>&1", null, Duration.ofMinutes(2));
            return r.ok() && r.stdout().strip().split("\n").length >= 2
                    ? Check.ok("2-rank hello world", "mpirun -np 2 hostname ran")
                    : Check.failed("2-rank hello world", r.complaint(), "check Open MPI on the login node (mpirun -np 2 hostname)");
        } catch (SshException e) {
            return Check.failed("2-rank hello world", e.getMessage(), null);
        }
    }

    /**
     * A 2-task batch job on a compute node, as runs will be started (srun from a login node may be
     * unable to reach the nodes); its output goes through a file in the work root. A busy queue
     * that leaves it pending is a warning, not a failure.
     */
    private Check slurmHello(String workRoot) {
        String name = "2-rank hello world";
        String script = setup() + "f=$(mktemp " + quote(workRoot + "/.hello-XXXXXX") + ") || exit 1;"
                + " timeout 100 sbatch --wait --job-name=stagger-doctor -n 2 --time=00:02:00"
                + (site.slurm().partition() != null ? " --partition=" + quote(site.slurm().partition()) : "")
                + (site.slurm().account() != null ? " --account=" + quote(site.slurm().account()) : "")
                + " -o \"$f\" --wrap " + quote(quote(site.mpirun()) + " -np 2 hostname") + " >/dev/null 2>\"$f.err\";"
                + " rc=$?; cat \"$f\"; echo \"exit=$rc\"; cat \"$f.err\"; rm -f \"$f\" \"$f.err\"; squeue -h -u \"$(id -un)\""
                + " -n stagger-doctor -o %i | xargs -r scancel";
        try {
            SshConnection.ExecResult r = ssh.exec(script, null, Duration.ofMinutes(3));
            String out = r.stdout();
            if (out.contains("exit=124")) {
                return Check.warning(name, "the 2-task test job did not run within 100 s (the queue is busy?)", null);
            }
            long lines = out.lines().takeWhile(l -> !l.startsWith("exit=")).filter(l -> !l.isBlank()).count();
            return out.contains("exit=0") && lines >= 2
                    ? Check.ok(name, "a 2-task Slurm job ran mpirun -np 2 on " + out.lines().findFirst().orElse("").strip())
                    : Check.failed(name, out.strip().replace('\n', ' '), "a 2-task Slurm job failed: check the partition,"
                            + " your allocation and Open MPI on the compute nodes");
        } catch (SshException e) {
            return Check.failed(name, e.getMessage(), null);
        }
    }

    private Check bundle(String workRoot, boolean fix) {
        try {
            EngineBundle bundle = EngineBundle.current();
            boolean present = ssh.exec("test -f " + quote(workRoot + "/bundles/" + bundle.hash() + "/complete"), null, QUICK).ok();
            if (present) {
                return Check.ok("engine bundle", bundle.hash() + " is deployed");
            }
            if (!fix) {
                return Check.fixable("engine bundle", bundle.hash() + " is not deployed yet (the first run uploads it)",
                        "stagger cluster doctor " + site.cluster() + " --fix uploads it now");
            }
            new Deployer(ssh).deploy(bundle, workRoot, line -> { });
            return Check.ok("engine bundle", bundle.hash() + " deployed (fixed)");
        } catch (IOException e) {
            return Check.failed("engine bundle", e.getMessage(), null);
        }
    }

    private Check slurm(String name, String command, String fix) {
        try {
            SshConnection.ExecResult r = ssh.exec(setup() + command, null, Duration.ofMinutes(2));
            String first = r.stdout().strip().replace('\n', ';');
            return r.ok() ? Check.ok(name, first.length() > 150 ? first.substring(0, 147) + "..." : first)
                    : Check.failed(name, r.complaint(), fix);
        } catch (SshException e) {
            return Check.failed(name, e.getMessage(), fix);
        }
    }

    private Check srunMpi() {
        try {
            SshConnection.ExecResult r = ssh.exec(setup() + "srun --mpi=list 2>&1", null, QUICK);
            boolean pmix = r.stdout().contains("pmix");
            if (site.srun() && !pmix) {
                return Check.failed("srun --mpi=pmix", "this Slurm offers no PMIx: " + r.stdout().strip().replace('\n', ' '),
                        "use mpirun as the MPI starter: stagger cluster edit " + site.cluster() + " --mpi-starter mpirun");
            }
            return Check.ok("srun --mpi=list", r.stdout().strip().replace('\n', ' '));
        } catch (SshException e) {
            return Check.failed("srun --mpi=list", e.getMessage(), null);
        }
    }

    private Check sacct() {
        try {
            SshConnection.ExecResult r = ssh.exec(setup() + "sacct -n -X -o JobID -S now-1hours 2>&1 | head -n 3", null, QUICK);
            if (r.stdout().contains("disabled") || r.stdout().contains("not enabled") || r.stdout().contains("Slurm accounting storage")) {
                return Check.warning("sacct", "accounting is off: ended jobs are known through scontrol (for MinJobAge)"
                        + " and the run directory", null);
            }
            return Check.ok("sacct", "works");
        } catch (SshException e) {
            return Check.warning("sacct", e.getMessage(), null);
        }
    }

    private Check gpus() {
        try {
            SshConnection.ExecResult r = ssh.exec(setup() + "nvidia-smi -L 2>&1", null, QUICK);
            return r.ok() ? Check.ok("GPUs", r.stdout().strip().replace('\n', ';'))
                    : Check.skipped("GPUs", "none on the login node (nvidia-smi absent or failed); compute nodes may have some");
        } catch (SshException e) {
            return Check.skipped("GPUs", e.getMessage());
        }
    }

    /**
     * The deployed engine's own answer on the login node ({@code stagger backends}): the GPUs the
     * CUDA backend would use, or what it lacks there, which is what {@code backend: auto} falls back
     * to the CPU for. Compute nodes may differ (the login node often has no GPU).
     */
    private Check gpuBackend(String workRoot) {
        String name = "GPU backend (login node)";
        try {
            String bundleDir = workRoot + "/bundles/" + EngineBundle.current().hash();
            if (!ssh.exec("test -f " + quote(bundleDir + "/complete"), null, QUICK).ok()) {
                return Check.skipped(name, "the engine bundle is not deployed yet (--fix deploys it)");
            }
            String script = "bundle=" + quote(bundleDir) + "\nwork_root=" + quote(workRoot) + "\n" + setup() + "\n"
                    + JobScript.engineEnvironment(site) + "engine backends 2>&1\n";
            SshConnection.ExecResult r = ssh.exec("bash -c " + quote(script), null, Duration.ofMinutes(2));
            List<String> lines = r.stdout().lines().toList();
            int at = 0;
            while (at < lines.size() && !lines.get(at).startsWith("cuda:")) {
                at++;
            }
            if (!r.ok() || at == lines.size()) {
                return Check.warning(name, "the engine did not say: " + r.complaint(), null);
            }
            String cuda = lines.get(at).substring("cuda: ".length());
            if (cuda.startsWith("usable")) {
                List<String> devices = lines.subList(at + 1, lines.size()).stream().map(String::strip)
                        .filter(l -> l.startsWith("cuda device")).toList();
                return Check.ok(name, "backend cuda runs here on " + String.join("; ", devices));
            }
            return Check.warning(name, cuda + "; compute nodes may differ", "runs with run.backend auto use a node's"
                    + " GPUs where the backend can, else the CPU (they say so in their log and ranks table)");
        } catch (IOException e) {
            return Check.skipped(name, e.getMessage());
        }
    }

    private Check space(String workRoot) {
        try {
            String out = ssh.run("df -Pk " + quote(workRoot) + " | tail -n 1", QUICK, "df");
            String[] f = out.strip().split("\\s+");
            long freeKb = Long.parseLong(f[3]);
            String free = String.format(java.util.Locale.ROOT, "%.1f GB free", freeKb / 1e6);
            return freeKb < 1_000_000 ? Check.warning("free space", free + " in " + workRoot, "free some space or choose"
                    + " another work root") : Check.ok("free space", free + " in " + workRoot);
        } catch (SshException | RuntimeException e) {
            return Check.warning("free space", "could not tell: " + e.getMessage(), null);
        }
    }

    private String setup() {
        return site.setup().isEmpty() ? "" : String.join("; ", site.setup()) + "; ";
    }

    private static String value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        return null;
    }
}
