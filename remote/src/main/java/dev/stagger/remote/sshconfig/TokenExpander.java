package dev.stagger.remote.sshconfig;

import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * OpenSSH's expansions: {@code ~/} for the home directory, {@code %x} tokens and {@code ${NAME}} environment
 * references, in one left-to-right pass so that an expanded value is never expanded again.
 */
final class TokenExpander {

    private TokenExpander() {
    }

    /**
     * Expands {@code %x} tokens from {@code tokens} (a null value: a token that exists but has no value on this
     * system) and, when {@code variables} is not null, {@code ${NAME}} references.
     */
    static String expand(String text, Map<Character, String> tokens, Map<String, String> variables,
            ConfigLocation at, String keyword) throws SshConfigException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (variables != null && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                checkReference(text, i, end, at, keyword);
                String name = text.substring(i + 2, end);
                String value = variables.get(name);
                if (value == null) {
                    throw new SshConfigException(at, keyword + " uses ${" + name + "}, which is not set in the "
                            + "environment; set it or write the value");
                }
                out.append(value);
                i = end;
            } else if (c != '%') {
                out.append(c);
            } else if (i + 1 == text.length()) {
                throw new SshConfigException(at, keyword + " '" + text + "' ends with a lone %; write %% for a "
                        + "literal %");
            } else {
                char token = text.charAt(++i);
                if (token == '%') {
                    out.append('%');
                } else if (!tokens.containsKey(token)) {
                    throw new SshConfigException(at, "%" + token + " in " + keyword + " '" + text + "' is not a "
                            + "token " + keyword + " accepts; it accepts " + list(tokens) + ", and %% for a %");
                } else if (tokens.get(token) == null) {
                    throw new SshConfigException(at, "%" + token + " in " + keyword + " has no value on this "
                            + "system; write the value instead");
                } else {
                    out.append(tokens.get(token));
                }
            }
        }
        return out.toString();
    }

    /** Checks the {@code ${NAME}} references of a value without expanding them (done when a file is read). */
    static void checkEnvSyntax(String text, ConfigLocation at, String keyword) throws SshConfigException {
        for (int i = text.indexOf("${"); i >= 0; i = text.indexOf("${", i + 2)) {
            checkReference(text, i, text.indexOf('}', i + 2), at, keyword);
        }
    }

    private static void checkReference(String text, int start, int end, ConfigLocation at, String keyword)
            throws SshConfigException {
        if (end < 0) {
            throw new SshConfigException(at, keyword + " '" + text + "' opens ${ without a closing }");
        }
        if (end == start + 2) {
            throw new SshConfigException(at, keyword + " '" + text + "' has an empty ${}; name a variable");
        }
    }

    /** {@code ~} and {@code ~/path} are the local user's home; {@code ~user/} only for that same user. */
    static String tilde(String path, SshEnvironment env, ConfigLocation at, String keyword)
            throws SshConfigException {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/');
        String user = path.substring(1, slash < 0 ? path.length() : slash);
        if (!user.isEmpty() && !user.equals(env.localUser())) {
            throw new SshConfigException(at, keyword + " '" + path + "': ~" + user + " (another user's home) "
                    + "is not supported; write the full path");
        }
        String rest = slash < 0 ? "" : path.substring(slash).replaceFirst("^/+", "");
        String home = env.home().toString();
        return rest.isEmpty() ? home : home + (home.endsWith("/") ? "" : "/") + rest;
    }

    /** OpenSSH's {@code valid_env_name}: letters, digits and underscores. */
    static boolean isEnvName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c == '_' || (c < 128 && Character.isLetterOrDigit(c)));
    }

    private static String list(Map<Character, String> tokens) {
        return new TreeSet<>(tokens.keySet()).stream().map(t -> "%" + t).collect(Collectors.joining(", "));
    }
}
