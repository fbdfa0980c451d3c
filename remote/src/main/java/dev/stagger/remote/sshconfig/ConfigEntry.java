package dev.stagger.remote.sshconfig;

import java.util.List;

/** One meaningful line of a configuration file, parsed and checked when the file is read. */
sealed interface ConfigEntry {

    ConfigLocation location();

    /** {@code Host pattern...}: starts a block that applies when a pattern matches and none of the {@code !} ones. */
    record HostLine(List<String> patterns, ConfigLocation location) implements ConfigEntry {
    }

    /** {@code Match criteria...}: starts a block that applies when every criterion holds. */
    record MatchLine(List<MatchCriterion> criteria, ConfigLocation location) implements ConfigEntry {

        /** A non-negated {@code final} anywhere in the files makes OpenSSH read them a second time. */
        boolean requestsFinalPass() {
            return criteria.stream().anyMatch(c -> c.kind() == MatchCriterion.Kind.FINAL && !c.negated());
        }
    }

    /** {@code Include path...}: paths may hold globs, {@code %} tokens and {@code ${VAR}}, expanded when used. */
    record IncludeLine(List<String> paths, ConfigLocation location) implements ConfigEntry {
    }

    /**
     * Any other directive. {@code keyword} is the canonical lower-case name (aliases such as
     * {@code ChallengeResponseAuthentication} folded into their current name), {@code written} the name as in
     * the file, {@code args} the arguments with quotes removed and {@code rest} the text after the keyword as
     * it stands, which {@code ProxyCommand} and {@code ProxyJump} take whole.
     */
    record Setting(String keyword, String written, List<String> args, String rest, ConfigLocation location)
            implements ConfigEntry {

        String arg() {
            return args.get(0);
        }

        /** The arguments as a reader would write them back, for reports. */
        String value() {
            return String.join(" ", args);
        }
    }
}
