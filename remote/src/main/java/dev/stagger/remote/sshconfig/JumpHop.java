package dev.stagger.remote.sshconfig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/**
 * One host of a {@code ProxyJump} list, as written there: {@code [user@]host[:port]} (an IPv6 address in
 * brackets: {@code [2001:db8::1]:2022}) or {@code ssh://[user@]host[:port]} (a domain name, as OpenSSH requires). {@code host} is an alias that the configuration
 * resolves in turn; a user or port given here overrides what the configuration says for that host.
 */
public record JumpHop(Optional<String> user, String host, OptionalInt port) {

    public JumpHop {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
    }

    /** The hop as a {@code ProxyJump} entry. */
    @Override
    public String toString() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + name + (port.isPresent() ? ":" + port.getAsInt() : "");
    }

    /** The hops of a {@code ProxyJump} line in the order they are visited; empty for {@code none}. */
    static List<JumpHop> parseSpec(Setting s) throws SshConfigException {
        try {
            return parse(s.rest());
        } catch (IllegalArgumentException e) {
            throw new SshConfigException(s.location(), "ProxyJump '" + s.rest().strip() + "': " + e.getMessage()
                    + "; write [user@]host[:port] or ssh://[user@]host[:port], several separated by commas");
        }
    }

    /** Parses as OpenSSH's {@code parse_jump}: a {@code #} ends the list, {@code none} means no jump. */
    public static List<JumpHop> parse(String spec) {
        String text = spec.replaceFirst("^[\\s=]+", "");
        int comment = text.indexOf('#');
        text = (comment >= 0 ? text.substring(0, comment) : text).stripTrailing();
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<JumpHop> hops = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            hops.add(entry.startsWith("ssh://") ? parseUri(entry.substring("ssh://".length()))
                    : parseUserHostPort(entry));
        }
        return List.copyOf(hops);
    }

    /** {@code [user@]host[:port]}: the user ends at the last {@code @}. */
    private static JumpHop parseUserHostPort(String entry) {
        String rest = entry;
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (at == 0) {
                throw new IllegalArgumentException("empty user name before '@'");
            }
            user = Optional.of(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        return withHostAndPort(user, rest, entry);
    }

    /** {@code ssh://[user[;params]@]host[:port][/]}: the user is URL-encoded, no path is allowed. */
    private static JumpHop parseUri(String uri) {
        String rest = uri;
        Optional<String> user = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            int params = info.indexOf(';');
            String name = params >= 0 ? info.substring(0, params) : info;
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty user name in ssh://" + uri);
            }
            user = Optional.of(urlDecode(name));
            rest = rest.substring(at + 1);
        }
        int slash = slashAfterHost(rest);
        if (slash >= 0) {
            if (slash + 1 < rest.length()) {
                throw new IllegalArgumentException("ssh://" + uri + " has a path, which a jump host cannot use");
            }
            rest = rest.substring(0, slash);
        }
        JumpHop hop = withHostAndPort(user, rest, "ssh://" + uri);
        String host = hop.host().endsWith(".") ? hop.host().substring(0, hop.host().length() - 1) : hop.host();
        if (!isDomainName(hop.host())) {
            throw new IllegalArgumentException("ssh:// takes a domain name, not '" + hop.host() + "' (OpenSSH "
                    + "rejects it too); an IPv6 address goes in the other form, e.g. [2001:db8::1]:2022");
        }
        return new JumpHop(hop.user(), host, hop.port());
    }

    /** OpenSSH's {@code valid_domain}, which the host of an {@code ssh://} URI must pass. */
    private static boolean isDomainName(String name) {
        if (name.isEmpty() || !(Character.isLetterOrDigit(name.charAt(0)) || name.charAt(0) == '_')
                || name.contains("..")) {
            return false;
        }
        return name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'
                || c == '_'));
    }

    private static int slashAfterHost(String hostPort) {
        int from = hostPort.startsWith("[") ? Math.max(hostPort.indexOf(']'), 0) : 0;
        return hostPort.indexOf('/', from);
    }

    /** {@code host}, {@code host:port} or {@code [v6]:port}, as OpenSSH's {@code hpdelim}. */
    private static JumpHop withHostAndPort(Optional<String> user, String hostPort, String entry) {
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + entry + "' opens '[' without closing it");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':' && after.charAt(0) != '/') {
                    throw new IllegalArgumentException("'" + entry + "' has text after ']'");
                }
                port = after.substring(1);
            }
        } else {
            int delimiter = indexOfAny(hostPort, ":/");
            host = delimiter < 0 ? hostPort : hostPort.substring(0, delimiter);
            port = delimiter < 0 ? "" : hostPort.substring(delimiter + 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("'" + entry + "' has no host");
        }
        OptionalInt portNumber = OptionalInt.empty();
        if (!port.isEmpty()) {
            int number = SettingValues.parsePort(port);
            if (number < 0) {
                throw new IllegalArgumentException("'" + port + "' in '" + entry + "' is not a port (1 to 65535)");
            }
            portNumber = OptionalInt.of(number);
        }
        return new JumpHop(user, host, portNumber);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String urlDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("bad %-escape in user name '" + text + "'");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
