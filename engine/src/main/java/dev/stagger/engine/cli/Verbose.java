package dev.stagger.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --verbose} on any command (before a {@code --}, anywhere on the line), or
 * {@code STAGGER_VERBOSE=1}: errors say their whole cause chain and internal errors their stack
 * trace, and commands say what they do as they go (the project read, the plan, the output folder,
 * the mpirun command, every progress line). The ranks of an MPI job inherit it.
 */
public final class Verbose {
    public static final String OPTION = "--verbose";
    /** Set for this process while a command runs with {@code --verbose}; passed on to MPI ranks. */
    public static final String PROPERTY = "stagger.verbose";
    public static final String ENV = "STAGGER_VERBOSE";

    private Verbose() {}

    public static boolean on() {
        String env = System.getenv(ENV);
        return Boolean.getBoolean(PROPERTY) || (env != null && !env.isEmpty() && !env.equals("0"));
    }

    /**
     * {@code args} without {@code --verbose}; when it was there, verbose is on for this process until
     * {@link #off()}. Returns {@code args} itself when it was not.
     */
    public static String[] strip(String[] args) {
        List<String> rest = new ArrayList<>();
        boolean found = false;
        boolean literal = false;
        for (String a : args) {
            if (!literal && a.equals(OPTION)) {
                found = true;
                continue;
            }
            literal |= a.equals("--");
            rest.add(a);
        }
        if (!found) {
            return args;
        }
        System.setProperty(PROPERTY, "true");
        return rest.toArray(String[]::new);
    }

    /** Verbose off again (after the command that turned it on). */
    public static void off() {
        System.clearProperty(PROPERTY);
    }

    /** Says {@code text} as a step of the command, when verbose. */
    public static void note(PrintWriter err, String text) {
        if (on()) {
            err.println("stagger: " + text);
            err.flush();
        }
    }

    /** The cause chain of {@code e}, one line each, when verbose. */
    public static void causes(PrintWriter err, Throwable e) {
        if (!on() || e == null) {
            return;
        }
        for (String line : chain(e)) {
            err.println("stagger:   " + line);
        }
        err.flush();
    }

    /** {@code e} and its causes as lines: "error: TYPE: message", then "caused by: TYPE: message". */
    public static List<String> chain(Throwable e) {
        List<String> lines = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            lines.add((t == e ? "error: " : "caused by: ") + t.getClass().getName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        return lines;
    }
}
