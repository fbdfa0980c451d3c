package dev.stagger.remote.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every key a profile may have, in the order a written profile lists them. Reading, writing, the
 * in-place editor and the command-line options all go by this one list.
 */
public enum ProfileKey {
    FORMAT("format", Kind.WHOLE),
    HOST("host", Kind.TEXT),
    SSH_CONFIG("ssh_config", Kind.TEXT),
    USER("user", Kind.TEXT),
    PORT("port", Kind.WHOLE),
    IDENTITY_FILE("identity_file", Kind.TEXT),
    KNOWN_HOSTS("known_hosts", Kind.TEXT),
    PROXY_JUMP("proxy_jump", Kind.TEXT),
    LAUNCHER("launcher", Kind.TEXT),
    MPI_STARTER("mpi_starter", Kind.TEXT),
    SLURM("slurm", Kind.SECTION),
    SLURM_PARTITION("slurm.partition", Kind.TEXT),
    SLURM_ACCOUNT("slurm.account", Kind.TEXT),
    SLURM_QOS("slurm.qos", Kind.TEXT),
    SLURM_TIME("slurm.time", Kind.TEXT),
    SLURM_NODES("slurm.nodes", Kind.WHOLE),
    SLURM_TASKS_PER_NODE("slurm.tasks_per_node", Kind.WHOLE),
    SLURM_GPUS_PER_NODE("slurm.gpus_per_node", Kind.WHOLE),
    /** Short options, written on one line: {@code extra: ["--mail-type=END"]}. */
    SLURM_EXTRA("slurm.extra", Kind.FLOW_LIST),
    /** Shell lines, one per line under the key. */
    SETUP("setup", Kind.BLOCK_LIST),
    WORKDIR("workdir", Kind.TEXT),
    JAVA("java", Kind.TEXT),
    MPIRUN("mpirun", Kind.TEXT);

    /** What a key's value is, which decides how it is written. */
    public enum Kind {
        /** A string. */
        TEXT,
        /** A whole number, written plain. */
        WHOLE,
        /** A list of strings written {@code [a, b]}. */
        FLOW_LIST,
        /** A list of strings written one {@code - item} per line. */
        BLOCK_LIST,
        /** A mapping of further keys ({@code slurm:}). */
        SECTION;

        public boolean isList() {
            return this == FLOW_LIST || this == BLOCK_LIST;
        }
    }

    private final String path;
    private final Kind kind;

    ProfileKey(String path, Kind kind) {
        this.path = path;
        this.kind = kind;
    }

    /** The dotted key path, as problems name it: {@code port}, {@code slurm.time}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** The key as written in its mapping: {@code time} for {@code slurm.time}. */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The section a key is in ({@link #SLURM}), or empty for top-level keys. */
    public Optional<ProfileKey> parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : byPath(path.substring(0, dot));
    }

    /** The keys directly in {@code section}, or with {@code null} the top-level keys, in file order. */
    public static List<ProfileKey> in(ProfileKey section) {
        return Arrays.stream(values()).filter(k -> k.parent().orElse(null) == section).toList();
    }

    /** The key at a dotted path ({@code slurm.time}). */
    public static Optional<ProfileKey> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    /** Keys names as a message lists them: {@code format, host, ...}. */
    static List<String> names(List<ProfileKey> keys) {
        return keys.stream().map(ProfileKey::key).toList();
    }
}
