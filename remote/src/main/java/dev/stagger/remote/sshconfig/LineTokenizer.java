package dev.stagger.remote.sshconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configuration line the way OpenSSH does ({@code strdelim} then {@code argv_split}): a keyword, then
 * {@code keyword value} or {@code keyword=value}; arguments separated by blanks, {@code "..."} or {@code '...'}
 * quoting, backslash escapes of quotes, backslash and blank, and a {@code #} at the start of an argument
 * ending the line.
 */
final class LineTokenizer {

    /** A line split into its keyword (as written), its arguments and the raw text after the keyword. */
    record Tokens(String keyword, List<String> args, String rest) {
    }

    /** Thrown for a line that has a keyword but no valid arguments; the caller adds file and line. */
    static final class BadLine extends Exception {
        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    private LineTokenizer() {
    }

    /** Null for blank lines and comments. */
    static Tokens split(String line) throws BadLine {
        String text = stripTrailingBlanks(line);
        int i = skipBlanks(text, 0);
        if (i == text.length() || text.charAt(i) == '#') {
            return null;
        }
        int keywordEnd = i;
        while (keywordEnd < text.length() && !isBlank(text.charAt(keywordEnd)) && text.charAt(keywordEnd) != '='
                && text.charAt(keywordEnd) != '"') {
            keywordEnd++;
        }
        String keyword = text.substring(i, keywordEnd);
        // one '=' may separate keyword and value, with blanks on either side
        int valueStart = skipBlanks(text, keywordEnd);
        if (valueStart < text.length() && text.charAt(valueStart) == '=') {
            valueStart = skipBlanks(text, valueStart + 1);
        }
        String rest = text.substring(valueStart);
        if (rest.isEmpty()) {
            throw new BadLine("no value after \"" + keyword + "\"; write \"" + keyword + " VALUE\" or delete the line");
        }
        return new Tokens(keyword, splitArguments(rest), rest);
    }

    private static List<String> splitArguments(String text) throws BadLine {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (true) {
            i = skipBlanks(text, i);
            if (i >= text.length() || text.charAt(i) == '#') {
                return args;
            }
            StringBuilder arg = new StringBuilder();
            char quote = 0;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (c == '\\' && (next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' '))) {
                    arg.append(next);
                    i++;
                } else if (quote == 0 && isBlank(c)) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            if (quote != 0) {
                throw new BadLine("a " + (quote == '"' ? "double" : "single") + " quote is not closed; close it, "
                        + "or write \\" + quote + " for a literal quote");
            }
            args.add(arg.toString());
        }
    }

    private static String stripTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && (isBlank(line.charAt(end - 1)) || line.charAt(end - 1) == '\f')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
