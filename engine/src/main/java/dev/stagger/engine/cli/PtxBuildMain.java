package dev.stagger.engine.cli;

import dev.stagger.engine.model.lang.cuda.PtxBuild;
import java.nio.file.Path;

/**
 * The build step that compiles the built-in models to PTX (engine/pom.xml, phase
 * prepare-package): {@code PtxBuildMain CLASSES WORK}. Skipped with a message where there is no nvcc.
 */
public final class PtxBuildMain {
    private PtxBuildMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PtxBuildMain CLASSES_DIR WORK_DIR");
        }
        for (String line : PtxBuild.build(Path.of(args[0]), Path.of(args[1]))) {
            System.out.println("[stagger] PTX: " + line);
        }
    }
}
