package dev.stagger.remote.sshconfig;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The directives of OpenSSH 10 ({@code readconf.c}'s table), sorted by what this resolver does with them. */
final class Keywords {

    /** Older names OpenSSH still accepts, folded into the current one. */
    private static final Map<String, String> ALIASES = Map.of(
            "challengeresponseauthentication", "kbdinteractiveauthentication",
            "skeyauthentication", "kbdinteractiveauthentication",
            "tisauthentication", "kbdinteractiveauthentication",
            "dsaauthentication", "pubkeyauthentication",
            "identityfile2", "identityfile",
            "keepalive", "tcpkeepalive",
            "pubkeyacceptedkeytypes", "pubkeyacceptedalgorithms",
            "hostbasedkeytypes", "hostbasedacceptedalgorithms",
            "smartcarddevice", "pkcs11provider");

    /** Directives whose values end up in {@link ResolvedHost} or steer the resolution itself. */
    private static final Set<String> HONOURED = Set.of(
            "hostname", "user", "port", "identityfile", "certificatefile", "identitiesonly", "identityagent",
            "userknownhostsfile", "globalknownhostsfile", "hostkeyalias", "stricthostkeychecking", "proxyjump",
            "serveraliveinterval", "serveralivecountmax", "connecttimeout", "connectionattempts", "batchmode",
            "preferredauthentications", "kbdinteractiveauthentication", "pubkeyauthentication",
            "passwordauthentication", "addressfamily", "ciphers", "kexalgorithms", "hostkeyalgorithms",
            "pubkeyacceptedalgorithms", "compression", "tag", "ignoreunknown", "refuseconnection");

    /** Obsolete directives that OpenSSH itself skips, so there is nothing to warn about. */
    private static final Set<String> OBSOLETE = Set.of(
            "protocol", "cipher", "fallbacktorsh", "globalknownhostsfile2", "rhostsauthentication",
            "userknownhostsfile2", "useroaming", "usersh", "useprivilegedport", "afstokenpassing",
            "kerberosauthentication", "kerberostgtpassing", "rsaauthentication", "rhostsrsaauthentication",
            "compressionlevel");

    /** Known to OpenSSH, no effect here: reported through {@link ResolvedHost#unsupported()}. */
    private static final Set<String> NOT_HONOURED = Set.of(
            "proxycommand", "canonicalizehostname", "gssapiauthentication", "gssapidelegatecredentials",
            "pkcs11provider", "forwardagent", "forwardx11", "forwardx11trusted", "forwardx11timeout",
            "exitonforwardfailure", "xauthlocation", "gatewayports", "kbdinteractivedevices",
            "hostbasedauthentication", "addkeystoagent", "macs", "remoteforward", "localforward",
            "permitremoteopen", "escapechar", "checkhostip", "tcpkeepalive", "numberofpasswordprompts",
            "syslogfacility", "loglevel", "logverbose", "dynamicforward", "casignaturealgorithms", "bindaddress",
            "bindinterface", "clearallforwardings", "enablesshkeysign", "verifyhostkeydns",
            "nohostauthenticationforlocalhost", "rekeylimit", "sendenv", "setenv", "controlpath",
            "controlmaster", "controlpersist", "hashknownhosts", "tunnel", "tunneldevice", "localcommand",
            "permitlocalcommand", "remotecommand", "visualhostkey", "ipqos", "requesttty", "sessiontype",
            "stdinnull", "forkafterauthentication", "proxyusefdpass", "canonicaldomains",
            "canonicalizefallbacklocal", "canonicalizemaxdots", "canonicalizepermittedcnames",
            "streamlocalbindmask", "streamlocalbindunlink", "revokedhostkeys", "fingerprinthash",
            "updatehostkeys", "hostbasedacceptedalgorithms", "securitykeyprovider", "knownhostscommand",
            "requiredrsasize", "enableescapecommandline", "obscurekeystroketiming", "channeltimeout",
            "versionaddendum", "warnweakcrypto");

    /** Not honoured, and each line counts (they add up in OpenSSH rather than the first one winning). */
    static final Set<String> ADD_UP = Set.of("localforward", "remoteforward", "dynamicforward", "sendenv");

    enum Kind { HONOURED, OBSOLETE, NOT_HONOURED, UNKNOWN }

    private Keywords() {
    }

    /** The lower-case name with aliases resolved. */
    static String canonical(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    static Kind kind(String canonical) {
        if (HONOURED.contains(canonical)) {
            return Kind.HONOURED;
        }
        if (OBSOLETE.contains(canonical)) {
            return Kind.OBSOLETE;
        }
        return NOT_HONOURED.contains(canonical) ? Kind.NOT_HONOURED : Kind.UNKNOWN;
    }

    /** Why a directive we do not honour has no effect, for the caller's warning. */
    static String whyIgnored(String canonical) {
        return switch (canonical) {
            case "proxycommand" -> "ProxyCommand is not supported, use ProxyJump";
            case "localforward", "remoteforward", "dynamicforward" ->
                    "port forwardings from the SSH configuration are not set up";
            case "canonicalizehostname" -> "host names are not canonicalized; Match canonical blocks apply "
                    + "to the name as written";
            default -> kind(canonical) == Kind.UNKNOWN
                    ? "unknown directive: a typo, or one for another SSH client (IgnoreUnknown silences it)"
                    : "not used by Stagger's SSH client";
        };
    }
}
