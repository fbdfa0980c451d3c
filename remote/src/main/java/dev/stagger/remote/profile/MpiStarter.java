package dev.stagger.remote.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What starts the MPI ranks of a run. */
public enum MpiStarter {
    /** The cluster's {@code mpirun} (the profile's {@code mpirun} command). */
    MPIRUN,
    /** {@code srun --mpi=pmix}: only inside a Slurm allocation, so only with {@link Launcher#SLURM}. */
    SRUN;

    /** The word a profile uses: {@code mpirun}, {@code srun}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The starter a profile's word names, exactly as written. */
    public static Optional<MpiStarter> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
