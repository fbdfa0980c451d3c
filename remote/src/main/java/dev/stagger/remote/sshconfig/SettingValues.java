package dev.stagger.remote.sshconfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/**
 * Checks and converts the values of honoured directives with OpenSSH's rules, so that a bad value is reported
 * when the file is read (as OpenSSH does, in matching blocks or not) rather than when a host happens to use it.
 */
final class SettingValues {

    private static final Map<String, String> FLAG = Map.of("yes", "yes", "true", "yes", "no", "no", "false", "no");
    private static final Map<String, String> STRICT_HOST_KEY = Map.of("yes", "yes", "true", "yes", "no", "no",
            "false", "no", "off", "no", "ask", "ask", "accept-new", "accept-new");
    private static final Map<String, String> PUBKEY = Map.of("yes", "yes", "true", "yes", "no", "no", "false", "no",
            "unbound", "unbound", "host-bound", "host-bound");
    private static final Map<String, String> ADDRESS_FAMILY = Map.of("any", "any", "inet", "inet", "inet6", "inet6");
    private static final Map<String, String> COMPRESSION = Map.of("yes", "yes", "no", "no");
    private static final Map<String, String> CANONICALIZE = Map.of("yes", "yes", "true", "yes", "no", "no",
            "false", "no", "always", "always");

    /** One term of an OpenSSH time value: a decimal number and an optional unit. */
    private static final Pattern TIME_TERM = Pattern.compile("([0-9.]+)([sSmMhHdDwW]?)");

    private SettingValues() {
    }

    /** Throws when the setting's arguments are not what OpenSSH accepts for its keyword. */
    static void check(Setting s) throws SshConfigException {
        switch (s.keyword()) {
            case "hostname", "user", "hostkeyalias", "preferredauthentications", "ciphers", "kexalgorithms",
                    "hostkeyalgorithms", "pubkeyacceptedalgorithms", "tag", "ignoreunknown", "identityfile",
                    "certificatefile", "refuseconnection" -> single(s);
            case "port" -> port(s);
            case "identitiesonly", "batchmode", "kbdinteractiveauthentication", "passwordauthentication" ->
                    normalized(s, FLAG, "yes or no");
            case "pubkeyauthentication" -> normalized(s, PUBKEY, "yes, no, unbound or host-bound");
            case "stricthostkeychecking" -> normalized(s, STRICT_HOST_KEY, "yes, accept-new, ask or no");
            case "addressfamily" -> normalized(s, ADDRESS_FAMILY, "any, inet or inet6");
            case "compression" -> normalized(s, COMPRESSION, "yes or no");
            case "canonicalizehostname" -> normalized(s, CANONICALIZE, "no, yes or always");
            case "connecttimeout", "serveraliveinterval" -> time(s);
            case "serveralivecountmax", "connectionattempts" -> integer(s);
            case "userknownhostsfile", "globalknownhostsfile" -> fileList(s);
            case "identityagent" -> agent(s);
            case "proxyjump" -> JumpHop.parseSpec(s);
            default -> {
                // the rest are passed through or reported, as OpenSSH's own check would need its internals
            }
        }
    }

    static String single(Setting s) throws SshConfigException {
        if (s.args().size() > 1) {
            throw new SshConfigException(s.location(), s.written() + " takes one value but has "
                    + s.args().size() + "; quote a value that contains blanks");
        }
        if (s.arg().isEmpty()) {
            throw new SshConfigException(s.location(), s.written() + " has an empty value; give one");
        }
        return s.arg();
    }

    static String normalized(Setting s, Map<String, String> accepted, String choices) throws SshConfigException {
        String value = accepted.get(single(s).toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new SshConfigException(s.location(), s.written() + " '" + s.arg() + "' is not valid; write "
                    + choices);
        }
        return value;
    }

    static boolean flag(Setting s) throws SshConfigException {
        return normalized(s, FLAG, "yes or no").equals("yes");
    }

    static String strictHostKeyChecking(Setting s) throws SshConfigException {
        return normalized(s, STRICT_HOST_KEY, "yes, accept-new, ask or no");
    }

    /** Any value but {@code no}: {@code unbound} and {@code host-bound} still use public keys. */
    static boolean pubkey(Setting s) throws SshConfigException {
        return !normalized(s, PUBKEY, "yes, no, unbound or host-bound").equals("no");
    }

    static String addressFamily(Setting s) throws SshConfigException {
        return normalized(s, ADDRESS_FAMILY, "any, inet or inet6");
    }

    static boolean compression(Setting s) throws SshConfigException {
        return normalized(s, COMPRESSION, "yes or no").equals("yes");
    }

    static String canonicalize(Setting s) throws SshConfigException {
        return normalized(s, CANONICALIZE, "no, yes or always");
    }

    static int port(Setting s) throws SshConfigException {
        int port = parsePort(single(s));
        if (port < 0) {
            throw new SshConfigException(s.location(), s.written() + " '" + s.arg() + "' is not a port; write a "
                    + "number from 1 to 65535");
        }
        return port;
    }

    /** A port number 1..65535, or -1. OpenSSH also takes service names from /etc/services; we do not. */
    static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? port : -1;
    }

    static int integer(Setting s) throws SshConfigException {
        String text = single(s);
        if (text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new SshConfigException(s.location(), s.written() + " '" + text + "' is not a whole number; "
                    + "write one such as 3");
        }
        return Integer.parseInt(text);
    }

    /** {@code none} (null here: the directive then does not count as set, as in OpenSSH) or a time value. */
    static Duration time(Setting s) throws SshConfigException {
        String text = single(s);
        if (text.equals("none")) {
            return null;
        }
        long seconds = parseSeconds(text);
        if (seconds < 0) {
            throw new SshConfigException(s.location(), s.written() + " '" + text + "' is not a time; write "
                    + "seconds (30) or a time such as 1m30s, or none");
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * OpenSSH's {@code convtime}: terms such as {@code 90}, {@code 1h30m}, {@code 1.5s}; fractions only for
     * seconds, seconds at most once; -1 when the text is not a time.
     */
    static long parseSeconds(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        Matcher term = TIME_TERM.matcher(text);
        double total = 0;
        boolean seenSeconds = false;
        int at = 0;
        while (at < text.length()) {
            if (!term.find(at) || term.start() != at) {
                return -1;
            }
            String number = term.group(1);
            char unit = term.group(2).isEmpty() ? 's' : Character.toLowerCase(term.group(2).charAt(0));
            boolean fraction = number.indexOf('.') >= 0;
            if (number.indexOf('.') != number.lastIndexOf('.') || number.equals(".") || number.endsWith(".")) {
                return -1;
            }
            if (term.group(2).isEmpty() && term.end() != text.length()) {
                return -1;
            }
            if (unit == 's') {
                if (seenSeconds) {
                    return -1;
                }
                seenSeconds = true;
            } else if (fraction) {
                return -1;
            }
            total += Double.parseDouble(number) * switch (unit) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                case 'w' -> 604800;
                default -> 1;
            };
            at = term.end();
        }
        return total > Integer.MAX_VALUE ? -1 : (long) total;
    }

    /** {@code UserKnownHostsFile} and {@code GlobalKnownHostsFile}: paths, or {@code none} alone. */
    static List<String> fileList(Setting s) throws SshConfigException {
        for (String arg : s.args()) {
            if (arg.isEmpty()) {
                throw new SshConfigException(s.location(), s.written() + " has an empty file name");
            }
            if (arg.equalsIgnoreCase("none") && s.args().size() > 1) {
                throw new SshConfigException(s.location(), s.written() + " 'none' must stand alone");
            }
        }
        return s.args().size() == 1 && s.arg().equalsIgnoreCase("none") ? List.of() : s.args();
    }

    /** {@code IdentityAgent}: {@code none}, {@code SSH_AUTH_SOCK}, {@code $VAR} or a path with tokens. */
    static String agent(Setting s) throws SshConfigException {
        String value = single(s);
        if (value.startsWith("$") && !value.startsWith("${") && !TokenExpander.isEnvName(value.substring(1))) {
            throw new SshConfigException(s.location(), "IdentityAgent '" + value + "' is not a variable name; "
                    + "write $NAME, ${NAME}, SSH_AUTH_SOCK, none or a path");
        }
        TokenExpander.checkEnvSyntax(value, s.location(), s.written());
        return value;
    }
}
