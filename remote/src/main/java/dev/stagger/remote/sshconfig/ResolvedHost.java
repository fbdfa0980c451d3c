package dev.stagger.remote.sshconfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the SSH configuration says about connecting to one host, OpenSSH's defaults filled in and its
 * {@code ~}, {@code %} and {@code ${NAME}} expansions done, ready to set on a JSch session.
 *
 * @param alias the name asked for (OpenSSH's "original host", {@code %n})
 * @param hostName where to connect: {@code HostName} with {@code %h} expanded, else the alias; lower case
 *        unless an address
 * @param user {@code User}, else the local user
 * @param port {@code Port}, else 22
 * @param identityFiles {@code IdentityFile}s in order; when none is given, OpenSSH's defaults that JSch can
 *        load ({@code ~/.ssh/id_rsa}, {@code id_ecdsa}, {@code id_ed25519}); {@code IdentityFile none} gives none.
 *        The files may not exist.
 * @param certificateFiles {@code CertificateFile}s in order (no defaults)
 * @param identitiesOnly {@code IdentitiesOnly}: offer only the identity files, not every key of the agent
 * @param identityAgent {@code "SSH_AUTH_SOCK"} (the default: the agent the variable points at), {@code "none"}
 *        (no agent), or the path of the agent's socket
 * @param userKnownHostsFiles {@code UserKnownHostsFile}, else {@code ~/.ssh/known_hosts ~/.ssh/known_hosts2};
 *        empty for {@code none}
 * @param globalKnownHostsFiles {@code GlobalKnownHostsFile}, else {@code /etc/ssh/ssh_known_hosts
 *        /etc/ssh/ssh_known_hosts2}; empty for {@code none}
 * @param hostKeyAlias {@code HostKeyAlias} (lower case): the name to look up in known_hosts instead
 * @param strictHostKeyChecking {@code yes}, {@code accept-new}, {@code ask} (the default) or {@code no}, from
 *        any of OpenSSH's spellings ({@code true}, {@code off}...)
 * @param proxyJump the hops of {@code ProxyJump}, in the order they are visited; empty for none. Each is an
 *        alias that {@link SshConfig#resolveChain} resolves in turn.
 * @param proxyCommand {@code ProxyCommand} as written, kept only to report that it is not supported
 * @param serverAliveInterval {@code ServerAliveInterval}; zero (the default) sends no keep-alives
 * @param serverAliveCountMax {@code ServerAliveCountMax}, default 3
 * @param connectTimeout {@code ConnectTimeout}; zero (the default) leaves it to the system
 * @param connectionAttempts {@code ConnectionAttempts}, default 1
 * @param batchMode {@code BatchMode}: never prompt
 * @param preferredAuthentications {@code PreferredAuthentications} as written, e.g. {@code publickey,password}
 * @param kbdInteractiveAuthentication {@code KbdInteractiveAuthentication}, default yes
 * @param pubkeyAuthentication {@code PubkeyAuthentication}, default yes ({@code unbound}, {@code host-bound}
 *        count as yes)
 * @param passwordAuthentication {@code PasswordAuthentication}, default yes
 * @param addressFamily {@code any} (the default), {@code inet} or {@code inet6}
 * @param ciphers {@code Ciphers} as written, which may start with {@code +}, {@code -} or {@code ^} to change
 *        the defaults rather than replace them
 * @param kexAlgorithms {@code KexAlgorithms}, as {@code ciphers}
 * @param hostKeyAlgorithms {@code HostKeyAlgorithms}, as {@code ciphers}
 * @param pubkeyAcceptedAlgorithms {@code PubkeyAcceptedAlgorithms} (or the older
 *        {@code PubkeyAcceptedKeyTypes}), as {@code ciphers}
 * @param compression {@code Compression}, default no
 * @param unsupported the directives that apply to this host but that Stagger does not honour, in the order
 *        met, for the caller to warn about
 */
public record ResolvedHost(
        String alias,
        String hostName,
        String user,
        int port,
        List<Path> identityFiles,
        List<Path> certificateFiles,
        boolean identitiesOnly,
        String identityAgent,
        List<Path> userKnownHostsFiles,
        List<Path> globalKnownHostsFiles,
        Optional<String> hostKeyAlias,
        String strictHostKeyChecking,
        List<JumpHop> proxyJump,
        Optional<String> proxyCommand,
        Duration serverAliveInterval,
        int serverAliveCountMax,
        Duration connectTimeout,
        int connectionAttempts,
        boolean batchMode,
        Optional<String> preferredAuthentications,
        boolean kbdInteractiveAuthentication,
        boolean pubkeyAuthentication,
        boolean passwordAuthentication,
        String addressFamily,
        Optional<String> ciphers,
        Optional<String> kexAlgorithms,
        Optional<String> hostKeyAlgorithms,
        Optional<String> pubkeyAcceptedAlgorithms,
        boolean compression,
        List<UnsupportedDirective> unsupported) {

    /** The value of {@link #identityAgent()} that means: the agent {@code $SSH_AUTH_SOCK} points at. */
    public static final String AGENT_FROM_ENVIRONMENT = "SSH_AUTH_SOCK";
    /** The value of {@link #identityAgent()} that means: no agent. */
    public static final String NO_AGENT = "none";

    public ResolvedHost {
        identityFiles = List.copyOf(identityFiles);
        certificateFiles = List.copyOf(certificateFiles);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        proxyJump = List.copyOf(proxyJump);
        unsupported = List.copyOf(unsupported);
    }

    /** {@code user@host:port}, as log lines and messages name a hop. */
    public String destination() {
        String host = hostName.indexOf(':') >= 0 ? "[" + hostName + "]" : hostName;
        return user + "@" + host + ":" + port;
    }
}
