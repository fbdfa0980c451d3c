package dev.stagger.remote.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for the remote POSIX shell. Every remote command Stagger runs is built from an argument
 * list through here: names and paths with spaces, quotes, {@code $(...)} or {@code ;} stay data.
 */
public final class ShellQuote {
    private ShellQuote() {}

    /** One argument, single-quoted unless it is made only of characters no shell treats specially. */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot hold a NUL character");
        }
        if (!argument.isEmpty() && argument.chars().allMatch(ShellQuote::plain)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** A command line: each argument quoted, joined by spaces. */
    public static String command(List<String> arguments) {
        return arguments.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    /** A command line from arguments. */
    public static String command(String... arguments) {
        return command(List.of(arguments));
    }

    /**
     * A path that may start with {@code ~/} or {@code $VAR/} (a profile's work root): the leading
     * part is left for the shell to expand, the rest quoted.
     */
    public static String path(String path) {
        if (path.equals("~")) {
            return "\"$HOME\"";
        }
        if (path.startsWith("~/")) {
            return "\"$HOME\"/" + quote(path.substring(2));
        }
        if (path.startsWith("$")) {
            int end = 1;
            boolean braced = path.length() > 1 && path.charAt(1) == '{';
            if (braced) {
                end = path.indexOf('}');
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ${ in " + path);
                }
                end++;
            } else {
                while (end < path.length() && (Character.isLetterOrDigit(path.charAt(end)) || path.charAt(end) == '_')) {
                    end++;
                }
            }
            String variable = path.substring(0, end);
            String name = braced ? variable.substring(2, variable.length() - 1) : variable.substring(1);
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                throw new IllegalArgumentException("not a variable name in " + path);
            }
            String rest = path.substring(end);
            return "\"${" + name + "}\"" + (rest.isEmpty() ? "" : quote(rest));
        }
        return quote(path);
    }

    private static boolean plain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == '/' || c == ',' || c == ':' || c == '@'
                || c == '+' || c == '%';
    }
}
