package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.ssh.SshConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger cluster trust NAME [--fingerprint SHA256:...]}: adds the cluster's host key to
 * known_hosts, after the user compared its fingerprint (at the terminal, or given beforehand: only
 * a key with exactly that fingerprint is accepted). A changed key is never replaced here.
 */
@Command(name = "trust", description = "Trust a cluster's host key (compare its fingerprint with the administrators' first).")
public final class TrustCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the cluster profile")
    String name;

    @Option(names = "--fingerprint", paramLabel = "SHA256:...", description = "accept the key only if it has this fingerprint")
    String fingerprint;

    private final ClusterContext context;

    public TrustCommand(ClusterContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fingerprint == null && !context.prompter().canAsk()) {
            err.println("stagger: no terminal to show the fingerprint on: give it with --fingerprint SHA256:... (from the"
                    + " error message of a connection attempt, checked against what the administrators publish)");
            return StaggerCli.EXIT_USAGE;
        }
        try {
            ClusterProfile profile = context.profile(name);
            try (SshConnection c = fingerprint != null
                    ? SshConnection.openTrusting(context.hops(profile), context.prompter(), fingerprint)
                    : SshConnection.open(context.hops(profile), context.prompter())) {
                out.println("The host key of " + c.target().describe() + " is trusted; " + name + " is reachable.");
            }
            return StaggerCli.EXIT_OK;
        } catch (IOException e) {
            return Failures.report(err, e);
        }
    }
}
