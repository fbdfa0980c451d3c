package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.engine.cli.Verbose;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.io.PrintWriter;

/** How the cluster commands report failures: one line saying what failed where (with --verbose its causes), never a stack trace. */
final class Failures {
    private Failures() {}

    static int report(PrintWriter err, IOException e) {
        err.println("stagger: " + e.getMessage());
        Verbose.causes(err, e); // --verbose: what lay under it (the SSH library's exception, the socket's)
        err.flush();
        return StaggerCli.EXIT_FAILED;
    }

    /** The unknown-host-key message, completed with the command that trusts the key. */
    static int report(PrintWriter err, IOException e, String cluster) {
        if (e instanceof SshException.UnknownHostKey u) {
            err.println("stagger: " + e.getMessage() + " with:");
            err.println("  stagger cluster trust " + cluster + " --fingerprint " + u.fingerprint());
            err.flush();
            return StaggerCli.EXIT_FAILED;
        }
        return report(err, e);
    }
}
