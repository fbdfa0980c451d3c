package dev.stagger.remote.profile;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Profile names. A name becomes a file name ({@code NAME.yaml}) and the first part of run ids
 * ({@code hpc1/diffusion-2d-20261129-1652-7f3a}), so it is kept to characters that are safe in
 * both, in shells and in URLs, and cannot climb out of the profiles folder.
 */
public final class ProfileNames {
    public static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private ProfileNames() {}

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Why {@code name} cannot be a profile name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (isValid(name)) {
            return Optional.empty();
        }
        if (name == null || name.isEmpty()) {
            return Optional.of("a profile needs a name, such as hpc1");
        }
        if (name.endsWith(".yaml") && isValid(name.substring(0, name.length() - 5))) {
            return Optional.of("'" + name + "' is a file name; the profile's name is '"
                    + name.substring(0, name.length() - 5) + "'");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("the profile name has " + name.length() + " characters; at most " + MAX_LENGTH);
        }
        return Optional.of("'" + printable(name) + "' cannot be a profile name: use letters, digits, '.', '_' and '-',"
                + " starting with a letter or digit (it becomes a file name and part of run ids)");
    }

    /** Control characters shown escaped, so a message never garbles the terminal. */
    static String printable(String text) {
        return dev.stagger.engine.yaml.YamlValues.printable(text);
    }
}
