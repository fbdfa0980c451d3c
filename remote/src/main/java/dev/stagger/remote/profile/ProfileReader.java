package dev.stagger.remote.profile;

import dev.stagger.engine.project.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads profile files. Like project files, only the YAML node tree is composed (no YAML tag can
 * instantiate a class) so every problem names its line, column and key; all of them are reported
 * together in a {@link ProfileException}, sorted by position.
 */
public final class ProfileReader {
    /** A profile is a few hundred bytes; anything much larger is a mistake. */
    static final int MAX_CHARS = 64 * 1024;

    private ProfileReader() {}

    /** Reads the profile {@code name} from {@code file}; problems name the file by its full path. */
    public static ClusterProfile read(Path file, String name) throws ProfileException {
        return parse(readText(file), file.toString(), name);
    }

    /** Parses profile text; {@code source} is what problems call it (a path, "options"). */
    public static ClusterProfile parse(String text, String source, String name) throws ProfileException {
        Optional<String> badName = ProfileNames.problem(name);
        if (badName.isPresent()) {
            throw ProfileException.of(source, badName.get());
        }
        Node root = compose(text, source);
        if (root == null) {
            throw new ProfileException(List.of(new Problem(source, 1, 1, "",
                    "the file is empty; a profile needs at least format: " + ClusterProfile.FORMAT
                            + " and host: HOST")));
        }
        ProfileNodes nodes = new ProfileNodes(source);
        ClusterProfile profile = new Parser(nodes, name).profile(root);
        if (!nodes.problems().isEmpty()) {
            List<Problem> sorted = new ArrayList<>(nodes.problems());
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ProfileException(sorted);
        }
        return profile;
    }

    /** The text of a profile file: UTF-8, at most {@link #MAX_CHARS} characters. */
    public static String readText(Path file) throws ProfileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ProfileException.of(file.toString(), "no such file");
        } catch (IOException e) {
            throw ProfileException.of(file.toString(), "cannot read the file: " + e.getMessage());
        }
        if (bytes.length > 4 * MAX_CHARS) {
            throw ProfileException.of(file.toString(), "the file has " + bytes.length + " bytes; a profile is a few"
                    + " hundred");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProfileException.of(file.toString(), "the file is not UTF-8 text");
        }
    }

    /** The node tree of YAML text (null for an empty document), or the syntax error with its position. */
    static Node compose(String text, String source) throws ProfileException {
        if (text.length() > MAX_CHARS) {
            throw ProfileException.of(source, "the file has " + text.length() + " characters; a profile is a few"
                    + " hundred");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(4 * MAX_CHARS);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            String message = "invalid YAML: " + e.getProblem() + context;
            throw new ProfileException(List.of(mark == null ? new Problem(source, 0, 0, "", message)
                    : new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, "", message)));
        } catch (YAMLException e) {
            throw ProfileException.of(source, "invalid YAML: " + e.getMessage());
        }
    }

    /** One pass over the tree: each key read and checked, then the rules between keys. */
    private static final class Parser {
        private final ProfileNodes nodes;
        private final String name;
        private Map<String, NodeTuple> entries;

        Parser(ProfileNodes nodes, String name) {
            this.nodes = nodes;
            this.name = name;
        }

        ClusterProfile profile(Node root) {
            entries = nodes.entries(root, "", ProfileKey.in(null));
            if (!(root instanceof MappingNode)) {
                return null;
            }
            for (ProfileKey required : List.of(ProfileKey.FORMAT, ProfileKey.HOST)) {
                if (!entries.containsKey(required.key())) {
                    nodes.problem(root, required.path(), "missing required key '" + required.key() + "'");
                }
            }
            format();
            ClusterProfile.Builder b = ClusterProfile.builder(name, null);
            b.host(text(ProfileKey.HOST, "a host name or an SSH config alias", ProfileRules::host));
            b.sshConfig(text(ProfileKey.SSH_CONFIG, "a file path", ProfileRules::localPath));
            b.user(text(ProfileKey.USER, "a user name", ProfileRules::user));
            Long port = whole(ProfileKey.PORT, 1, 65535);
            b.port(port == null ? null : port.intValue());
            b.identityFile(text(ProfileKey.IDENTITY_FILE, "a file path", ProfileRules::localPath));
            b.knownHosts(text(ProfileKey.KNOWN_HOSTS, "a file path", ProfileRules::localPath));
            b.proxyJump(text(ProfileKey.PROXY_JUMP, "jump hosts [user@]host[:port],...", ProfileRules::proxyJump));
            String launcher = text(ProfileKey.LAUNCHER, "direct or slurm",
                    word(l -> Launcher.fromLabel(l).isPresent(), "direct or slurm"));
            b.launcher(launcher == null ? null : Launcher.fromLabel(launcher).orElseThrow());
            String starter = text(ProfileKey.MPI_STARTER, "mpirun or srun",
                    word(s -> MpiStarter.fromLabel(s).isPresent(), "mpirun or srun"));
            b.mpiStarter(starter == null ? null : MpiStarter.fromLabel(starter).orElseThrow());
            b.slurm(slurm());
            b.setup(texts(ProfileKey.SETUP, "shell lines", ProfileRules::shellLine));
            b.workdir(text(ProfileKey.WORKDIR, "a folder on the cluster", t -> ProfileRules.remoteText(t, "a folder")));
            Function<String, Optional<String>> command = t -> ProfileRules.remoteText(t, "a command or path");
            b.java(text(ProfileKey.JAVA, "a command or path", command));
            b.mpirun(text(ProfileKey.MPIRUN, "a command or path", command));
            crossChecks(b);
            return nodes.problems().isEmpty() ? b.build() : null;
        }

        private void format() {
            NodeTuple tuple = entries.get(ProfileKey.FORMAT.key());
            Long format = whole(ProfileKey.FORMAT, 1, Integer.MAX_VALUE);
            if (format != null && format != ClusterProfile.FORMAT) {
                nodes.problem(tuple.getValueNode(), ProfileKey.FORMAT.path(), "this Stagger reads profile format "
                        + ClusterProfile.FORMAT + "; this file has format " + format
                        + " (written by a newer Stagger?)");
            }
        }

        /** Only between keys that are fine themselves: a follow-up error on a broken key would be noise. */
        private void crossChecks(ClusterProfile.Builder b) {
            if (broken(ProfileKey.LAUNCHER) || broken(ProfileKey.HOST)) {
                return;
            }
            ClusterProfile profile = b.build();
            boolean slurm = profile.launcher() == Launcher.SLURM;
            if (profile.mpiStarter() == MpiStarter.SRUN && !slurm) {
                nodes.problem(value(entries, ProfileKey.MPI_STARTER), ProfileKey.MPI_STARTER.path(),
                        "srun starts ranks inside a Slurm job: it needs launcher: slurm (or use mpi_starter: mpirun)");
            }
            if (!slurm && entries.containsKey(ProfileKey.SLURM.key())) {
                nodes.problem(entries.get(ProfileKey.SLURM.key()).getKeyNode(), ProfileKey.SLURM.path(),
                        "Slurm settings are used only with launcher: slurm; set it, or remove the slurm block");
            }
        }

        /** True when {@code key} (or something in it) has a problem, or is missing though required. */
        private boolean broken(ProfileKey key) {
            return nodes.problems().stream().anyMatch(p -> p.keyPath().equals(key.path())
                    || p.keyPath().startsWith(key.path() + ".") || p.keyPath().startsWith(key.path() + "["));
        }

        private SlurmSettings slurm() {
            NodeTuple tuple = entries.get(ProfileKey.SLURM.key());
            if (tuple == null) {
                return null;
            }
            Node block = tuple.getValueNode();
            if (block instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                // "slurm:" with every setting commented out: the defaults
                return SlurmSettings.DEFAULTS;
            }
            Map<String, NodeTuple> outer = entries;
            entries = nodes.entries(block, ProfileKey.SLURM.path(), ProfileKey.in(ProfileKey.SLURM));
            try {
                String partition = text(ProfileKey.SLURM_PARTITION, "a partition name", ProfileRules::slurmName);
                String account = text(ProfileKey.SLURM_ACCOUNT, "an account name", ProfileRules::slurmName);
                String qos = text(ProfileKey.SLURM_QOS, "a QOS name", ProfileRules::slurmName);
                String time = text(ProfileKey.SLURM_TIME, "a walltime [D-]HH:MM:SS", ProfileRules::time);
                Long nodeCount = whole(ProfileKey.SLURM_NODES, 1, Integer.MAX_VALUE);
                Long tasks = whole(ProfileKey.SLURM_TASKS_PER_NODE, 1, Integer.MAX_VALUE);
                Long gpus = whole(ProfileKey.SLURM_GPUS_PER_NODE, 0, Integer.MAX_VALUE);
                List<String> extra = texts(ProfileKey.SLURM_EXTRA, "sbatch options", ProfileRules::sbatchOption);
                return new SlurmSettings(partition, account, qos, time, nodeCount == null ? 1 : nodeCount.intValue(),
                        tasks == null ? null : tasks.intValue(), gpus == null ? 0 : gpus.intValue(), extra);
            } finally {
                entries = outer;
            }
        }

        private String text(ProfileKey key, String expected, Function<String, Optional<String>> rule) {
            NodeTuple tuple = entries.get(key.key());
            if (tuple == null) {
                return null;
            }
            String text = nodes.text(tuple.getValueNode(), key.path(), expected);
            return text != null && nodes.check(tuple.getValueNode(), key.path(), rule.apply(text)) ? text : null;
        }

        private Long whole(ProfileKey key, long min, long max) {
            NodeTuple tuple = entries.get(key.key());
            return tuple == null ? null : nodes.whole(tuple.getValueNode(), key.path(), min, max);
        }

        /** A list whose items each pass {@code rule}; each bad item is reported where it is. */
        private List<String> texts(ProfileKey key, String expected, Function<String, Optional<String>> rule) {
            NodeTuple tuple = entries.get(key.key());
            if (tuple == null) {
                return null;
            }
            List<String> items = nodes.texts(tuple.getValueNode(), key.path(), expected);
            if (items == null) {
                return null;
            }
            List<Node> itemNodes = ((SequenceNode) tuple.getValueNode()).getValue();
            boolean fine = true;
            for (int i = 0; i < items.size(); i++) {
                fine &= nodes.check(itemNodes.get(i), key.path() + "[" + i + "]", rule.apply(items.get(i)));
            }
            return fine ? items : null;
        }

        private static Node value(Map<String, NodeTuple> entries, ProfileKey key) {
            return entries.get(key.key()).getValueNode();
        }

        /** One of a few words, exactly as written (profiles are lower case). */
        private static Function<String, Optional<String>> word(Predicate<String> known, String expected) {
            return w -> known.test(w) ? Optional.empty()
                    : Optional.of("expected " + expected + ", got \"" + ProfileNames.printable(w) + "\"");
        }
    }
}
