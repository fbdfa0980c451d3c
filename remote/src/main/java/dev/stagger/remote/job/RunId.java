package dev.stagger.remote.job;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A cluster run's id, {@code CLUSTER/NAME}: the cluster profile's name and the run directory's name
 * under the profile's work root ({@code runs/NAME}), so the id alone finds the run again, with or
 * without the local registry. NAME is the project's name, the time of submission and four random
 * hex digits ({@code hpc1/diffusion-2d-20261129-1652-7f3a}).
 */
public record RunId(String cluster, String name) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    public RunId {
        if (cluster.isEmpty() || cluster.contains("/") || name.isEmpty() || name.contains("/") || name.equals(".")
                || name.equals("..") || name.indexOf('\0') >= 0 || name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a run id: " + cluster + "/" + name);
        }
    }

    public static RunId generate(String cluster, String projectName, LocalDateTime now, RandomGenerator random) {
        String suffix = HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
        return new RunId(cluster, projectName.replace('/', '_').replace('\n', ' ') + "-" + now.format(STAMP) + "-" + suffix);
    }

    /** The id in {@code CLUSTER/NAME} form, or null when the text is not one. */
    public static RunId parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/') || slash == text.length() - 1) {
            return null;
        }
        try {
            return new RunId(text.substring(0, slash), text.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Slurm job name: readable, and unique through the run's random suffix. */
    public String jobName() {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "stagger-" + (safe.length() > 100 ? safe.substring(safe.length() - 100) : safe);
    }

    @Override
    public String toString() {
        return cluster + "/" + name;
    }
}
