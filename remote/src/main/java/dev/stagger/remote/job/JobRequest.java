package dev.stagger.remote.job;

import java.util.List;

/**
 * One run to start on a cluster: what the user asked for on top of the profile.
 *
 * @param projectFileName the project file's name in the run directory (the engine names outputs after it)
 * @param ranks MPI ranks (1 runs the engine without mpirun)
 * @param threads worker threads per rank, or null for the engine's default (cores / ranks on the node)
 * @param nodes Slurm nodes, or null for the profile's
 * @param time walltime {@code [D-]HH:MM:SS}, or null for the profile's
 * @param overrides {@code KEY=VALUE} project overrides, passed to the engine as {@code --set}
 */
public record JobRequest(RunId id, String projectFileName, int ranks, Integer threads, Integer nodes, String time,
        List<String> overrides) {
    public JobRequest {
        overrides = List.copyOf(overrides);
    }
}
