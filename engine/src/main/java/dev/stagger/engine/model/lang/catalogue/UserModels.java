package dev.stagger.engine.model.lang.catalogue;

import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Checker;
import dev.stagger.engine.model.lang.run.Execution;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.model.lang.syntax.ModelException;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models that projects name by file ({@code model: {file: my-model.yaml}}). A file is read and
 * checked when a project naming it is read, and known from then on under the name
 * {@code file:<absolute path>}, so the run assembly, validation and the workbench find it like a
 * built-in model. Reading the file again replaces the earlier version.
 */
public final class UserModels {
    public static final String PREFIX = "file:";
    private static final Map<String, LangModel> LOADED = new ConcurrentHashMap<>();

    private UserModels() {}

    /** The registry name of a model file. */
    public static String nameOf(Path file) {
        return PREFIX + file.toAbsolutePath().normalize();
    }

    /** Reads and checks {@code file}; returns its registry name. */
    public static String load(Path file) throws ModelException {
        CheckedModel checked = Checker.check(ModelReader.read(file));
        String name = nameOf(file);
        LOADED.put(name, new LangModel(checked, Execution.Mode.COMPILED, name));
        return name;
    }

    public static Optional<LangModel> find(String name) {
        return Optional.ofNullable(LOADED.get(name));
    }
}
