package dev.stagger.remote.cli.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's editor, from {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}, run on the
 * terminal Stagger runs on. As in git, the variable is a shell snippet ({@code code --wait},
 * {@code emacs -nw}); the file name is handed to that shell as an argument, never spliced into it.
 */
public final class ExternalEditor implements FileEditor {
    private final String command;

    public ExternalEditor(String command) {
        this.command = command;
    }

    public static ExternalEditor fromEnvironment() {
        return new ExternalEditor(choose(System.getenv()));
    }

    static String choose(Map<String, String> env) {
        for (String variable : List.of("VISUAL", "EDITOR")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "vi";
    }

    public String command() {
        return command;
    }

    @Override
    public int edit(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(commandLine(command, file, isWindows())).inheritIO().start();
        return process.waitFor();
    }

    /** {@code sh -c 'EDITOR "$@"' EDITOR FILE}; on Windows, with no sh, the words of the variable. */
    static List<String> commandLine(String command, Path file, boolean windows) {
        List<String> line = new ArrayList<>();
        if (windows) {
            line.addAll(List.of(command.split("\\s+")));
            line.add(file.toString());
        } else {
            line.addAll(List.of("sh", "-c", command + " \"$@\"", command, file.toString()));
        }
        return line;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
