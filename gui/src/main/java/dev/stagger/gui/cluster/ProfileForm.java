package dev.stagger.gui.cluster;

import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.ProfileEdits;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileKey;
import dev.stagger.remote.profile.ProfileReader;
import dev.stagger.remote.profile.ProfileStore;
import dev.stagger.remote.profile.SlurmSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logic of the profile editor, without the toolkit: the keys a person usually sets, the values
 * typed, their problems (found by the very reader that reads profile files, so the editor and
 * {@code stagger cluster add} agree), and saving. A new profile is written whole; an existing one is
 * changed in place, only the keys that changed, so its comments and layout stay.
 */
public final class ProfileForm {
    /** What the editor shows, in this order. */
    public static final List<ProfileKey> KEYS = List.of(ProfileKey.HOST, ProfileKey.USER, ProfileKey.PORT,
            ProfileKey.SSH_CONFIG, ProfileKey.PROXY_JUMP, ProfileKey.IDENTITY_FILE, ProfileKey.LAUNCHER,
            ProfileKey.WORKDIR, ProfileKey.JAVA, ProfileKey.MPIRUN, ProfileKey.SLURM_PARTITION,
            ProfileKey.SLURM_ACCOUNT, ProfileKey.SLURM_TIME, ProfileKey.SLURM_NODES, ProfileKey.SLURM_GPUS_PER_NODE);

    /** How runs start on the cluster: {@code mpirun} in a session of its own, or a Slurm job. */
    public static final List<String> LAUNCHERS = List.of("direct", "slurm");

    private final ProfileStore store;
    private final String existing;
    private final Map<ProfileKey, String> original = new LinkedHashMap<>();
    private final Map<ProfileKey, String> values = new LinkedHashMap<>();
    private String name;

    private ProfileForm(ProfileStore store, String existing) {
        this.store = store;
        this.existing = existing;
        this.name = existing == null ? "" : existing;
    }

    /** A form for a new profile; {@code host} may be an alias of the SSH config (or empty). */
    public static ProfileForm create(ProfileStore store, String host) {
        ProfileForm f = new ProfileForm(store, null);
        KEYS.forEach(k -> f.values.put(k, ""));
        f.values.put(ProfileKey.HOST, host == null ? "" : host);
        f.values.put(ProfileKey.LAUNCHER, "direct");
        if (host != null && host.matches("[A-Za-z0-9_.-]+")) {
            f.name = host;
        }
        return f;
    }

    /** A form for changing profile {@code name} as it is on disk. */
    public static ProfileForm edit(ProfileStore store, String name) throws ProfileException {
        ProfileForm f = new ProfileForm(store, name);
        ClusterProfile p = store.load(name);
        for (ProfileKey k : KEYS) {
            String v = valueOf(p, k);
            f.original.put(k, v);
            f.values.put(k, v);
        }
        return f;
    }

    public boolean isNew() {
        return existing == null;
    }

    public String name() {
        return name;
    }

    public void name(String n) {
        if (!isNew()) {
            throw new IllegalStateException("a profile is renamed by saving it under a new name");
        }
        name = n == null ? "" : n.trim();
    }

    public String value(ProfileKey key) {
        return values.getOrDefault(key, "");
    }

    public void set(ProfileKey key, String value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("the editor does not show " + key.path());
        }
        values.put(key, value == null ? "" : value.trim());
    }

    /** The label next to a key's field: its path in the file, so the file and the window use the same words. */
    public static String label(ProfileKey key) {
        return key.path();
    }

    /** What an empty field means, shown greyed in it: the default that applies. */
    public static String placeholder(ProfileKey key) {
        return switch (key) {
            case USER, PORT, IDENTITY_FILE, PROXY_JUMP -> "from the SSH config";
            case SSH_CONFIG -> ClusterProfile.DEFAULT_SSH_CONFIG;
            case WORKDIR -> ClusterProfile.DEFAULT_WORKDIR;
            case JAVA -> ClusterProfile.DEFAULT_JAVA + " (or a runtime Stagger deploys)";
            case MPIRUN -> ClusterProfile.DEFAULT_MPIRUN;
            case SLURM_PARTITION -> "the cluster's default partition";
            case SLURM_ACCOUNT -> "your default account";
            case SLURM_TIME -> "the partition's default walltime, e.g. 01:00:00";
            case SLURM_NODES -> "as Slurm places the ranks";
            case SLURM_GPUS_PER_NODE -> "none";
            default -> "";
        };
    }

    /** Every problem, one line each; empty when the profile can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (isNew()) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                problems.add("name: letters, digits, '.', '_' and '-', starting with a letter or digit");
            } else if (store.exists(name)) {
                problems.add("name: a profile named '" + name + "' exists already (" + store.file(name) + ")");
            }
        }
        if (value(ProfileKey.HOST).isEmpty()) {
            problems.add("host: an alias of your SSH config, or a host name");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            check();
        } catch (ProfileException e) {
            e.problems().forEach(p -> problems.add(p.keyPath().isEmpty() ? p.message() : p.keyPath() + ": " + p.message()));
        }
        return problems;
    }

    /** Saves (a new file, or the changed keys in place); returns the file. */
    public Path save() throws ProfileException, IOException {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw ProfileException.of(name, String.join("; ", problems));
        }
        if (isNew()) {
            return store.save(check());
        }
        store.update(existing, changes());
        return store.file(existing);
    }

    private ClusterProfile check() throws ProfileException {
        if (isNew()) {
            String text = edits(values, Map.of()).applyTo("format: " + ClusterProfile.FORMAT + "\n", "the editor");
            return ProfileReader.parse(text, "the editor", name);
        }
        String text = changes().applyTo(ProfileReader.readText(store.file(existing)), existing);
        return ProfileReader.parse(text, existing + " (with the changes)", existing);
    }

    private ProfileEdits changes() {
        return edits(values, original);
    }

    /** Sets what differs from {@code before}; a value emptied is removed (the default applies again). */
    private static ProfileEdits edits(Map<ProfileKey, String> now, Map<ProfileKey, String> before) {
        ProfileEdits e = new ProfileEdits();
        for (Map.Entry<ProfileKey, String> v : now.entrySet()) {
            String was = before.getOrDefault(v.getKey(), "");
            if (v.getValue().equals(was)) {
                continue;
            }
            if (v.getValue().isEmpty()) {
                e.unset(v.getKey());
            } else {
                e.set(v.getKey(), v.getValue());
            }
        }
        return e;
    }

    private static String valueOf(ClusterProfile p, ProfileKey k) {
        SlurmSettings s = p.slurm();
        Object v = switch (k) {
            case HOST -> p.host();
            case USER -> p.user();
            case PORT -> p.port();
            case SSH_CONFIG -> p.sshConfig();
            case PROXY_JUMP -> p.proxyJump();
            case IDENTITY_FILE -> p.identityFile();
            case LAUNCHER -> p.launcher() == null ? null : p.launcher().label();
            case WORKDIR -> p.workdir();
            case JAVA -> p.java();
            case MPIRUN -> p.mpirun();
            case SLURM_PARTITION -> s == null ? null : s.partition();
            case SLURM_ACCOUNT -> s == null ? null : s.account();
            case SLURM_TIME -> s == null ? null : s.time();
            case SLURM_NODES -> s == null || s.nodes() <= 0 ? null : s.nodes();
            case SLURM_GPUS_PER_NODE -> s == null || s.gpusPerNode() <= 0 ? null : s.gpusPerNode();
            default -> null;
        };
        return v == null ? "" : v.toString();
    }
}
