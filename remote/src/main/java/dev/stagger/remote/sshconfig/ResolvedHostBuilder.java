package dev.stagger.remote.sshconfig;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/**
 * Turns the gathered {@link HostOptions} into a {@link ResolvedHost}: defaults for what is unset, then the
 * expansions OpenSSH's {@code ssh.c} does once the configuration is complete.
 */
final class ResolvedHostBuilder {
    /** OpenSSH's defaults that JSch can load; the {@code _sk} (security key) and ML-DSA ones it cannot. */
    private static final List<String> DEFAULT_IDENTITIES = List.of("id_rsa", "id_ecdsa", "id_ed25519");
    private static final List<String> DEFAULT_USER_KNOWN_HOSTS = List.of("~/.ssh/known_hosts",
            "~/.ssh/known_hosts2");
    private static final List<String> DEFAULT_GLOBAL_KNOWN_HOSTS = List.of("/etc/ssh/ssh_known_hosts",
            "/etc/ssh/ssh_known_hosts2");

    private final HostOptions options;
    private final SshEnvironment env;
    private final String alias;
    private final String hostName;

    ResolvedHostBuilder(HostOptions options, SshEnvironment env, String alias, String hostName) {
        this.options = options;
        this.env = env;
        this.alias = alias;
        this.hostName = hostName;
    }

    ResolvedHost build() throws SshConfigException {
        int port = option("port", SettingValues::port, 22);
        Optional<String> keyAlias = Optional.ofNullable(options.get("hostkeyalias"))
                .map(s -> s.arg().toLowerCase(Locale.ROOT));
        String jumpHost = HostNames.jumpHost(options);
        ConnectionTokens partial = new ConnectionTokens(hostName, alias, port, null, keyAlias.orElse(alias),
                jumpHost);
        String user = user(partial);
        ConnectionTokens tokens = new ConnectionTokens(hostName, alias, port, user, keyAlias.orElse(alias),
                jumpHost);
        Map<Character, String> values = tokens.values(env);

        List<Setting> identities = options.identityFiles();
        List<Path> identityFiles = identities.isEmpty()
                ? DEFAULT_IDENTITIES.stream().map(name -> env.home().resolve(".ssh").resolve(name)).toList()
                : paths(identities, values);
        int attempts = option("connectionattempts", SettingValues::integer, 1);
        if (attempts < 1) {
            throw new SshConfigException(options.get("connectionattempts").location(),
                    "ConnectionAttempts must be at least 1");
        }
        return new ResolvedHost(alias, hostName, user, port, identityFiles,
                paths(options.certificateFiles(), values),
                option("identitiesonly", SettingValues::flag, false),
                identityAgent(values),
                userKnownHosts(values),
                globalKnownHosts(),
                keyAlias,
                option("stricthostkeychecking", SettingValues::strictHostKeyChecking, "ask"),
                proxyJump(tokens),
                proxyCommand(),
                option("serveraliveinterval", SettingValues::time, Duration.ZERO),
                option("serveralivecountmax", SettingValues::integer, 3),
                option("connecttimeout", SettingValues::time, Duration.ZERO),
                attempts,
                option("batchmode", SettingValues::flag, false),
                text("preferredauthentications"),
                option("kbdinteractiveauthentication", SettingValues::flag, true),
                option("pubkeyauthentication", SettingValues::pubkey, true),
                option("passwordauthentication", SettingValues::flag, true),
                option("addressfamily", SettingValues::addressFamily, "any"),
                text("ciphers"),
                text("kexalgorithms"),
                text("hostkeyalgorithms"),
                text("pubkeyacceptedalgorithms"),
                option("compression", SettingValues::compression, false),
                options.unsupported());
    }

    /** A value checked when the file was read; the converter cannot fail here. */
    private interface Converter<T> {
        T convert(Setting s) throws SshConfigException;
    }

    private <T> T option(String keyword, Converter<T> converter, T fallback) throws SshConfigException {
        Setting s = options.get(keyword);
        if (s == null) {
            return fallback;
        }
        T value = converter.convert(s);
        return value == null ? fallback : value;
    }

    private Optional<String> text(String keyword) {
        return Optional.ofNullable(options.get(keyword)).map(Setting::arg);
    }

    /**
     * A {@code User} from the files may use every token but {@code %r} and {@code %C} (which depend on it) and
     * {@code ${NAME}}; one given with the jump host is taken as it is. Either is checked once it is final.
     */
    private String user(ConnectionTokens partial) throws SshConfigException {
        Setting s = options.get("user");
        if (s == null) {
            return env.localUser();
        }
        String user = s.arg();
        if (!options.isFromCommandLine("user")) {
            user = TokenExpander.expand(user, partial.values(env), env.variables(), s.location(), "User");
            if (user.equals(s.arg())) {
                return user; // a literal from the files is trusted, as in OpenSSH
            }
        }
        String invalid = HostNames.invalidUserReason(user);
        if (invalid != null) {
            throw new SshConfigException(s.location(), "user name '" + user + "' is not usable: " + invalid);
        }
        return user;
    }

    /** {@code ~}, then {@code %} tokens and {@code ${NAME}}; {@code none} entries are skipped. */
    private List<Path> paths(List<Setting> settings, Map<Character, String> values) throws SshConfigException {
        List<Path> paths = new ArrayList<>();
        for (Setting s : settings) {
            if (!s.arg().equalsIgnoreCase("none")) {
                paths.add(path(s.arg(), s, values));
            }
        }
        return paths;
    }

    private Path path(String raw, Setting s, Map<Character, String> values) throws SshConfigException {
        String expanded = TokenExpander.expand(TokenExpander.tilde(raw, env, s.location(), s.written()), values,
                env.variables(), s.location(), s.written());
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            throw new SshConfigException(s.location(), s.written() + " '" + expanded + "' is not a valid path: "
                    + e.getReason());
        }
    }

    private String identityAgent(Map<Character, String> values) throws SshConfigException {
        Setting s = options.get("identityagent");
        if (s == null || s.arg().equals(ResolvedHost.AGENT_FROM_ENVIRONMENT)
                || s.arg().equals(ResolvedHost.NO_AGENT)) {
            return s == null ? ResolvedHost.AGENT_FROM_ENVIRONMENT : s.arg();
        }
        String agent = TokenExpander.expand(TokenExpander.tilde(s.arg(), env, s.location(), s.written()), values,
                env.variables(), s.location(), s.written());
        if (agent.startsWith("$") && !agent.startsWith("${")) {
            // the older "$NAME" form: the socket the variable names, no agent when it is unset
            return env.variables().getOrDefault(agent.substring(1), ResolvedHost.NO_AGENT);
        }
        return agent;
    }

    private List<Path> userKnownHosts(Map<Character, String> values) throws SshConfigException {
        Setting s = options.get("userknownhostsfile");
        List<Path> paths = new ArrayList<>();
        if (s == null) {
            for (String name : DEFAULT_USER_KNOWN_HOSTS) {
                paths.add(Path.of(TokenExpander.tilde(name, env, null, "UserKnownHostsFile")));
            }
            return paths;
        }
        for (String name : SettingValues.fileList(s)) {
            paths.add(path(name, s, values));
        }
        return paths;
    }

    /** OpenSSH expands nothing in these. */
    private List<Path> globalKnownHosts() throws SshConfigException {
        Setting s = options.get("globalknownhostsfile");
        List<String> names = s == null ? DEFAULT_GLOBAL_KNOWN_HOSTS : SettingValues.fileList(s);
        List<Path> paths = new ArrayList<>();
        for (String name : names) {
            try {
                paths.add(Path.of(name));
            } catch (InvalidPathException e) {
                throw new SshConfigException(s.location(), "GlobalKnownHostsFile '" + name + "' is not a valid "
                        + "path: " + e.getReason());
            }
        }
        return paths;
    }

    /** The hops with {@code %h %n %p %r} of this connection expanded, as OpenSSH does in the proxy command. */
    private List<JumpHop> proxyJump(ConnectionTokens tokens) throws SshConfigException {
        List<JumpHop> hops = options.commandLineJump();
        if (hops != null) {
            return hops; // expanded by the host that named them
        }
        Setting s = options.get("proxyjump");
        if (s == null) {
            return List.of();
        }
        Map<Character, String> values = tokens.jumpValues();
        List<JumpHop> expanded = new ArrayList<>();
        for (JumpHop hop : JumpHop.parseSpec(s)) {
            Optional<String> user = hop.user().isPresent()
                    ? Optional.of(TokenExpander.expand(hop.user().get(), values, null, s.location(), "ProxyJump"))
                    : Optional.empty();
            String host = TokenExpander.expand(hop.host(), values, null, s.location(), "ProxyJump");
            expanded.add(new JumpHop(user, host, hop.port()));
        }
        return expanded;
    }

    private Optional<String> proxyCommand() {
        Setting s = options.get("proxycommand");
        return s == null || s.rest().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(s.rest());
    }
}
