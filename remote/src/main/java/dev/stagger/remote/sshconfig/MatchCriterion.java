package dev.stagger.remote.sshconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One criterion of a {@code Match} line: {@code host *.example.org}, {@code !exec "test -f x"}, {@code final}...
 * {@code argument} is null for {@code all}, {@code canonical} and {@code final}, which take none.
 */
record MatchCriterion(Kind kind, boolean negated, String argument) {

    enum Kind {
        ALL, CANONICAL, FINAL, EXEC, HOST, ORIGINALHOST, USER, LOCALUSER, TAGGED,
        /* known to OpenSSH, not evaluated here: a block that needs one is treated as not matching */
        LOCALNETWORK, VERSION, COMMAND, SESSIONTYPE;

        String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean evaluated() {
            return ordinal() < LOCALNETWORK.ordinal();
        }

        /** OpenSSH accepts {@code host=pattern} as well as {@code host pattern} for these. */
        boolean takesEqualsForm() {
            return this != ALL && this != CANONICAL && this != FINAL && this != SESSIONTYPE;
        }

        /** The only criteria whose argument may be the empty string (which then matches "unset"). */
        boolean allowsEmptyArgument() {
            return this == TAGGED || this == COMMAND;
        }

        static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.keyword().equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** The criterion as a {@code Match} line would spell it, for reports. */
    @Override
    public String toString() {
        String name = (negated ? "!" : "") + kind.keyword();
        return argument == null ? name : name + " " + argument;
    }

    /** Parses the arguments of a {@code Match} line with the checks of OpenSSH's {@code match_cfg_line}. */
    static List<MatchCriterion> parseLine(List<String> args, ConfigLocation at) throws SshConfigException {
        List<MatchCriterion> criteria = new ArrayList<>();
        int attributes = 0;
        for (int i = 0; i < args.size(); i++) {
            String written = args.get(i);
            boolean negated = written.startsWith("!");
            String name = negated ? written.substring(1) : written;
            String argument = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                argument = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Kind kind = Kind.of(name);
            if (kind == null) {
                throw new SshConfigException(at, "unknown Match criterion '" + name + "'; use all, canonical, final, "
                        + "exec, host, originalhost, user, localuser or tagged (see man ssh_config)");
            }
            if (kind == Kind.ALL) {
                // "all" stands alone, or right after canonical or final
                if (attributes > 1 || i + 1 < args.size() || argument != null) {
                    throw new SshConfigException(at, "'" + written + "' cannot be combined with other Match "
                            + "criteria; write 'Match all' alone (or after canonical or final)");
                }
                criteria.add(new MatchCriterion(kind, negated, null));
                break;
            }
            attributes++;
            if (kind == Kind.CANONICAL || kind == Kind.FINAL) {
                if (argument != null) {
                    throw new SshConfigException(at, "Match " + kind.keyword() + " takes no argument");
                }
                criteria.add(new MatchCriterion(kind, negated, null));
                continue;
            }
            if (argument != null && !kind.takesEqualsForm()) {
                throw new SshConfigException(at, "write 'Match " + kind.keyword() + " VALUE' without '='");
            }
            if (argument == null) {
                if (i + 1 >= args.size()) {
                    throw new SshConfigException(at, "Match " + written + " needs an argument, e.g. 'Match "
                            + written + " " + example(kind) + "'");
                }
                argument = args.get(++i);
            }
            if (argument.isEmpty() && !kind.allowsEmptyArgument()) {
                throw new SshConfigException(at, "Match " + written + " has an empty argument; give a pattern");
            }
            criteria.add(new MatchCriterion(kind, negated, argument));
        }
        return List.copyOf(criteria);
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case EXEC -> "\"test -f ~/.vpn-up\"";
            case USER, LOCALUSER -> "alice";
            case LOCALNETWORK -> "192.168.0.0/16";
            default -> "*.example.org";
        };
    }
}
