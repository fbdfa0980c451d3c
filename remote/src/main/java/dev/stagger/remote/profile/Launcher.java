package dev.stagger.remote.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a cluster run's processes are started: directly on the login host, or as a Slurm job. */
public enum Launcher {
    /** {@code mpirun} (or the engine alone) on the host the profile connects to. */
    DIRECT,
    /** A batch job through {@code sbatch}. */
    SLURM;

    /** The word a profile uses: {@code direct}, {@code slurm}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The launcher a profile's word names, exactly as written (profiles are lower case). */
    public static Optional<Launcher> fromLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label().equals(label)).findFirst();
    }
}
