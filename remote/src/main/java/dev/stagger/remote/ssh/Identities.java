package dev.stagger.remote.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys a connection offers: the key files of the hop (loaded once per process, so a passphrase
 * is asked once and the decrypted key kept in memory only) followed by the ssh-agent's keys. Never
 * adds a key to the agent (JSch's own repository would).
 */
final class Identities implements IdentityRepository {
    /** Key files loaded in this process, decrypted or not, by absolute path. */
    private static final Map<Path, Identity> LOADED = new ConcurrentHashMap<>();

    private final List<Identity> files;
    private final IdentityRepository agent;

    private Identities(List<Identity> files, IdentityRepository agent) {
        this.files = files;
        this.agent = agent;
    }

    static Identities forHop(Hop hop) {
        List<Identity> files = new ArrayList<>();
        for (Path file : hop.identityFiles()) {
            Identity identity = load(file.toAbsolutePath());
            if (identity != null) {
                files.add(identity);
            }
        }
        return new Identities(files, hop.useAgent() ? agent() : null);
    }

    private static Identity load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null; // as ssh does: a missing default key is no error
        }
        return LOADED.computeIfAbsent(file, f -> {
            try {
                JSch scratch = new JSch();
                scratch.addIdentity(f.toString());
                Vector<Identity> loaded = scratch.getIdentityRepository().getIdentities();
                return loaded.isEmpty() ? null : loaded.get(0);
            } catch (JSchException e) {
                return null; // not a key JSch can read: the failure message lists the keys offered
            }
        });
    }

    private static IdentityRepository agent() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        if (socket == null || socket.isBlank()) {
            return null;
        }
        try {
            SSHAgentConnector connector = new SSHAgentConnector(Path.of(socket));
            return connector.isAvailable() ? new AgentIdentityRepository(connector) : null;
        } catch (RuntimeException | AgentProxyException | LinkageError e) {
            return null;
        }
    }

    /** What was offered, for a failure message. */
    String describe(Hop hop) {
        List<String> names = new ArrayList<>();
        for (Path p : hop.identityFiles()) {
            names.add(p + (Files.isRegularFile(p) ? "" : " (missing)"));
        }
        if (agent != null) {
            names.add("the ssh-agent's keys");
        }
        return names.isEmpty() ? "no keys" : String.join(", ", names);
    }

    @Override
    public String getName() {
        return "stagger";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(files);
        if (agent != null) {
            try {
                all.addAll(agent.getIdentities());
            } catch (RuntimeException e) {
                // an agent that went away offers nothing
            }
        }
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // the user's keys are not ours to remove
    }
}
