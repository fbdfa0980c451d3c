package dev.stagger.engine.project;

import java.util.List;

/**
 * A project that cannot be used, with every problem found (not only the first), sorted by
 * position. The message is the problems, one per line, ready to print.
 */
public final class ProjectException extends Exception {
    private final List<Problem> problems;

    public ProjectException(List<Problem> problems) {
        super(String.join(System.lineSeparator(), problems.stream().map(Problem::toString).toList()), null, false,
                false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProjectException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
