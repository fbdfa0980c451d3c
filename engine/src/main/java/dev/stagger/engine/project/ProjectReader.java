package dev.stagger.engine.project;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads project files. Only the node tree is composed (never Java objects), so every value keeps
 * its line and column and no YAML tag can instantiate a class. All problems, structural and
 * semantic, are reported together in a {@link ProjectException}.
 */
public final class ProjectReader {
    /** Project files are small; a larger "project" is a mistake (or an alias bomb). */
    private static final int MAX_CHARS = 1 << 20;

    private ProjectReader() {}

    public static LoadedProject read(Path file) throws ProjectException {
        return read(file, List.of());
    }

    /** Reads {@code file}, applying {@code KEY=VALUE} overrides first. Problems name the file by its name. */
    public static LoadedProject read(Path file, List<String> overrides) throws ProjectException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw single(source, 0, "the file is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw single(file.toString(), 0, "no such file; check the path");
        } catch (IOException e) {
            throw single(file.toString(), 0, "cannot read the file: " + e.getMessage());
        }
        java.nio.file.Path dir = file.toAbsolutePath().getParent();
        return parse(text, source, overrides, dir);
    }

    /** Parses project text; {@code sourceName} is what problems call it (a file name, "editor"). */
    public static LoadedProject parse(String yamlText, String sourceName, List<String> overrides)
            throws ProjectException {
        return parse(yamlText, sourceName, overrides, null);
    }

    /** As {@link #parse(String, String, List)}, with model files found relative to {@code baseDir}. */
    public static LoadedProject parse(String yamlText, String sourceName, List<String> overrides,
            java.nio.file.Path baseDir) throws ProjectException {
        try {
            return parseUnguarded(yamlText, sourceName, overrides, baseDir);
        } catch (StackOverflowError e) {
            // The last resort: YAML and expressions have nesting limits far below any stack's end, so
            // this means a thread with a tiny stack; the user still gets a message, not a trace.
            throw single(sourceName, 0, "the project is nested too deeply to read; simplify it");
        }
    }

    private static LoadedProject parseUnguarded(String yamlText, String sourceName, List<String> overrides,
            java.nio.file.Path baseDir) throws ProjectException {
        if (yamlText.length() > MAX_CHARS) {
            throw single(sourceName, 0, "the file has " + yamlText.length() + " characters; a project file is at most "
                    + MAX_CHARS);
        }
        Yaml yaml = yaml();
        Node root;
        try {
            root = yaml.compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = "invalid YAML: " + e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
            throw new ProjectException(List.of(mark == null ? new Problem(sourceName, 0, 0, "", message)
                    : new Problem(sourceName, mark.getLine() + 1, mark.getColumn() + 1, "", message)));
        } catch (YAMLException e) {
            throw single(sourceName, 0, "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ProjectException(List.of(new Problem(sourceName, 1, 1, "",
                    "the file is empty; a project needs at least format, title, grid, model, fields and run")));
        }
        Origins origins = new Origins(sourceName, yamlText);
        List<Problem> overrideProblems = new ArrayList<>();
        if (root instanceof MappingNode mapping) {
            Overrides.apply(mapping, overrides, yaml, origins, overrideProblems);
        }
        NodeReader reader = new NodeReader(origins);
        Project project = new ProjectParser(reader).baseDir(baseDir).parse(root);
        List<Problem> problems = new ArrayList<>(overrideProblems);
        problems.addAll(reader.problems());
        SourceMap map = reader.sourceMap();
        if (project != null) {
            problems.addAll(ProjectValidator.validate(project, map, reader.broken()));
        }
        if (!problems.isEmpty()) {
            problems.sort(ProjectValidator.byPosition());
            throw new ProjectException(problems);
        }
        return new LoadedProject(project, map);
    }

    /**
     * The project the text describes, read without validating it (an edited project in the workbench
     * may have problems and still be saved), or null when its structure or types cannot be read.
     */
    static Project structure(String yamlText) {
        if (yamlText.length() > MAX_CHARS) {
            return null;
        }
        try {
            Node root = yaml().compose(new StringReader(yamlText));
            if (root == null) {
                return null;
            }
            NodeReader reader = new NodeReader(new Origins("text", yamlText));
            Project project = new ProjectParser(reader).parse(root);
            return reader.problems().isEmpty() ? project : null;
        } catch (YAMLException | StackOverflowError e) {
            return null;
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(4 * MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static ProjectException single(String source, int line, String message) {
        return new ProjectException(List.of(new Problem(source, line, line == 0 ? 0 : 1, "", message)));
    }
}
