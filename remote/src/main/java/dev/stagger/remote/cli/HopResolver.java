package dev.stagger.remote.cli;

import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.LocalPaths;
import dev.stagger.remote.ssh.Hop;
import dev.stagger.remote.ssh.SshException;
import dev.stagger.remote.sshconfig.JumpHop;
import dev.stagger.remote.sshconfig.ResolvedHost;
import dev.stagger.remote.sshconfig.SshConfig;
import dev.stagger.remote.sshconfig.SshConfigException;
import dev.stagger.remote.sshconfig.SshEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile's way to its cluster: the host resolved through the SSH config (with its ProxyJump
 * chain, each hop resolved in turn), then the profile's explicit overrides on the login node. A
 * profile's {@code proxy_jump} replaces the config's, as {@code ssh -J} does.
 */
final class HopResolver {
    private HopResolver() {}

    static List<Hop> hops(ClusterProfile profile, StaggerDirs dirs) throws SshException {
        Path configFile = LocalPaths.expand(profile.sshConfig(), dirs.home());
        try {
            SshConfig config = SshConfig.load(configFile, SshEnvironment.current());
            List<ResolvedHost> chain;
            if (profile.proxyJump() != null) {
                chain = new ArrayList<>();
                for (JumpHop jump : JumpHop.parse(profile.proxyJump())) {
                    ResolvedHost r = config.resolve(jump.host());
                    chain.add(withUserPort(r, jump.user().orElse(null), jump.port().isPresent() ? jump.port().getAsInt() : null));
                }
                chain.add(config.resolve(profile.host()));
            } else {
                chain = new ArrayList<>(config.resolveChain(profile.host()));
            }
            List<Hop> hops = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                ResolvedHost r = chain.get(i);
                if (r.proxyCommand().isPresent() && i == 0 && profile.proxyJump() == null && chain.size() == 1) {
                    throw new SshException(configFile + ": " + r.alias() + " is reached with ProxyCommand, which Stagger"
                            + " does not run; use ProxyJump (or the profile's proxy_jump) instead");
                }
                boolean last = i == chain.size() - 1;
                hops.add(last ? overridden(r, profile, dirs) : hop(r, null, null, null, null));
            }
            return hops;
        } catch (SshConfigException e) {
            throw new SshException(e.getMessage(), e);
        }
    }

    private static Hop overridden(ResolvedHost r, ClusterProfile p, StaggerDirs dirs) {
        Path identity = p.identityFile() == null ? null : LocalPaths.expand(p.identityFile(), dirs.home());
        Path knownHosts = p.knownHosts() == null ? null : LocalPaths.expand(p.knownHosts(), dirs.home());
        return hop(r, p.user(), p.port(), identity, knownHosts);
    }

    private static Hop hop(ResolvedHost r, String user, Integer port, Path identity, Path knownHosts) {
        List<Path> identities = identity != null ? List.of(identity) : r.identityFiles();
        List<Path> known = knownHosts != null ? List.of(knownHosts) : r.userKnownHostsFiles();
        List<Path> allKnown = new ArrayList<>(known);
        allKnown.addAll(r.globalKnownHostsFiles());
        boolean agent = !r.identitiesOnly() && !ResolvedHost.NO_AGENT.equals(r.identityAgent());
        return new Hop(r.alias(), r.hostName(), port != null ? port : r.port(), user != null ? user : r.user(), identities,
                allKnown, r.hostKeyAlias().orElse(null), agent);
    }

    private static ResolvedHost withUserPort(ResolvedHost r, String user, Integer port) {
        if (user == null && port == null) {
            return r;
        }
        return new ResolvedHost(r.alias(), r.hostName(), user != null ? user : r.user(), port != null ? port : r.port(),
                r.identityFiles(), r.certificateFiles(), r.identitiesOnly(), r.identityAgent(), r.userKnownHostsFiles(),
                r.globalKnownHostsFiles(), r.hostKeyAlias(), r.strictHostKeyChecking(), r.proxyJump(), r.proxyCommand(),
                r.serverAliveInterval(), r.serverAliveCountMax(), r.connectTimeout(), r.connectionAttempts(), r.batchMode(),
                r.preferredAuthentications(), r.kbdInteractiveAuthentication(), r.pubkeyAuthentication(),
                r.passwordAuthentication(), r.addressFamily(), r.ciphers(), r.kexAlgorithms(), r.hostKeyAlgorithms(),
                r.pubkeyAcceptedAlgorithms(), r.compression(), r.unsupported());
    }
}
