package dev.stagger.remote.cli.cluster;

import dev.stagger.remote.profile.ProfileEdits;
import dev.stagger.remote.profile.ProfileKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * One option per profile key, shared by {@code cluster add} and {@code cluster edit}
 * ({@code --host} is each command's own: required for one, optional for the other). Values are
 * taken as typed, as text: the profile reader checks them, so a bad {@code --port} gets the same
 * message as a bad {@code port:} in the file, under the option's name.
 */
public final class ProfileOptions {
    @Option(names = "--ssh-config", paramLabel = "FILE",
            description = "SSH config to resolve the host in (default ~/.ssh/config)")
    String sshConfig;

    @Option(names = "--user", paramLabel = "USER", description = "user name, instead of the SSH config's")
    String user;

    @Option(names = "--port", paramLabel = "PORT", description = "SSH port, instead of the SSH config's")
    String port;

    @Option(names = "--identity-file", paramLabel = "FILE",
            description = "private key file, instead of the SSH config's")
    String identityFile;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file, instead of the SSH config's")
    String knownHosts;

    @Option(names = "--proxy-jump", paramLabel = "SPEC",
            description = "jump hosts [user@]host[:port],... (or none), instead of the SSH config's")
    String proxyJump;

    @Option(names = "--launcher", paramLabel = "direct|slurm", description = "how runs start (default direct)")
    String launcher;

    @Option(names = "--mpi-starter", paramLabel = "mpirun|srun",
            description = "what starts the ranks (default mpirun; srun = srun --mpi=pmix, only with slurm)")
    String mpiStarter;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account")
    String account;

    @Option(names = "--qos", paramLabel = "NAME", description = "Slurm QOS")
    String qos;

    @Option(names = "--time", paramLabel = "[D-]HH:MM:SS", description = "default Slurm walltime")
    String time;

    @Option(names = "--nodes", paramLabel = "N", description = "Slurm nodes (default 1)")
    String nodes;

    @Option(names = "--tasks-per-node", paramLabel = "N", description = "Slurm tasks per node")
    String tasksPerNode;

    @Option(names = "--gpus-per-node", paramLabel = "N", description = "Slurm GPUs per node (default 0)")
    String gpusPerNode;

    @Option(names = "--sbatch-option", paramLabel = "OPT",
            description = "an extra #SBATCH option such as --sbatch-option=--mail-type=END; repeat for more"
                    + " (replaces the list)")
    List<String> sbatchOptions;

    @Option(names = "--setup", paramLabel = "LINE",
            description = "a shell line run before the engine (module load ...); repeat for more (replaces the list)")
    List<String> setup;

    @Option(names = "--workdir", paramLabel = "DIR", description = "remote work folder (default ~/stagger)")
    String workdir;

    @Option(names = "--java", paramLabel = "CMD", description = "remote java command or path (default java)")
    String java;

    @Option(names = "--mpirun", paramLabel = "CMD", description = "remote mpirun command or path (default mpirun)")
    String mpirun;

    /** The values given, by key, in the profile's key order: a String or a list of them. */
    Map<ProfileKey, Object> given() {
        Map<ProfileKey, Object> values = new LinkedHashMap<>();
        put(values, ProfileKey.SSH_CONFIG, sshConfig);
        put(values, ProfileKey.USER, user);
        put(values, ProfileKey.PORT, port);
        put(values, ProfileKey.IDENTITY_FILE, identityFile);
        put(values, ProfileKey.KNOWN_HOSTS, knownHosts);
        put(values, ProfileKey.PROXY_JUMP, proxyJump);
        put(values, ProfileKey.LAUNCHER, launcher);
        put(values, ProfileKey.MPI_STARTER, mpiStarter);
        put(values, ProfileKey.SLURM_PARTITION, partition);
        put(values, ProfileKey.SLURM_ACCOUNT, account);
        put(values, ProfileKey.SLURM_QOS, qos);
        put(values, ProfileKey.SLURM_TIME, time);
        put(values, ProfileKey.SLURM_NODES, nodes);
        put(values, ProfileKey.SLURM_TASKS_PER_NODE, tasksPerNode);
        put(values, ProfileKey.SLURM_GPUS_PER_NODE, gpusPerNode);
        put(values, ProfileKey.SLURM_EXTRA, sbatchOptions);
        put(values, ProfileKey.SETUP, setup);
        put(values, ProfileKey.WORKDIR, workdir);
        put(values, ProfileKey.JAVA, java);
        put(values, ProfileKey.MPIRUN, mpirun);
        return values;
    }

    /** Adds a change for every value given, {@code host} first when given. */
    static ProfileEdits edits(String host, Map<ProfileKey, Object> given) {
        ProfileEdits edits = new ProfileEdits();
        if (host != null) {
            edits.set(ProfileKey.HOST, host);
        }
        given.forEach((key, value) -> {
            if (value instanceof List<?> items) {
                edits.set(key, items.stream().map(String::valueOf).toList());
            } else {
                edits.set(key, (String) value);
            }
        });
        return edits;
    }

    /** The option that sets {@code key}: {@code --port}, {@code --sbatch-option}; null for format and slurm. */
    static String optionFor(ProfileKey key) {
        return switch (key) {
            case FORMAT, SLURM -> null;
            case SLURM_EXTRA -> "--sbatch-option";
            default -> "--" + key.key().replace('_', '-');
        };
    }

    private static void put(Map<ProfileKey, Object> values, ProfileKey key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
