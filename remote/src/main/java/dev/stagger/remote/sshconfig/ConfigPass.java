package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.stagger.remote.sshconfig.ConfigEntry.HostLine;
import dev.stagger.remote.sshconfig.ConfigEntry.IncludeLine;
import dev.stagger.remote.sshconfig.ConfigEntry.MatchLine;
import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/**
 * One reading of the configuration for a host, as OpenSSH's {@code read_config_file}: {@code Host} and
 * {@code Match} lines switch blocks on and off, settings of blocks that are on go into the {@link HostOptions},
 * and an {@code Include} is read in place, its blocks confined to it. An {@code Include} in a block that is off
 * is still read (OpenSSH checks it) but nothing in it applies and no {@code Match exec} in it runs.
 */
final class ConfigPass {
    private final ConfigFiles files;
    private final SshEnvironment env;
    private final HostOptions options;
    /** The name {@code Host} lines match: the alias, or in the final pass the host name. */
    private final String host;
    private final String alias;
    private final boolean finalPass;
    private boolean finalPassRequested;

    ConfigPass(ConfigFiles files, HostOptions options, String host, String alias, boolean finalPass) {
        this.files = files;
        this.env = files.env();
        this.options = options;
        this.host = host;
        this.alias = alias;
        this.finalPass = finalPass;
    }

    /** Reads every file; true when a {@code Match final} asks for a second, final pass. */
    boolean run() throws SshConfigException {
        for (ConfigFile root : files.roots()) {
            Deque<Path> stack = new ArrayDeque<>();
            stack.push(ConfigFiles.realPath(root.path()));
            read(root, new boolean[] {true}, false, stack);
        }
        return finalPassRequested;
    }

    /** {@code active[0]} is shared with the including file, which restores it afterwards. */
    private void read(ConfigFile file, boolean[] active, boolean neverMatch, Deque<Path> stack)
            throws SshConfigException {
        for (ConfigEntry entry : file.entries()) {
            if (entry instanceof HostLine line) {
                active[0] = !neverMatch && hostMatches(line.patterns());
            } else if (entry instanceof MatchLine line) {
                finalPassRequested |= line.requestsFinalPass();
                active[0] = !neverMatch && matches(line);
            } else if (entry instanceof IncludeLine line) {
                include(line, file, active, neverMatch, stack);
            } else if (active[0] && !neverMatch) {
                options.apply((Setting) entry);
            }
        }
    }

    /** A match of any pattern turns the block on, a match of a {@code !pattern} keeps it off. */
    private boolean hostMatches(List<String> patterns) {
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            if (Patterns.matches(host, negated ? pattern.substring(1) : pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** Every criterion must hold; an {@code exec} after one that failed is not run. */
    private boolean matches(MatchLine line) throws SshConfigException {
        boolean result = true;
        for (MatchCriterion criterion : line.criteria()) {
            boolean negated = criterion.negated();
            String argument = criterion.argument();
            boolean holds;
            switch (criterion.kind()) {
                case ALL:
                    return result && !negated;
                case CANONICAL, FINAL:
                    holds = finalPass;
                    break;
                case HOST:
                    holds = Patterns.matchesHostList(currentHost(), argument);
                    break;
                case ORIGINALHOST:
                    holds = Patterns.matchesHostList(alias, argument);
                    break;
                case USER:
                    holds = Patterns.matchesList(currentUser(), argument);
                    break;
                case LOCALUSER:
                    holds = Patterns.matchesList(env.localUser(), argument);
                    break;
                case TAGGED:
                    Setting tag = options.get("tag");
                    holds = tag == null ? argument.isEmpty() : Patterns.matchesList(tag.arg(), argument);
                    break;
                case EXEC:
                    if (!result) {
                        continue;
                    }
                    holds = exec(argument, line.location());
                    break;
                default:
                    options.reportUnevaluated(line, criterion);
                    result = false;
                    continue;
            }
            if (holds == negated) {
                result = false;
            }
        }
        return result;
    }

    private boolean exec(String argument, ConfigLocation at) throws SshConfigException {
        String command = TokenExpander.expand(argument, tokens().values(env), null, at, "Match exec");
        try {
            return env.matchExec().succeeds(command);
        } catch (IOException e) {
            throw new SshConfigException(at, "Match exec '" + command + "' failed: " + e.getMessage()
                    + "; fix the command or remove the Match line");
        }
    }

    private void include(IncludeLine line, ConfigFile file, boolean[] active, boolean neverMatch,
            Deque<Path> stack) throws SshConfigException {
        boolean outer = active[0];
        for (String pattern : line.paths()) {
            String expanded = TokenExpander.expand(pattern, tokens().values(env), env.variables(),
                    line.location(), "Include");
            for (Path path : files.glob(expanded, file, line.location())) {
                Path real = ConfigFiles.realPath(path);
                ConfigFiles.checkNesting(stack, real, line.location());
                ConfigFile child = files.get(path, file.userConfig());
                if (child != null) {
                    stack.push(real);
                    read(child, active, neverMatch || !outer, stack);
                    stack.pop();
                }
                active[0] = outer; // a Host or Match in the included file ends there
            }
        }
    }

    /**
     * The host name as known so far ({@code HostName} with {@code %h} expanded), which {@code Match host},
     * {@code Match exec} and {@code Include} see.
     */
    private String currentHost() throws SshConfigException {
        Setting hostName = options.get("hostname");
        if (hostName == null) {
            return host;
        }
        return finalPass ? hostName.arg() : HostNames.expand(hostName, host);
    }

    /** {@code User} as written so far, or the local user. */
    private String currentUser() {
        Setting user = options.get("user");
        return user == null ? env.localUser() : user.arg();
    }

    /** The tokens as OpenSSH fills them before the configuration is complete, with defaults for the gaps. */
    private ConnectionTokens tokens() throws SshConfigException {
        String currentHost = currentHost();
        Setting port = options.get("port");
        Setting keyAlias = options.get("hostkeyalias");
        return new ConnectionTokens(currentHost, alias, port == null ? 22 : Integer.parseInt(port.arg()),
                currentUser(), keyAlias == null ? currentHost : keyAlias.arg(), HostNames.jumpHost(options));
    }
}
