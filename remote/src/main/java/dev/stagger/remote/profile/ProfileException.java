package dev.stagger.remote.profile;

import dev.stagger.engine.project.Problem;
import java.util.List;

/**
 * A profile that cannot be used (or a name that cannot be one), with every problem found, each
 * naming {@code file:line:column} and the key path where it can. Problems use the engine's
 * {@link Problem}, so profile and project mistakes read alike. The message is the problems, one
 * per line, ready to print.
 */
public final class ProfileException extends Exception {
    private final List<Problem> problems;

    public ProfileException(List<Problem> problems) {
        super(String.join(System.lineSeparator(), problems.stream().map(Problem::toString).toList()), null, false,
                false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProfileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One problem with no position: {@code source: message}. */
    public static ProfileException of(String source, String message) {
        return new ProfileException(List.of(new Problem(source, 0, 0, "", message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
