package dev.stagger.gui.common.action;

import java.util.Set;

/**
 * Mnemonic marks in command texts, read the way JavaFX reads them: the first {@code _x} marks
 * {@code x} (Alt+X in an open menu); before it {@code __} is a literal underscore, after it the
 * text is taken as it stands.
 */
public final class Mnemonics {
    private Mnemonics() {}

    /** The marked character, lower case, or 0 when {@code text} has no mnemonic. */
    public static char key(String text) {
        int at = markAt(text);
        return at < 0 ? 0 : Character.toLowerCase(text.charAt(at + 1));
    }

    public static boolean has(String text) {
        return key(text) != 0;
    }

    /** The text as a menu shows it: without the mark, with escaped underscores before it made single. */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (escaped(text, i)) {
                s.append('_');
                i += 2;
            } else if (simpleMark(text, i)) {
                s.append(text, i + 1, text.length());
                return s.toString();
            } else {
                s.append(text.charAt(i++));
            }
        }
        return s.toString();
    }

    /**
     * {@code text} (a name that comes from elsewhere: a run target's) with a mnemonic on the first
     * letter of a word whose key {@code taken} does not hold yet, else on any such letter or digit,
     * else none; the chosen key goes into {@code taken}. Underscores of the name stay underscores.
     */
    public static String mark(String text, Set<Character> taken) {
        int at = -1;
        for (int i = 0; i < text.length() && at < 0; i++) {
            boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            if (wordStart && free(text.charAt(i), taken)) {
                at = i;
            }
        }
        for (int i = 0; i < text.length() && at < 0; i++) {
            if (free(text.charAt(i), taken)) {
                at = i;
            }
        }
        if (at < 0) {
            return text.replace("_", "__");
        }
        taken.add(Character.toLowerCase(text.charAt(at)));
        // before the mark an underscore must be doubled; after it JavaFX shows the text as it is
        return text.substring(0, at).replace("_", "__") + "_" + text.substring(at);
    }

    private static boolean free(char c, Set<Character> taken) {
        return Character.isLetterOrDigit(c) && c < 128 && !taken.contains(Character.toLowerCase(c));
    }

    /** Where the first mark's underscore is, or -1. */
    private static int markAt(String text) {
        if (text == null) {
            return -1;
        }
        int i = 0;
        while (i < text.length()) {
            if (escaped(text, i)) {
                i += 2;
            } else if (simpleMark(text, i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean escaped(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == '_';
    }

    /** {@code _x} with x neither an underscore nor white space (JavaFX's extended {@code _(x)} form is not used here). */
    private static boolean simpleMark(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '_' && s.charAt(i + 1) != '_'
                && !Character.isWhitespace(s.charAt(i + 1));
    }
}
