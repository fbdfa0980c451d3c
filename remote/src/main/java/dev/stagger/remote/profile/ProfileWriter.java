package dev.stagger.remote.profile;

import dev.stagger.engine.yaml.YamlScalars;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a profile as a readable, commented file: a header saying what the file is, then the keys
 * in the documented order, only those that are set (defaults are left out, so the file shows what
 * is particular about this cluster).
 */
public final class ProfileWriter {
    private ProfileWriter() {}

    public static String toYaml(ClusterProfile p) {
        List<String> out = new ArrayList<>();
        out.add("# Stagger cluster profile '" + p.name() + "'.");
        out.add("# No secrets belong here: passwords, passphrases and one-time codes are asked for");
        out.add("# when Stagger connects. Check the profile with: stagger cluster doctor " + p.name());
        out.add("# Change it with: stagger cluster edit " + p.name() + " (your comments are kept).");
        out.add("format: " + ClusterProfile.FORMAT);
        out.add("host: " + YamlScalars.text(p.host()));
        if (!p.sshConfig().equals(ClusterProfile.DEFAULT_SSH_CONFIG)) {
            out.add("ssh_config: " + YamlScalars.text(p.sshConfig()));
        }
        List<String> overrides = new ArrayList<>();
        optional(overrides, "user", p.user());
        if (p.port() != null) {
            overrides.add("port: " + p.port());
        }
        optional(overrides, "identity_file", p.identityFile());
        optional(overrides, "known_hosts", p.knownHosts());
        optional(overrides, "proxy_jump", p.proxyJump());
        if (!overrides.isEmpty()) {
            out.add("# overrides of what the SSH config says");
            out.addAll(overrides);
        }
        out.add("launcher: " + p.launcher().label());
        if (p.mpiStarter() != MpiStarter.MPIRUN) {
            out.add("mpi_starter: " + p.mpiStarter().label());
        }
        if (p.slurm() != null) {
            slurm(out, p.slurm());
        }
        if (!p.setup().isEmpty()) {
            out.add("# shell lines run before the engine");
            out.add("setup:");
            p.setup().forEach(line -> out.add("  - " + YamlScalars.blockItem(line)));
        }
        out.add("workdir: " + YamlScalars.text(p.workdir()));
        if (!p.java().equals(ClusterProfile.DEFAULT_JAVA)) {
            out.add("java: " + YamlScalars.text(p.java()));
        }
        if (!p.mpirun().equals(ClusterProfile.DEFAULT_MPIRUN)) {
            out.add("mpirun: " + YamlScalars.text(p.mpirun()));
        }
        return String.join("\n", out) + "\n";
    }

    private static void slurm(List<String> out, SlurmSettings s) {
        List<String> lines = new ArrayList<>();
        optional(lines, "  partition", s.partition());
        optional(lines, "  account", s.account());
        optional(lines, "  qos", s.qos());
        if (s.time() != null) {
            // quoted always: unquoted, some walltimes (1:00:00) look like YAML 1.1 base-60 numbers
            lines.add("  time: " + YamlScalars.quoted(s.time()));
        }
        if (s.nodes() != 1) {
            lines.add("  nodes: " + s.nodes());
        }
        if (s.tasksPerNode() != null) {
            lines.add("  tasks_per_node: " + s.tasksPerNode());
        }
        if (s.gpusPerNode() != 0) {
            lines.add("  gpus_per_node: " + s.gpusPerNode());
        }
        if (!s.extra().isEmpty()) {
            lines.add("  extra: " + YamlScalars.flowList(s.extra()));
        }
        if (!lines.isEmpty()) {
            out.add("slurm:");
            out.addAll(lines);
        }
    }

    private static void optional(List<String> out, String key, String value) {
        if (value != null) {
            out.add(key + ": " + YamlScalars.text(value));
        }
    }
}
