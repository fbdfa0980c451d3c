package dev.stagger.remote.sshconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The values of OpenSSH's {@code %} tokens for one connection ({@code DEFAULT_CLIENT_PERCENT_EXPAND_ARGS}):
 * {@code %C %d %h %i %j %k %L %l %n %p %r %u}. {@code remoteUser} null leaves out {@code %r} and {@code %C},
 * which is what {@code User} itself may use.
 */
record ConnectionTokens(String host, String alias, int port, String remoteUser, String keyAlias, String jumpHost) {

    Map<Character, String> values(SshEnvironment env) {
        Map<Character, String> tokens = new HashMap<>();
        tokens.put('L', env.localHostShort());
        tokens.put('i', env.uid() >= 0 ? Long.toString(env.uid()) : null);
        tokens.put('k', keyAlias);
        tokens.put('l', env.localHost());
        tokens.put('n', alias);
        tokens.put('p', Integer.toString(port));
        tokens.put('d', env.home().toString());
        tokens.put('h', host);
        tokens.put('u', env.localUser());
        tokens.put('j', jumpHost);
        if (remoteUser != null) {
            tokens.put('C', connectionHash(env.localHost() + host + port + remoteUser + jumpHost));
            tokens.put('r', remoteUser);
        }
        return tokens;
    }

    /** {@code %C}: SHA-1 of %l%h%p%r%j in hex, as OpenSSH's {@code ssh_connection_hash}. */
    static String connectionHash(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** The tokens {@code ProxyJump} accepts: %%, %h, %n, %p and %r. */
    Map<Character, String> jumpValues() {
        return Map.of('h', host, 'n', alias, 'p', Integer.toString(port), 'r', remoteUser);
    }
}
