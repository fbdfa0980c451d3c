package dev.stagger.remote.profile;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for a profile's values, each answering with what is wrong (empty when nothing is).
 * Messages say what is expected and never repeat a value that could be a secret.
 */
final class ProfileRules {
    /** Host names, aliases and address literals; no spaces, no wildcards, no user part. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._%:\\[\\]-]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._$\\\\][A-Za-z0-9._$\\\\-]*");
    private static final Pattern WALLTIME = Pattern.compile("(?:(\\d{1,4})-)?(\\d{1,4}):([0-5]\\d):([0-5]\\d)");
    private static final Pattern SECRET = Pattern.compile(
            "pass(word|wd|phrase)?|.*_pass(word|wd|phrase)?|.*password.*|.*passphrase.*|.*secret.*|.*token.*|otp|totp"
                    + "|.*_otp|pin|private_key|.*credential.*|api_key");
    /** Options the profile has keys for: given twice, the job would be ambiguous. */
    private static final List<String> SBATCH_COVERED = List.of("--partition", "--account", "--qos", "--time",
            "--nodes", "--ntasks-per-node", "--gpus-per-node");

    static final String SECRETS = "a profile never holds secrets: Stagger asks for passwords, passphrases and codes"
            + " when it connects, and keeps them in memory only; remove this key";

    private ProfileRules() {}

    /** True for keys that look like they would hold a password, passphrase, token or code. */
    static boolean looksSecret(String key) {
        return SECRET.matcher(key.toLowerCase(Locale.ROOT).replace('-', '_')).matches();
    }

    static Optional<String> host(String host) {
        if (host.isBlank()) {
            return Optional.of("expected a host name or an SSH config alias, got an empty text");
        }
        if (host.contains("@")) {
            return Optional.of("write the user separately (user: NAME), and only the host here");
        }
        if (host.startsWith("-")) {
            return Optional.of("a host cannot start with '-'");
        }
        if (host.contains("*") || host.contains("?") || host.contains("!")) {
            return Optional.of("expected one host or alias, not a pattern (*, ? and ! are for Host lines in the SSH"
                    + " config)");
        }
        if (!HOST.matcher(host).matches()) {
            return Optional.of("expected a host name or an SSH config alias: letters, digits, '.', '-', '_' (or an"
                    + " address), got \"" + ProfileNames.printable(host) + "\"");
        }
        return Optional.empty();
    }

    static Optional<String> user(String user) {
        if (user.isEmpty()) {
            return Optional.of("expected a user name, got an empty text");
        }
        if (!USER.matcher(user).matches()) {
            return Optional.of("expected a user name (letters, digits, '.', '_', '-'), got \""
                    + ProfileNames.printable(user) + "\"");
        }
        return Optional.empty();
    }

    static Optional<String> port(long port) {
        return port >= 1 && port <= 65535 ? Optional.empty()
                : Optional.of("expected a port from 1 to 65535, got " + port);
    }

    /** A local file: absolute or from the home folder, so it means the same from any working folder. */
    static Optional<String> localPath(String path) {
        if (path.startsWith("-----BEGIN") || path.contains("PRIVATE KEY")) {
            return Optional.of("expected the path of a file, never a key itself; " + SECRETS);
        }
        if (path.isBlank()) {
            return Optional.of("expected a file path, got an empty text");
        }
        if (hasControl(path)) {
            return Optional.of("a file path cannot contain line breaks or control characters");
        }
        if (!LocalPaths.isUsable(path)) {
            return Optional.of("expected an absolute path or one starting with ~/, got \"" + path + "\"");
        }
        return Optional.empty();
    }

    /** {@code none}, or {@code [user@]host[:port]} hops separated by commas, as SSH's ProxyJump. */
    static Optional<String> proxyJump(String spec) {
        if (spec.equals("none")) {
            return Optional.empty();
        }
        if (spec.isBlank()) {
            return Optional.of("expected jump hosts [user@]host[:port] separated by commas, or none");
        }
        for (String hop : spec.split(",", -1)) {
            Optional<String> problem = hop(hop.strip());
            if (problem.isPresent()) {
                return Optional.of("jump host \"" + ProfileNames.printable(hop) + "\": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hop(String hop) {
        String rest = hop.startsWith("ssh://") ? hop.substring(6) : hop;
        if (rest.isEmpty()) {
            return Optional.of("empty; expected [user@]host[:port]");
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            Optional<String> user = user(rest.substring(0, at));
            if (user.isPresent()) {
                return user;
            }
            rest = rest.substring(at + 1);
        }
        String host = rest;
        String port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return Optional.of("an address in [ ] needs its closing ]");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return Optional.of("expected :PORT after the ]");
                }
                port = after.substring(1);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = rest.substring(rest.indexOf(':') + 1);
        }
        Optional<String> hostProblem = host(host);
        if (hostProblem.isPresent()) {
            return hostProblem;
        }
        if (port != null) {
            if (!port.matches("\\d{1,5}")) {
                return Optional.of("expected a port number after ':', got \"" + port + "\"");
            }
            return port(Long.parseLong(port));
        }
        return Optional.empty();
    }

    /** Partition, account and QOS names: one word, as sbatch takes it. */
    static Optional<String> slurmName(String name) {
        if (name.isEmpty()) {
            return Optional.of("expected a name, got an empty text");
        }
        boolean oneWord = name.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        if (name.startsWith("-") || !oneWord) {
            return Optional.of("expected one word (no spaces, not starting with '-'), got \""
                    + ProfileNames.printable(name) + "\"");
        }
        return Optional.empty();
    }

    static Optional<String> time(String time) {
        Matcher m = WALLTIME.matcher(time);
        if (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(2)) > 23)) {
            return Optional.of("expected a walltime [D-]HH:MM:SS, such as 01:00:00 or 2-00:00:00, got \""
                    + ProfileNames.printable(time) + "\"");
        }
        if (walltime(time).orElseThrow().isZero()) {
            // Slurm reads a zero time limit as "no limit", surely not what was meant
            return Optional.of("a walltime must be longer than zero");
        }
        return Optional.empty();
    }

    /** {@code [D-]HH:MM:SS} as a duration, or empty when not in that form. */
    static Optional<Duration> walltime(String time) {
        Matcher m = WALLTIME.matcher(time);
        if (!m.matches()) {
            return Optional.empty();
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return Optional.of(Duration.ofDays(days).plusHours(Long.parseLong(m.group(2)))
                .plusMinutes(Long.parseLong(m.group(3))).plusSeconds(Long.parseLong(m.group(4))));
    }

    /** One extra {@code #SBATCH} option: starts with {@code --}, one line, not one the profile has a key for. */
    static Optional<String> sbatchOption(String option) {
        if (!option.startsWith("--") || option.length() == 2) {
            return Optional.of("expected an sbatch option starting with --, such as --mail-type=END, got \""
                    + ProfileNames.printable(option) + "\"");
        }
        if (hasControl(option)) {
            return Optional.of("an sbatch option is one line: no line breaks or control characters");
        }
        String name = option.split("[= ]", 2)[0];
        if (SBATCH_COVERED.contains(name)) {
            String key = name.substring(2).replace('-', '_').replace("ntasks_per_node", "tasks_per_node");
            return Optional.of(name + " has its own key: write slurm." + key + " instead");
        }
        return Optional.empty();
    }

    /** A setup line is one shell line: a line break would smuggle in a second, unseen command. */
    static Optional<String> shellLine(String line) {
        return hasControl(line) ? Optional.of("a setup line is one line: no line breaks, NUL or control characters")
                : Optional.empty();
    }

    /** Remote words handed to the cluster's shell: workdir, java, mpirun. */
    static Optional<String> remoteText(String text, String what) {
        if (text.isBlank()) {
            return Optional.of("expected " + what + ", got an empty text");
        }
        if (hasControl(text)) {
            return Optional.of(what + " is one line: no line breaks, NUL or control characters");
        }
        return Optional.empty();
    }

    /** Line breaks, NUL and other control characters; a tab is allowed. */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
    }
}
