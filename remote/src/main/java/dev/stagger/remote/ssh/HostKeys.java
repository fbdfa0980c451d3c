package dev.stagger.remote.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host-key verification (DESIGN section 7): keys are checked against the user's known_hosts files
 * (all of them, as OpenSSH does); a changed key is refused; an unknown key goes to the
 * {@link Prompter}, who sees its SHA-256 fingerprint and decides (or, without a person to ask, it is
 * refused with the fingerprint to trust explicitly). Nothing is ever accepted silently. JSch runs
 * with {@code StrictHostKeyChecking=yes} over this repository, so it enforces the answers.
 */
final class HostKeys implements HostKeyRepository {
    private final List<Path> files;
    private final List<HostKeyRepository> known = new ArrayList<>();
    private final Prompter prompter;
    /**
     * Keys trusted for this process only ("trust once"), as {@code host key-type base64}: shared by
     * every connection of the process, so a reconnect does not ask again.
     */
    private static final Set<String> trustedOnce = ConcurrentHashMap.newKeySet();
    /** A fingerprint the user gave beforehand ({@code cluster trust --fingerprint}): accepted and remembered. */
    private volatile String expectedFingerprint;
    private volatile Unknown lastUnknown;

    /** The last host key that was refused as unknown: for the message that says how to trust it. */
    record Unknown(String host, String type, String fingerprint) {}

    HostKeys(List<Path> files, Prompter prompter) throws IOException {
        this.files = List.copyOf(files);
        this.prompter = prompter;
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                known.add(load(file));
            }
        }
    }

    /** JSch's known_hosts reader (package-private in JSch) through a JSch instance of its own per file. */
    private static HostKeyRepository load(Path file) throws IOException {
        try {
            JSch reader = new JSch();
            reader.setKnownHosts(file.toString());
            return reader.getHostKeyRepository();
        } catch (JSchException e) {
            throw new IOException(file + ": cannot read this known_hosts file: " + e.getMessage(), e);
        }
    }

    /** Forgets the keys trusted once in this process (tests that start from a stranger's view). */
    static void forgetTrustedOnce() {
        trustedOnce.clear();
    }

    void expectFingerprint(String fingerprint) {
        this.expectedFingerprint = fingerprint;
    }

    Unknown lastUnknown() {
        return lastUnknown;
    }

    @Override
    public int check(String host, byte[] key) {
        boolean changed = false;
        for (HostKeyRepository k : known) {
            int result = k.check(host, key);
            if (result == OK) {
                return OK;
            }
            changed |= result == CHANGED;
        }
        if (changed) {
            return CHANGED;
        }
        String type = keyType(host, key);
        String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key);
        if (trustedOnce.contains(line)) {
            return OK;
        }
        String fingerprint = Fingerprints.sha256(key);
        String expected = expectedFingerprint;
        Prompter.HostKeyDecision decision;
        if (expected != null) {
            decision = Fingerprints.same(expected, fingerprint) ? Prompter.HostKeyDecision.TRUST_AND_REMEMBER
                    : Prompter.HostKeyDecision.REFUSE;
        } else {
            decision = prompter.canAsk() ? prompter.unknownHostKey(host, type, fingerprint) : Prompter.HostKeyDecision.REFUSE;
        }
        switch (decision) {
            case TRUST_ONCE -> {
                trustedOnce.add(line);
                return OK;
            }
            case TRUST_AND_REMEMBER -> {
                try {
                    remember(line);
                } catch (IOException e) {
                    prompter.show("could not add the key to " + files.get(0) + " (" + e.getMessage()
                            + "); trusting it for this session only");
                }
                trustedOnce.add(line);
                return OK;
            }
            default -> {
                lastUnknown = new Unknown(host, type, fingerprint);
                return NOT_INCLUDED;
            }
        }
    }

    private static String keyType(String host, byte[] key) {
        try {
            return new HostKey(host, key).getType();
        } catch (com.jcraft.jsch.JSchException e) {
            return "unknown-key-type";
        }
    }

    /** Appends a line to the first known_hosts file, as {@code ssh} does, creating it (and ~/.ssh) if needed. */
    private void remember(String line) throws IOException {
        if (files.isEmpty()) {
            throw new IOException("no known_hosts file is configured");
        }
        Path file = files.get(0);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        String prefix = "";
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            byte[] all = Files.readAllBytes(file);
            if (all[all.length - 1] != '\n') {
                prefix = "\n";
            }
        }
        Files.writeString(file, prefix + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        known.add(load(file));
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // JSch adds keys only when StrictHostKeyChecking is "no" or "ask": never with ours
    }

    @Override
    public void remove(String host, String type) {
        // changed keys are refused, never replaced by the program
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // as above
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return files.isEmpty() ? "known_hosts" : files.get(0).toString();
    }

    @Override
    public HostKey[] getHostKey() {
        List<HostKey> all = new ArrayList<>();
        for (HostKeyRepository k : known) {
            all.addAll(List.of(k.getHostKey()));
        }
        return all.toArray(new HostKey[0]);
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        // JSch looks here for @revoked markers on a key that checked OK
        List<HostKey> all = new ArrayList<>();
        for (HostKeyRepository k : known) {
            all.addAll(List.of(k.getHostKey(host, type)));
        }
        return all.toArray(new HostKey[0]);
    }
}
