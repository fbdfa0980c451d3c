package dev.stagger.remote.cli.cluster;

import picocli.CommandLine.Option;

/** {@code -h/--help} for the cluster commands (the root's standard options do not reach subcommands). */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
