package dev.stagger.engine.model.lang.syntax;

import dev.stagger.engine.project.Problem;
import java.util.List;

/**
 * A model file that cannot be used, with every problem found, each naming the file, the key path,
 * the line and column. The message is the problems, one per line, ready to print.
 */
public final class ModelException extends Exception {
    private final List<Problem> problems;

    public ModelException(List<Problem> problems) {
        super(String.join(System.lineSeparator(), problems.stream().map(Problem::toString).toList()), null, false,
                false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ModelException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
