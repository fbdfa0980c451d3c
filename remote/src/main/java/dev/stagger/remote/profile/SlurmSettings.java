package dev.stagger.remote.profile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code slurm:} block of a profile: defaults for the {@code #SBATCH} lines of a job. Null
 * means "not set": Slurm's own default (or the run's choice) applies.
 *
 * @param partition    {@code --partition}, or null
 * @param account      {@code --account}, or null
 * @param qos          {@code --qos}, or null
 * @param time         default walltime as written, {@code [D-]HH:MM:SS}, or null
 * @param nodes        {@code --nodes}, at least 1 (default 1)
 * @param tasksPerNode {@code --ntasks-per-node}, or null when the run's rank count decides
 * @param gpusPerNode  {@code --gpus-per-node}, 0 (the default) for none
 * @param extra        further {@code #SBATCH} options, each one option starting with {@code --}
 */
public record SlurmSettings(String partition, String account, String qos, String time, int nodes,
        Integer tasksPerNode, int gpusPerNode, List<String> extra) {

    /** What {@code launcher: slurm} without a {@code slurm:} block means. */
    public static final SlurmSettings DEFAULTS = new SlurmSettings(null, null, null, null, 1, null, 0, List.of());

    public SlurmSettings {
        extra = extra == null ? List.of() : List.copyOf(extra);
    }

    /** The walltime as a duration; empty when {@link #time} is not set or not in the documented form. */
    public Optional<Duration> walltime() {
        return time == null ? Optional.empty() : ProfileRules.walltime(time);
    }
}
