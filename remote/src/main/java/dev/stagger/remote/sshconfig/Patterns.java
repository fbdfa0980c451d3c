package dev.stagger.remote.sshconfig;

import java.util.Locale;

/** OpenSSH's pattern matching ({@code match.c}): {@code *} and {@code ?} wildcards, comma lists with {@code !}. */
final class Patterns {

    private Patterns() {
    }

    /** Whether {@code pattern} ({@code *} any run, {@code ?} any one character) matches all of {@code text}. */
    static boolean matches(String text, String pattern) {
        // iterative wildcard matching with one backtrack point: linear enough for host names
        int t = 0;
        int p = 0;
        int starAt = -1;
        int textAtStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                textAtStar = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The outcome of a comma list: a {@code !} entry that matches vetoes, as in {@code match_pattern_list}. */
    enum ListMatch { NEGATED, NONE, POSITIVE }

    /**
     * Matches {@code text} against a comma-separated list such as {@code *.example.org,!bastion.example.org}.
     * With {@code lowerPatterns} the patterns are lower-cased first (host names and keywords).
     */
    static ListMatch matchList(String text, String patternList, boolean lowerPatterns) {
        boolean positive = false;
        for (String entry : patternList.split(",", -1)) {
            boolean negated = entry.startsWith("!");
            String pattern = negated ? entry.substring(1) : entry;
            if (lowerPatterns) {
                pattern = pattern.toLowerCase(Locale.ROOT);
            }
            if (matches(text, pattern)) {
                if (negated) {
                    return ListMatch.NEGATED;
                }
                positive = true;
            }
        }
        return positive ? ListMatch.POSITIVE : ListMatch.NONE;
    }

    /** {@code match_hostname}: the host is compared in lower case, patterns too. */
    static boolean matchesHostList(String host, String patternList) {
        return matchList(host.toLowerCase(Locale.ROOT), patternList, true) == ListMatch.POSITIVE;
    }

    /** User names compare case-sensitively, as in OpenSSH. */
    static boolean matchesList(String text, String patternList) {
        return matchList(text, patternList, false) == ListMatch.POSITIVE;
    }
}
