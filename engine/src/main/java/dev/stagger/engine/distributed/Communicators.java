package dev.stagger.engine.distributed;

import java.lang.reflect.InvocationTargetException;

/**
 * The communicator of this process: MPI's when it was started by mpirun (or srun) as one of
 * several ranks, else {@link SelfCommunicator}. The MPI class is looked up by name so that a
 * machine without Open MPI never loads it.
 */
public final class Communicators {
    private static final String MPI_CLASS = "dev.stagger.engine.distributed.mpi.MpiCommunicator";

    private Communicators() {}

    /** Ranks in this job according to the launcher's environment; 1 when not under a launcher. */
    public static int launchedRanks() {
        for (String name : new String[] {"OMPI_COMM_WORLD_SIZE", "PMIX_SIZE", "PMI_SIZE", "SLURM_NTASKS"}) {
            String value = System.getenv(name);
            if (value != null && name.startsWith("SLURM") && System.getenv("SLURM_PROCID") == null) {
                continue;
            }
            if (value != null) {
                try {
                    return Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    // not a launcher's variable after all
                }
            }
        }
        return 1;
    }

    /** Ranks of this job on this node, for choosing threads per rank; 1 when not under a launcher. */
    public static int localRanks() {
        String value = System.getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whether this build has the MPI backend and this machine the bindings it needs. */
    public static boolean mpiAvailable() {
        try {
            Class.forName(MPI_CLASS, false, Communicators.class.getClassLoader());
            Class.forName("mpi.MPI", false, Communicators.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The communicator for this process.
     *
     * @throws IllegalStateException with a message for the user when started as several ranks by a
     *     build or machine without MPI support
     */
    public static Communicator open() {
        if (launchedRanks() <= 1) {
            return new SelfCommunicator();
        }
        if (!mpiAvailable()) {
            throw new IllegalStateException("started as one of " + launchedRanks() + " MPI ranks, but this Stagger"
                    + " build has no MPI support; run dev/setup-openmpi.sh (or ./run-tests), then rebuild");
        }
        try {
            return (Communicator) Class.forName(MPI_CLASS).getMethod("initialize").invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the MPI backend could not be loaded: " + e, e);
        }
    }
}
