package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileStore;
import dev.stagger.remote.profile.SlurmSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stagger cluster show NAME}: every value in effect, defaults included, and the file. */
@Command(name = "show", description = "Show a cluster profile's values (defaults included) and its file.")
public final class ClusterShowCommand implements Callable<Integer> {
    private static final String FROM_SSH_CONFIG = "(from the SSH config)";
    private static final String NOT_SET = "(not set)";

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProfileCommandContext cluster;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "NAME", description = "the profile's name")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = Commands.out(spec);
        PrintWriter err = Commands.err(spec);
        ProfileStore store = cluster.profiles();
        if (!Commands.validName(name, err) || !Commands.exists(store, name, err)) {
            return StaggerCli.EXIT_USAGE;
        }
        Path file = store.file(name);
        ClusterProfile p;
        try {
            p = store.load(name);
        } catch (ProfileException e) {
            ProblemReport.inFile(err, e, file);
            err.println("stagger: fix it with: stagger cluster edit " + name);
            return StaggerCli.EXIT_USAGE;
        }
        out.println("Cluster profile '" + name + "' (" + file + ")");
        row(out, "host", p.host());
        row(out, "ssh_config", p.sshConfig());
        row(out, "user", orElse(p.user(), FROM_SSH_CONFIG));
        row(out, "port", p.port() == null ? FROM_SSH_CONFIG : p.port().toString());
        row(out, "identity_file", orElse(p.identityFile(), FROM_SSH_CONFIG));
        row(out, "known_hosts", orElse(p.knownHosts(), FROM_SSH_CONFIG));
        row(out, "proxy_jump", orElse(p.proxyJump(), FROM_SSH_CONFIG));
        row(out, "launcher", p.launcher().label());
        row(out, "mpi_starter", p.mpiStarter().label());
        if (p.slurm() != null) {
            slurm(out, p.slurm());
        }
        rows(out, "setup", p.setup());
        row(out, "workdir", p.workdir());
        row(out, "java", p.java());
        row(out, "mpirun", p.mpirun());
        return StaggerCli.EXIT_OK;
    }

    private static void slurm(PrintWriter out, SlurmSettings s) {
        row(out, "slurm.partition", orElse(s.partition(), NOT_SET));
        row(out, "slurm.account", orElse(s.account(), NOT_SET));
        row(out, "slurm.qos", orElse(s.qos(), NOT_SET));
        row(out, "slurm.time", orElse(s.time(), NOT_SET));
        row(out, "slurm.nodes", Integer.toString(s.nodes()));
        row(out, "slurm.tasks_per_node",
                s.tasksPerNode() == null ? "(from the run's ranks)" : s.tasksPerNode().toString());
        row(out, "slurm.gpus_per_node", Integer.toString(s.gpusPerNode()));
        rows(out, "slurm.extra", s.extra());
    }

    private static void rows(PrintWriter out, String key, List<String> values) {
        if (values.isEmpty()) {
            row(out, key, "(none)");
        }
        for (int i = 0; i < values.size(); i++) {
            row(out, i == 0 ? key : "", values.get(i));
        }
    }

    private static void row(PrintWriter out, String key, String value) {
        out.println(String.format("  %-21s %s", key, value).stripTrailing());
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
