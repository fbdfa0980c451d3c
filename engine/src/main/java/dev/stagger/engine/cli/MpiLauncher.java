package dev.stagger.engine.cli;

import dev.stagger.engine.distributed.Communicators;
import java.io.File;
import dev.stagger.engine.live.RunFolderLock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code stagger run --ranks N}: starts the same command under mpirun on this machine, N ranks of
 * this very JVM configuration (class path, vector module, heap shared out between the ranks),
 * without binding ranks to single cores (each rank runs its own worker threads). Its output comes
 * through; its exit code is ours.
 */
final class MpiLauncher {
    /** How long Ctrl-C lets mpirun take down its ranks before we go. */
    private static final long STOP_GRACE_SECONDS = 30;

    private MpiLauncher() {}

    static int launch(int ranks, int threadsPerRank, List<String> runArguments, Path outputDir, PrintWriter err) {
        Path mpirun = findOnPath("mpirun");
        if (mpirun == null) {
            err.println("stagger: --ranks needs mpirun, which is not on the PATH; install Open MPI"
                    + " (dev/setup-openmpi.sh does it on Debian/Ubuntu)");
            return StaggerCli.EXIT_USAGE;
        }
        if (!Communicators.mpiAvailable()) {
            err.println("stagger: this Stagger build has no MPI support; run dev/setup-openmpi.sh, then rebuild"
                    + " (./stagger rebuilds by itself after `touch engine/pom.xml`)");
            return StaggerCli.EXIT_USAGE;
        }
        String crowded = Oversubscription.warning(ranks, threadsPerRank, Runtime.getRuntime().availableProcessors());
        if (crowded != null) {
            err.println(crowded);
            err.flush();
        }
        // a rank of one thread stays on its core; a rank with worker threads must not be squeezed onto one
        boolean pin = threadsPerRank == 1 && ranks <= Runtime.getRuntime().availableProcessors();
        List<String> command = new ArrayList<>(List.of(mpirun.toString(), "-np", Integer.toString(ranks),
                "--bind-to", pin ? "core" : "none"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-run-as-root");
        }
        if (ranks > Runtime.getRuntime().availableProcessors()) {
            command.add("--oversubscribe");
        }
        // this process holds the output folder's lock for the job: rank 0 sees it is held for it
        command.addAll(List.of("-x", RunFolderLock.HOLDER_ENV));
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // -cp right after java: mpirun takes the first argument containing "cp" for the class path flag
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(jvmArguments(ranks));
        if (Verbose.on()) {
            command.add("-D" + Verbose.PROPERTY + "=true"); // the ranks say their steps and causes too
        }
        command.addAll(List.of(StaggerCli.class.getName(), "run"));
        command.addAll(runArguments);
        Verbose.note(err, "starting " + String.join(" ", command));
        Process process;
        Instant launched = Instant.now();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put(RunFolderLock.HOLDER_ENV, Long.toString(ProcessHandle.current().pid()));
            process = builder.start();
        } catch (IOException e) {
            err.println("stagger: could not start mpirun: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
        MpiJobReport report = new MpiJobReport();
        Thread errors = new Thread(new NoticeFilter(process.getErrorStream(), new Tee(System.err, report)),
                "mpirun-stderr");
        errors.setDaemon(true);
        errors.start();
        AtomicBoolean stopRequested = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopRequested.set(true);
            // Ctrl-C reached mpirun too: it stops its ranks; wait for that rather than leave it orphaned
            try {
                process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stagger-mpirun-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int exit = process.waitFor();
            errors.join(TimeUnit.SECONDS.toMillis(5));
            return MpiJobEnd.settle(exit, stopRequested.get(), launched, outputDir, report, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return StaggerCli.EXIT_INTERRUPTED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already exiting: the hook waits for mpirun
            }
        }
    }

    /** Passes mpirun's stderr on to ours and to the report that is read when the job ends. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }

    /** This JVM's options for each rank, with the heap limit divided between the ranks. */
    private static List<String> jvmArguments(int ranks) {
        List<String> result = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-XX:MaxRAMPercentage")) {
                result.add(arg);
            }
        }
        result.add("-XX:MaxRAMPercentage=" + heapPercent(ranks));
        return result;
    }

    /** Share of this machine's memory each of {@code ranks} local ranks may use: together what one run would. */
    private static int heapPercent(int ranks) {
        return Math.max(5, 75 / ranks);
    }

    /** The heap each rank of a {@link #launch} will have, in bytes, for checks made before it starts. */
    static long rankHeap(int ranks) {
        long machine = dev.stagger.engine.project.RankMemory.machineMemory();
        return machine > 0 ? machine / 100 * heapPercent(ranks) : Runtime.getRuntime().maxMemory() / ranks;
    }

    static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
