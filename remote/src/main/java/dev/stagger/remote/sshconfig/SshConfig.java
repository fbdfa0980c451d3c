package dev.stagger.remote.sshconfig;

import dev.stagger.remote.sshconfig.ConfigEntry.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An OpenSSH client configuration, read once and asked about hosts. It follows {@code ssh_config(5)}: the first
 * value obtained for a directive wins, {@code Host} and {@code Match} blocks apply in file order, the user's file
 * comes before the system's, {@code Match final} triggers a second, final pass, {@code Include}s are read where
 * they stand. Jump hosts are resolved through the same configuration, as {@code ssh -J} does.
 *
 * <p>Safe to share between threads; each {@code resolve} reads the parsed files anew (running any
 * {@code Match exec} again, as OpenSSH would for a new connection).
 */
public final class SshConfig {
    /** Longest chain of jump hosts {@link #resolveChain} follows before taking it for a mistake. */
    public static final int MAX_CHAIN_LENGTH = 16;
    /** Where OpenSSH keeps the system-wide client configuration. */
    public static final Path SYSTEM_CONFIG = Path.of("/etc/ssh/ssh_config");

    private final ConfigFiles files;

    private SshConfig(ConfigFiles files) {
        this.files = files;
    }

    /**
     * Reads {@code file} as the user's configuration ({@code ~/.ssh/config}, or a file given like {@code ssh -F}):
     * relative {@code Include}s are taken from {@code ~/.ssh}. A missing file is an empty configuration.
     *
     * @throws SshConfigException if the file or one it includes cannot be read, is writable by others, or has
     *         a line OpenSSH would reject
     */
    public static SshConfig load(Path file, SshEnvironment env) throws SshConfigException {
        return new SshConfig(new ConfigFiles(Objects.requireNonNull(env, "env"), Objects.requireNonNull(file, "file"),
                null));
    }

    /**
     * Reads the user's configuration, then the system-wide one (normally {@link #SYSTEM_CONFIG}), whose values
     * only count where the user's gave none, as {@code ssh} does without {@code -F}. Either may be missing;
     * relative {@code Include}s of the system file are taken from its directory.
     */
    public static SshConfig load(Path userFile, Path systemFile, SshEnvironment env) throws SshConfigException {
        return new SshConfig(new ConfigFiles(Objects.requireNonNull(env, "env"),
                Objects.requireNonNull(userFile, "userFile"), Objects.requireNonNull(systemFile, "systemFile")));
    }

    /**
     * The host aliases the user's file names in its {@code Host} lines, in order, without patterns
     * ({@code *}, {@code ?}) or negations: what a profile editor offers to import. Files it includes
     * are not listed.
     */
    public java.util.List<String> hostAliases() {
        java.util.LinkedHashSet<String> aliases = new java.util.LinkedHashSet<>();
        for (ConfigFile f : files.roots()) {
            if (!f.userConfig()) {
                continue;
            }
            for (ConfigEntry e : f.entries()) {
                if (e instanceof ConfigEntry.HostLine h) {
                    for (String p : h.patterns()) {
                        if (!p.isEmpty() && p.chars().noneMatch(c -> c == '*' || c == '?' || c == '!')) {
                            aliases.add(p);
                        }
                    }
                }
            }
        }
        return java.util.List.copyOf(aliases);
    }

    /**
     * What the configuration says about connecting to {@code alias} (a name as given to {@code ssh}).
     *
     * @throws SshConfigException if {@code alias} is not a usable host name, a value uses an unknown {@code %}
     *         token or an unset {@code ${NAME}}, a {@code Match exec} cannot be run, or a matching block has
     *         {@code RefuseConnection}
     */
    public ResolvedHost resolve(String alias) throws SshConfigException {
        return resolve(new HopRequest(alias, null)).host();
    }

    /**
     * The hosts to go through to reach {@code alias}, ending with {@code alias} itself: its {@code ProxyJump}
     * hosts, each resolved through this configuration (a user or port in the {@code ProxyJump} entry overriding
     * that host's own), and before a jump host the hosts of its own {@code ProxyJump}, recursively. As with
     * {@code ssh -J}, a hop that follows another in the same {@code ProxyJump} list is reached through the hops
     * before it, whatever its own {@code ProxyJump} says.
     *
     * @throws SshConfigException as {@link #resolve}, and for a loop of jumps or a chain longer than
     *         {@value #MAX_CHAIN_LENGTH}
     */
    public List<ResolvedHost> resolveChain(String alias) throws SshConfigException {
        List<ResolvedHost> chain = new ArrayList<>();
        addChain(new HopRequest(alias, null), List.of(), chain);
        return List.copyOf(chain);
    }

    /**
     * A host to resolve: the alias, and for a jump host the {@link JumpHop} it came from (whose user and port
     * win), the hops before it in the {@code ProxyJump} list and where that list was written.
     */
    private record HopRequest(String alias, JumpHop hop, List<JumpHop> before, ConfigLocation origin) {
        HopRequest(String alias, ConfigLocation origin) {
            this(alias, null, List.of(), origin);
        }
    }

    /** A resolved host and the line of the {@code ProxyJump} that names its jump hosts, if any. */
    private record Resolution(ResolvedHost host, ConfigLocation jumpOrigin) {
    }

    /** A host on the way: what makes it the same host again (a loop), and how messages name it. */
    private record Step(String key, String name) {
    }

    private void addChain(HopRequest request, List<Step> path, List<ResolvedHost> chain)
            throws SshConfigException {
        Resolution resolution = resolve(request);
        ResolvedHost host = resolution.host();
        Step step = new Step(host.alias() + "|" + host.user() + "|" + host.port(),
                host.alias() + " (" + host.destination() + ")");
        List<String> keys = path.stream().map(Step::key).toList();
        if (keys.contains(step.key())) {
            List<String> names = path.stream().map(Step::name).toList();
            throw new SshConfigException(request.origin(), "ProxyJump loop: "
                    + String.join(" -> ", names.subList(keys.indexOf(step.key()), names.size())) + " -> "
                    + step.name() + "; break it with 'ProxyJump none' in the block of one of these hosts");
        }
        if (path.size() >= MAX_CHAIN_LENGTH) {
            throw new SshConfigException(request.origin(), "the chain of jump hosts to " + path.get(0).name()
                    + " is longer than " + MAX_CHAIN_LENGTH + " hosts; shorten the ProxyJump lists");
        }
        List<JumpHop> jumps = host.proxyJump();
        if (!jumps.isEmpty()) {
            List<Step> deeper = new ArrayList<>(path);
            deeper.add(step);
            JumpHop last = jumps.get(jumps.size() - 1);
            addChain(new HopRequest(last.host(), last, jumps.subList(0, jumps.size() - 1),
                    resolution.jumpOrigin()), deeper, chain);
        }
        chain.add(host);
    }

    private Resolution resolve(HopRequest request) throws SshConfigException {
        String alias = Objects.requireNonNull(request.alias(), "alias");
        String invalid = HostNames.invalidReason(alias);
        if (invalid != null) {
            throw new SshConfigException(request.origin(), "'" + alias + "' is not a usable host name: "
                    + invalid);
        }
        HostOptions options = new HostOptions();
        if (request.hop() != null) {
            JumpHop hop = request.hop();
            hop.user().ifPresent(u -> options.presetCommandLine("user", "User", u, request.origin()));
            hop.port().ifPresent(p -> options.presetCommandLine("port", "Port", Integer.toString(p),
                    request.origin()));
            if (!request.before().isEmpty()) {
                options.presetJump(request.before(), request.origin());
            }
        }
        // OpenSSH reads the files with the alias, then again with the host name if a Match final asks for it
        boolean finalPass = new ConfigPass(files, options, alias, alias, false).run();
        Setting hostNameSetting = options.get("hostname");
        String hostName = HostNames.normalize(hostNameSetting == null ? alias
                : HostNames.expand(hostNameSetting, alias));
        Setting canonicalize = options.get("canonicalizehostname");
        if (finalPass || (canonicalize != null && !SettingValues.canonicalize(canonicalize).equals("no"))) {
            options.fixHostName(hostName, hostNameSetting == null ? null : hostNameSetting.location());
            new ConfigPass(files, options, hostName, alias, true).run();
        }
        ResolvedHost host = new ResolvedHostBuilder(options, files.env(), alias, hostName).build();
        Setting jump = options.get("proxyjump");
        return new Resolution(host, options.commandLineJump() != null || jump == null ? request.origin()
                : jump.location());
    }
}
