package dev.stagger.engine.project;

import java.util.Collection;

/** "Did you mean" suggestions for misspelt names, by edit distance (project files, cluster profiles). */
public final class Hints {
    private Hints() {}

    /** The closest candidate within a small edit distance of {@code given}, or null. */
    public static String closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            // two edits catch typos and swapped letters; more would suggest unrelated words for short keys
            if (d < bestDistance && d <= Math.min(2, Math.max(1, candidate.length() / 3))) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** "; did you mean 'extent'?" or "" when nothing is close. */
    public static String didYouMean(String given, Collection<String> candidates) {
        String best = closest(given, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
