package dev.stagger.remote.job;

import java.util.List;

/**
 * What the job layer needs to know of a cluster (taken from its profile): where runs go, which
 * programs to use, and how jobs are started.
 *
 * @param workRoot the remote work root as the user wrote it ({@code ~/stagger}, {@code $SCRATCH/stagger})
 * @param setup shell lines run before the engine ({@code module load ...})
 * @param slurm the batch settings when {@code launcher} is {@link Launcher#SLURM}
 */
public record Site(String cluster, String workRoot, String java, String mpirun, Launcher launcher, boolean srun,
        Slurm slurm, List<String> setup) {

    public enum Launcher { DIRECT, SLURM }

    /** This site with one run's partition and GPUs per node instead of the profile's (null keeps the profile's). */
    public Site withSlurm(String partition, Integer gpusPerNode) {
        Slurm s = slurm == null ? Slurm.NONE : slurm;
        return new Site(cluster, workRoot, java, mpirun, launcher, srun, new Slurm(partition != null ? partition
                : s.partition(), s.account(), s.qos(), s.time(), s.nodes(), s.tasksPerNode(),
                gpusPerNode != null ? gpusPerNode : s.gpusPerNode(), s.extra()), setup);
    }

    /** Slurm defaults of the profile; a run may override time, nodes and tasks. Nulls are left to the site's defaults. */
    public record Slurm(String partition, String account, String qos, String time, Integer nodes, Integer tasksPerNode,
            Integer gpusPerNode, List<String> extra) {
        public static final Slurm NONE = new Slurm(null, null, null, null, null, null, null, List.of());
    }

    public Site {
        setup = List.copyOf(setup);
        slurm = slurm == null ? Slurm.NONE : slurm;
    }
}
