package dev.stagger.remote.ssh;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.StaggerMain;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.testcluster.LoopbackCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What the SSH connection layer's integration tests share: hops to the loopback cluster built
 * directly, known_hosts files written by the test, a prompter that records what it was asked, and
 * the command line run in this JVM on folders under a test's temporary folder.
 */
final class SshItSupport {
    static final Duration QUICK = Duration.ofSeconds(30);

    private SshItSupport() {
    }

    /** The login node, with the given keys and known_hosts files. */
    static Hop login(LoopbackCluster cluster, List<Path> keys, List<Path> knownHosts) {
        return new Hop("login", cluster.loginHost(), cluster.loginPort(), cluster.user(), keys, knownHosts, null, false);
    }

    /** The login node with the harness's key and known_hosts (every key known). */
    static Hop login(LoopbackCluster cluster) {
        return login(cluster, List.of(cluster.key()), List.of(cluster.knownHosts()));
    }

    /** The MFA node (public key, then a TOTP code), with the harness's known_hosts. */
    static Hop mfa(LoopbackCluster cluster, List<Path> keys) {
        return new Hop("login-mfa", cluster.mfaHost(), cluster.mfaPort(), cluster.user(), keys,
                List.of(cluster.knownHosts()), null, false);
    }

    /** {@code [127.0.0.1]:PORT}: how a non-22 port's host is named in known_hosts (and shown to the prompter). */
    static String loginKeyName(LoopbackCluster cluster) {
        return "[" + cluster.loginHost() + "]:" + cluster.loginPort();
    }

    /** The login node's line of the harness's known_hosts ({@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}). */
    static String loginKnownHostsLine(LoopbackCluster cluster) throws IOException {
        String prefix = loginKeyName(cluster) + " ";
        return Files.readAllLines(cluster.knownHosts(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "line in " + cluster.knownHosts()));
    }

    /** The key part ({@code ssh-ed25519 AAAA...}) of the login node's real host key. */
    static String loginHostKey(LoopbackCluster cluster) throws IOException {
        return loginKnownHostsLine(cluster).substring(loginKeyName(cluster).length() + 1).strip();
    }

    /** The public key the login node does NOT use now (the one rekey-login.sh would swap in). */
    static String otherHostKey(LoopbackCluster cluster) throws IOException {
        String[] fields = Files.readString(cluster.stateDir().resolve("login/ssh_host_ed25519_key.other.pub"),
                StandardCharsets.UTF_8).strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    static Path write(Path file, String... lines) throws IOException {
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A copy of a key file in {@code dir}: the decrypted-key cache is per path, so each test gets its own. */
    static Path copyKey(Path key, Path dir) throws IOException {
        Path copy = dir.resolve(key.getFileName() + "-copy");
        Files.copy(key, copy);
        return copy;
    }

    /** A prompter that answers as scripted and records every question. */
    static final class ScriptedPrompter implements Prompter {
        record HostKeyQuestion(String host, String keyType, String fingerprint) {}

        record PassphraseQuestion(String keyFile, boolean retry) {}

        record KeyboardQuestion(String destination, List<String> prompts, boolean[] echo) {}

        private final List<HostKeyQuestion> hostKeys = new ArrayList<>();
        private final List<PassphraseQuestion> passphrases = new ArrayList<>();
        private final List<KeyboardQuestion> keyboard = new ArrayList<>();
        private final List<String> shown = new ArrayList<>();
        private HostKeyDecision hostKeyDecision = HostKeyDecision.REFUSE;
        private IntFunction<String> passphraseAnswers = n -> null;
        private Supplier<String> codes = () -> null;

        ScriptedPrompter hostKey(HostKeyDecision decision) {
            hostKeyDecision = decision;
            return this;
        }

        /** Answers the n-th passphrase question (0-based) with the function's value (null: give up). */
        ScriptedPrompter passphrases(IntFunction<String> answers) {
            passphraseAnswers = answers;
            return this;
        }

        /** Answers each "Verification code" prompt with the next code; cancels any other prompt. */
        ScriptedPrompter codes(Supplier<String> supplier) {
            codes = supplier;
            return this;
        }

        @Override
        public boolean canAsk() {
            return true;
        }

        @Override
        public synchronized HostKeyDecision unknownHostKey(String host, String keyType, String fingerprint) {
            hostKeys.add(new HostKeyQuestion(host, keyType, fingerprint));
            return hostKeyDecision;
        }

        @Override
        public synchronized char[] passphrase(String keyFile, boolean retry) {
            int n = passphrases.size();
            passphrases.add(new PassphraseQuestion(keyFile, retry));
            String answer = passphraseAnswers.apply(n);
            return answer == null ? null : answer.toCharArray();
        }

        @Override
        public synchronized String[] keyboardInteractive(String destination, String name, String instruction,
                List<String> prompts, boolean[] echo) {
            keyboard.add(new KeyboardQuestion(destination, List.copyOf(prompts), echo.clone()));
            String[] answers = new String[prompts.size()];
            for (int i = 0; i < answers.length; i++) {
                if (!prompts.get(i).contains("Verification code")) {
                    return null;
                }
                answers[i] = codes.get();
                if (answers[i] == null) {
                    return null;
                }
            }
            return answers;
        }

        @Override
        public synchronized void show(String message) {
            shown.add(message);
        }

        synchronized List<HostKeyQuestion> hostKeyQuestions() {
            return List.copyOf(hostKeys);
        }

        synchronized List<PassphraseQuestion> passphraseQuestions() {
            return List.copyOf(passphrases);
        }

        synchronized List<KeyboardQuestion> keyboardQuestions() {
            return List.copyOf(keyboard);
        }

        synchronized List<String> shown() {
            return List.copyOf(shown);
        }
    }

    /** The command line of {@link StaggerMain}, in this JVM, on folders under {@code tmp}. */
    static final class Cli {
        record Result(int exit, String out, String err) {
            @Override
            public String toString() {
                return "exit " + exit + "\n  out: " + out.strip().replace("\n", "\n       ") + "\n  err: "
                        + err.strip().replace("\n", "\n       ");
            }
        }

        private final StaggerDirs dirs;

        Cli(Path tmp) {
            dirs = new StaggerDirs(tmp.resolve("config/stagger"), tmp.resolve("state/stagger"), tmp.resolve("home"));
        }

        StaggerDirs dirs() {
            return dirs;
        }

        /** A context for connecting as the command line would (close it). */
        ClusterContext context(Prompter prompter) {
            return new ClusterContext(dirs, prompter);
        }

        Result run(Prompter prompter, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            try (ClusterContext context = context(prompter)) {
                exit = StaggerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                        OutputStream.nullOutputStream(), context);
            }
            return new Result(exit, out.toString(), err.toString());
        }

        /** {@code stagger cluster add ARGS...}, which must succeed. */
        void add(String... args) {
            String[] all = new String[args.length + 2];
            all[0] = "cluster";
            all[1] = "add";
            System.arraycopy(args, 0, all, 2, args.length);
            Result r = run(Prompter.NONE, all);
            if (r.exit() != 0) {
                throw new AssertionError("cluster add " + Arrays.toString(args) + " failed: " + r);
            }
        }

        /** The hops a profile resolves to, through the profile's SSH config. */
        List<Hop> hops(String profile) throws IOException {
            try (ClusterContext context = context(Prompter.NONE)) {
                return context.hops(context.profile(profile));
            }
        }
    }
}
