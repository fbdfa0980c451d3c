package dev.stagger.remote.job;

import static dev.stagger.remote.ssh.ShellQuote.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * The job script of a cluster run (kept in its run directory as {@value #FILE}), and the command
 * that submits it. Every value that comes from a user (paths, names, overrides) goes in quoted;
 * Slurm's own options, already validated, go in as {@code #SBATCH} lines. The script records start,
 * node list, its process group and the exit code in the run directory, and turns Slurm's warning
 * before the walltime (SIGUSR1) into a checkpoint and a graceful stop through the live server.
 */
public final class JobScript {
    public static final String FILE = "job.sh";
    public static final String LOG = "stagger-run.log";
    /** Seconds before the walltime when Slurm warns the batch shell. */
    static final int WALLTIME_WARNING_SECONDS = 120;

    private JobScript() {}

    /**
     * The shell lines that choose the Java, the class path (with Open MPI's Java bindings) and the
     * JVM options of the deployed engine, and define {@code engine ARGS...}; they read {@code bundle}
     * and {@code work_root}. Job scripts and the cluster doctor share them.
     */
    public static String engineEnvironment(Site site) {
        StringBuilder e = new StringBuilder();
        e.append("java=").append(quote(site.java())).append('\n');
        e.append("mpirun=").append(quote(site.mpirun())).append('\n');
        e.append("""
                # Open MPI's Java bindings: an mpi.jar deployed for this Open MPI version, else the one next to its libraries
                ompi_version=$("$mpirun" --version 2>/dev/null | sed -n 's/.*(Open MPI) \\([0-9][0-9A-Za-z.]*\\).*/\\1/p' | head -n1)
                ompi_libdir=$(ompi_info --path libdir 2>/dev/null | sed -n 's/^[[:space:]]*Libdir:[[:space:]]*//p' | head -n1)
                mpi_jar=""
                for candidate in "$work_root/mpi/$ompi_version/mpi.jar" "$ompi_libdir/mpi.jar" /usr/share/java/mpi.jar; do
                  if [ -n "$ompi_version" ] && [ -f "$candidate" ]; then mpi_jar=$candidate; break; fi
                done
                if [ -n "$ompi_libdir" ]; then export LD_LIBRARY_PATH="$ompi_libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
                classpath="$bundle/stagger-engine.jar:$bundle/lib/*${mpi_jar:+:$mpi_jar}"
                java_major_of() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
                java_major=$(java_major_of "$java")
                # no Java 17+ here: the runtime Stagger deployed for this cluster, if any
                if [ "${java_major:-0}" -lt 17 ] && [ -x "$work_root/runtimes/current/bin/java" ]; then
                  java="$work_root/runtimes/current/bin/java"; java_major=$(java_major_of "$java")
                fi
                jvm_opts=(--add-modules jdk.incubator.vector -XX:+UseParallelGC)
                if [ "${java_major:-17}" -ge 22 ]; then jvm_opts+=(--enable-native-access=ALL-UNNAMED); fi
                """);
        e.append("engine() { \"$java\" -cp \"$classpath\" \"${jvm_opts[@]}\" dev.stagger.engine.cli.StaggerCli \"$@\"; }\n");
        return e.toString();
    }

    /** The script, for a run directory and a deployed bundle given as absolute remote paths. */
    public static String render(Site site, JobRequest job, String runDir, String bundleDir, String workRootAbsolute) {
        boolean slurm = site.launcher() == Site.Launcher.SLURM;
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# Stagger run ").append(oneLine(job.id().toString())).append(" (").append(slurm ? "Slurm" : "direct")
                .append(" launch). Written by Stagger; kept here as the record of how the run was started.\n");
        if (slurm) {
            for (String option : sbatchOptions(site, job)) {
                s.append("#SBATCH ").append(option).append('\n');
            }
        }
        s.append("set -u\n");
        s.append("run_dir=").append(quote(runDir)).append('\n');
        s.append("bundle=").append(quote(bundleDir)).append('\n');
        s.append("work_root=").append(quote(workRootAbsolute)).append('\n');
        s.append("cd \"$run_dir\" || exit 1\n");
        // the engine then knows it runs as a cluster job (not listed among the node's own local runs)
        s.append("export STAGGER_CLUSTER_RUN=").append(quote(job.id().toString())).append('\n');
        s.append("echo $$ > job.pid\n");
        s.append("ps -o pgid= -p $$ | tr -d ' ' > job.pgid\n");
        s.append("date -u +%Y-%m-%dT%H:%M:%SZ > job.start\n");
        s.append("echo \"${SLURM_JOB_NODELIST:-$(hostname)}\" > job.nodes\n");
        if (!site.setup().isEmpty()) {
            s.append("# the profile's setup lines\n");
            for (String line : site.setup()) {
                s.append(line).append('\n');
            }
        }
        s.append(engineEnvironment(site));
        int ranksPerNode = Math.max(1, (int) Math.ceil(job.ranks() / (double) Math.max(1, nodesOf(site, job))));
        s.append("jvm_opts+=(-XX:MaxRAMPercentage=").append(Math.max(5, 75 / ranksPerNode)).append(")\n");
        if (slurm) {
            s.append("serve=$(hostname -I 2>/dev/null | awk '{print $1}')\n");
            s.append("[ -n \"$serve\" ] || serve=$(hostname)\n");
        } else {
            s.append("serve=127.0.0.1\n");
        }
        s.append("""
                on_walltime() {
                  echo "stagger: the walltime is near: writing a checkpoint and stopping the run" >&2
                  engine checkpoint "$run_dir" && engine stop "$run_dir"
                }
                trap on_walltime USR1
                """);
        List<String> run = new ArrayList<>(List.of("run", job.projectFileName(), "--out", "@RUN_DIR@",
                "--serve-address", "@SERVE@"));
        if (job.threads() != null) {
            run.addAll(List.of("--threads", Integer.toString(job.threads())));
        }
        for (String override : job.overrides()) {
            run.addAll(List.of("--set", override));
        }
        String engineArgs = quoteAll(run).replace("@RUN_DIR@", "\"$run_dir\"").replace("@SERVE@", "\"$serve\"");
        if (job.ranks() <= 1) {
            s.append("engine ").append(engineArgs).append(" &\n");
        } else if (site.srun() && slurm) {
            s.append("srun --mpi=pmix -n ").append(job.ranks()).append(" \"$java\" -cp \"$classpath\" \"${jvm_opts[@]}\""
                    + " dev.stagger.engine.cli.StaggerCli ").append(engineArgs).append(" &\n");
        } else {
            s.append("mpi_opts=(-np ").append(job.ranks()).append(" --bind-to none)\n");
            // more ranks than cores here (a small allocation, a login node): ranks must yield while they
            // wait for messages, or their busy polling takes the cores from the ranks that compute
            s.append("if [ ").append(ranksPerNode).append(" -gt \"$(nproc)\" ]; then mpi_opts+=(--mca mpi_yield_when_idle 1")
                    .append(slurm ? "" : " --oversubscribe").append("); fi\n");
            // -cp right after java: mpirun takes the first argument containing "cp" as its class path flag
            s.append("\"$mpirun\" \"${mpi_opts[@]}\" \"$java\" -cp \"$classpath\" \"${jvm_opts[@]}\""
                    + " dev.stagger.engine.cli.StaggerCli ").append(engineArgs).append(" &\n");
        }
        s.append("""
                job=$!
                while :; do
                  wait "$job"
                  code=$?
                  kill -0 "$job" 2>/dev/null || break
                done
                echo "$code" > job.exit
                date -u +%Y-%m-%dT%H:%M:%SZ > job.end
                exit "$code"
                """);
        return s.toString();
    }

    /** Slurm's options, each validated by the profile (no spaces, no newlines). */
    static List<String> sbatchOptions(Site site, JobRequest job) {
        Site.Slurm slurm = site.slurm();
        List<String> options = new ArrayList<>();
        options.add("--ntasks=" + job.ranks());
        int nodes = nodesOf(site, job);
        if (nodes > 0) {
            options.add("--nodes=" + nodes);
        }
        if (slurm.tasksPerNode() != null && job.nodes() == null) {
            options.add("--ntasks-per-node=" + slurm.tasksPerNode());
        }
        if (job.threads() != null) {
            options.add("--cpus-per-task=" + job.threads());
        }
        if (slurm.partition() != null) {
            options.add("--partition=" + slurm.partition());
        }
        if (slurm.account() != null) {
            options.add("--account=" + slurm.account());
        }
        if (slurm.qos() != null) {
            options.add("--qos=" + slurm.qos());
        }
        String time = job.time() != null ? job.time() : slurm.time();
        if (time != null) {
            options.add("--time=" + time);
        }
        if (slurm.gpusPerNode() != null && slurm.gpusPerNode() > 0) {
            options.add("--gpus-per-node=" + slurm.gpusPerNode());
        }
        options.add("--signal=B:USR1@" + WALLTIME_WARNING_SECONDS);
        options.addAll(slurm.extra());
        return options;
    }

    private static int nodesOf(Site site, JobRequest job) {
        if (job.nodes() != null) {
            return job.nodes();
        }
        return site.slurm().nodes() != null && site.launcher() == Site.Launcher.SLURM ? site.slurm().nodes() : 0;
    }

    /**
     * The command that submits the script (given on stdin): {@code sbatch} with the values that carry
     * user text (job name, log path, directory) quoted on its command line, or a detached session
     * for a direct launch that outlives the SSH connection.
     */
    public static String submitCommand(Site site, JobRequest job, String runDir) {
        if (site.launcher() == Site.Launcher.SLURM) {
            return "cd " + quote(runDir) + " && cat > " + FILE + " && date > job.submitted && sbatch --parsable --job-name=" + quote(job.id().jobName())
                    + " --output=" + quote(runDir + "/" + LOG) + " --chdir=" + quote(runDir) + " " + FILE;
        }
        return "cd " + quote(runDir) + " && cat > " + FILE + " && chmod 700 " + FILE + " && date > job.submitted"
                + " && { setsid nohup /bin/bash " + FILE + " > " + LOG + " 2>&1 < /dev/null & } && echo started";
    }

    private static String quoteAll(List<String> args) {
        StringBuilder s = new StringBuilder();
        for (String a : args) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(a.startsWith("@") && a.endsWith("@") ? a : quote(a));
        }
        return s.toString();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
