package dev.stagger.engine.project;

/**
 * One mistake in a project, where it is and what to do about it. {@code line} and {@code column}
 * are 1-based; 0 when the project did not come from a file (an edited project in the workbench).
 */
public record Problem(String source, int line, int column, String keyPath, String message) {

    /** {@code diffusion-2d.yaml:12:5: grid.cells[1]: expected a whole number >= 1, got -3} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            s.append(keyPath).append(": ");
        }
        return s.append(message).toString();
    }
}
