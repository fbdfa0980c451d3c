package dev.stagger.remote.sshconfig;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/** Host name rules of OpenSSH that more than one step needs. */
final class HostNames {
    private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){0,3}");

    private HostNames() {
    }

    /** {@code HostName} accepts {@code %h} (the name it replaces) and {@code %%} only. */
    static String expand(Setting hostName, String host) throws SshConfigException {
        return TokenExpander.expand(hostName.arg(), Map.of('h', host), null, hostName.location(), "HostName");
    }

    /** OpenSSH lower-cases the host name it connects to, unless it is an address. */
    static String normalize(String hostName) {
        boolean address = hostName.indexOf(':') >= 0 || IPV4.matcher(hostName).matches();
        return address ? hostName : hostName.toLowerCase(Locale.ROOT);
    }

    /**
     * OpenSSH's {@code ssh_valid_hostname}, applied to every name it is given to connect to: it ends up in
     * {@code %h} and so in {@code Match exec} commands. Null when valid, else why not.
     */
    static String invalidReason(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.startsWith("-")) {
            return "it starts with '-'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("'`\"$\\;&<>|(){},".indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "it contains '" + c + "'";
            }
        }
        return null;
    }

    /** OpenSSH's {@code ssh_valid_ruser}, for user names given on the command line or made by expansion. */
    static String invalidUserReason(String user) {
        if (user.startsWith("-")) {
            return "it starts with '-'";
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (Character.isISOControl(c) || "'`\";&<>|(){}".indexOf(c) >= 0) {
                return "it contains '" + c + "'";
            }
            if (Character.isWhitespace(c) && i + 1 < user.length() && user.charAt(i + 1) == '-') {
                return "a blank is followed by '-'";
            }
        }
        return user.endsWith("\\") ? "it ends with '\\'" : null;
    }

    /** The host the connection jumps through directly ({@code %j}): the last {@code ProxyJump} entry, or "". */
    static String jumpHost(HostOptions options) throws SshConfigException {
        List<JumpHop> hops = options.commandLineJump();
        if (hops == null) {
            Setting jump = options.get("proxyjump");
            hops = jump == null ? List.of() : JumpHop.parseSpec(jump);
        }
        return hops.isEmpty() ? "" : hops.get(hops.size() - 1).host();
    }
}
