package dev.stagger.remote.sshconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stagger.remote.sshconfig.ConfigEntry.MatchLine;
import dev.stagger.remote.sshconfig.ConfigEntry.Setting;

/**
 * The settings gathered for one host while the files are read, with OpenSSH's rule that the first value
 * obtained wins ({@code IdentityFile} and {@code CertificateFile} add up instead). Values given "on the command
 * line" (for a jump host: the user, port and further hops of the {@code ProxyJump} entry) are set beforehand
 * and so beat the files, as in OpenSSH.
 */
final class HostOptions {
    private final Map<String, Setting> first = new HashMap<>();
    private final Set<String> fromCommandLine = new HashSet<>();
    private final List<Setting> identityFiles = new ArrayList<>();
    private final List<Setting> certificateFiles = new ArrayList<>();
    private final Map<ConfigLocation, UnsupportedDirective> unsupported = new LinkedHashMap<>();
    private final Set<String> reportedKeywords = new HashSet<>();
    private List<JumpHop> commandLineJump;

    /** Sets a value as if given on the command line; {@code origin} is the line that asked for it. */
    void presetCommandLine(String keyword, String written, String value, ConfigLocation origin) {
        first.put(keyword, new Setting(keyword, written, List.of(value), value, origin));
        fromCommandLine.add(keyword);
    }

    /** {@code ssh -J}: the hops before a jump host, which replace its own {@code ProxyJump}. */
    void presetJump(List<JumpHop> hops, ConfigLocation origin) {
        presetCommandLine("proxyjump", "ProxyJump", hops.toString(), origin);
        commandLineJump = List.copyOf(hops);
    }

    /** Before the final pass, OpenSSH stores the expanded host name, so no later {@code HostName} applies. */
    void fixHostName(String hostName, ConfigLocation origin) {
        first.put("hostname", new Setting("hostname", "HostName", List.of(hostName), hostName, origin));
    }

    /** Takes in a setting from a block that applies. */
    void apply(Setting s) throws SshConfigException {
        switch (s.keyword()) {
            case "identityfile" -> addOnce(identityFiles, s);
            case "certificatefile" -> addOnce(certificateFiles, s);
            case "proxyjump" -> {
                // ProxyJump and ProxyCommand exclude each other: whichever comes first wins
                boolean none = JumpHop.parseSpec(s).isEmpty();
                if (!first.containsKey("proxyjump") && (none || !first.containsKey("proxycommand"))) {
                    first.put("proxyjump", s);
                }
            }
            case "proxycommand" -> {
                if (!first.containsKey("proxyjump") && first.putIfAbsent("proxycommand", s) == null
                        && !s.rest().equalsIgnoreCase("none")) {
                    report(s);
                }
            }
            case "connecttimeout", "serveraliveinterval" -> {
                if (SettingValues.time(s) != null) { // "none" leaves the option unset for a later line
                    first.putIfAbsent(s.keyword(), s);
                }
            }
            case "canonicalizehostname" -> {
                if (first.putIfAbsent(s.keyword(), s) == null && !SettingValues.canonicalize(s).equals("no")) {
                    report(s);
                }
            }
            case "refuseconnection" -> throw new SshConfigException(s.location(), "RefuseConnection: " + s.arg()
                    + " (the SSH configuration refuses connections to this host)");
            default -> applyByKind(s);
        }
    }

    private void applyByKind(Setting s) {
        switch (Keywords.kind(s.keyword())) {
            case HONOURED -> first.putIfAbsent(s.keyword(), s);
            case OBSOLETE -> {
                // OpenSSH skips these too
            }
            case NOT_HONOURED -> {
                if (Keywords.ADD_UP.contains(s.keyword()) || reportedKeywords.add(s.keyword())) {
                    report(s);
                }
            }
            case UNKNOWN -> {
                Setting ignore = first.get("ignoreunknown");
                boolean ignored = ignore != null && Patterns.matchList(s.keyword(), ignore.arg(), true)
                        == Patterns.ListMatch.POSITIVE;
                if (!ignored && reportedKeywords.add(s.keyword())) {
                    report(s);
                }
            }
        }
    }

    private static void addOnce(List<Setting> files, Setting s) {
        // OpenSSH drops a file already listed, so a block matched in both passes does not add it twice
        if (files.stream().noneMatch(f -> f.arg().equals(s.arg()))) {
            files.add(s);
        }
    }

    private void report(Setting s) {
        String value = s.keyword().equals("proxycommand") ? s.rest() : s.value();
        unsupported.putIfAbsent(s.location(), new UnsupportedDirective(s.written(), value, s.location(),
                Keywords.whyIgnored(s.keyword())));
    }

    /** A {@code Match} whose criterion cannot be evaluated here, so its block was taken as not matching. */
    void reportUnevaluated(MatchLine line, MatchCriterion criterion) {
        String value = String.join(" ", line.criteria().stream().map(MatchCriterion::toString).toList());
        unsupported.putIfAbsent(line.location(), new UnsupportedDirective("Match", value, line.location(),
                "Match " + criterion.kind().keyword() + " is not evaluated by Stagger; the block is treated as "
                        + "not matching"));
    }

    Setting get(String keyword) {
        return first.get(keyword);
    }

    boolean isFromCommandLine(String keyword) {
        return fromCommandLine.contains(keyword);
    }

    /** The {@code ssh -J} hops, or null when the jump comes from the files (or there is none). */
    List<JumpHop> commandLineJump() {
        return commandLineJump;
    }

    List<Setting> identityFiles() {
        return identityFiles;
    }

    List<Setting> certificateFiles() {
        return certificateFiles;
    }

    List<UnsupportedDirective> unsupported() {
        return List.copyOf(unsupported.values());
    }
}
