package dev.stagger.engine.cli;

import dev.stagger.engine.live.RunFolderLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A run's claim on its output folder: the folder's {@link RunFolderLock}, or the reason this run
 * may not write there (another live run has it, or it cannot be made). Two runs in one folder would
 * overwrite each other's endpoint and state files and mix their series, so the second is refused.
 */
final class RunFolderClaim implements AutoCloseable {
    private final RunFolderLock lock;
    private final int refusal;

    private RunFolderClaim(RunFolderLock lock, int refusal) {
        this.lock = lock;
        this.refusal = refusal;
    }

    /** Takes {@code folder} for this process's run of {@code project}, or says why not. */
    static RunFolderClaim take(Path folder, Path project, PrintWriter err) {
        String holder = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", project " + project;
        try {
            return new RunFolderClaim(RunFolderLock.acquire(folder, holder), StaggerCli.EXIT_OK);
        } catch (RunFolderLock.BusyException e) {
            err.println("stagger: " + e.getMessage() + "; wait for it to end or stop it (./stagger stop " + folder
                    + "), or give this run another folder with --out DIR");
            return new RunFolderClaim(null, StaggerCli.EXIT_USAGE);
        } catch (IOException e) {
            err.println("stagger: cannot use " + folder + " as the output folder: " + IoReason.of(e));
            Verbose.causes(err, e);
            return new RunFolderClaim(null, StaggerCli.EXIT_FAILED);
        }
    }

    /**
     * Rank 0's claim in an MPI job: none needed when the {@code --ranks} parent that started this job
     * holds the lock for it (checked: that pid must be one of this process's ancestors), else taken here.
     */
    static RunFolderClaim takeForJob(Path folder, Path project, PrintWriter err) {
        String holder = System.getenv(RunFolderLock.HOLDER_ENV);
        if (holder != null && isAncestor(holder)) {
            return new RunFolderClaim(null, StaggerCli.EXIT_OK);
        }
        return take(folder, project, err);
    }

    /** A claim for ranks other than 0, which learn rank 0's outcome as {@code refusal}. */
    static RunFolderClaim outcome(int refusal) {
        return new RunFolderClaim(null, refusal);
    }

    private static boolean isAncestor(String pid) {
        long wanted;
        try {
            wanted = Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.current().parent();
        while (p.isPresent()) {
            if (p.get().pid() == wanted) {
                return true;
            }
            p = p.get().parent();
        }
        return false;
    }

    boolean refused() {
        return refusal != StaggerCli.EXIT_OK;
    }

    /** The exit code of a refused run: 2 for a folder in use, 1 for one that cannot be made. */
    int refusal() {
        return refusal;
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // the process is about to end, and the operating system drops the lock then anyway
            }
        }
    }
}
