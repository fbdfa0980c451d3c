package dev.stagger.engine.project;

import dev.stagger.engine.field.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Converts a YAML node tree into a {@link Project}, checking structure and types. Unusable values
 * become harmless placeholders (and their paths are marked broken), so the result can still be
 * validated and the user sees every problem in one go.
 */
final class ProjectParser {
    private final NodeReader in;

    private java.nio.file.Path baseDir;

    /** The folder relative model files are found in (the project file's own). */
    ProjectParser baseDir(java.nio.file.Path dir) {
        this.baseDir = dir;
        return this;
    }

    ProjectParser(NodeReader in) {
        this.in = in;
    }

    Project parse(Node root) {
        SourceMap.Position top = new SourceMap.Position(in.sourceMap().source(), 1, 1);
        Map<String, Node> doc = in.mapping(root, "", ProjectSchema.TOP,
                List.of("format", "title", "grid", "model", "run"), top);
        if (doc == null) {
            return null;
        }
        format(doc.get("format"));
        String title = title(doc.get("title"));
        Node description = doc.get("description");
        String descriptionText = description == null ? null : in.text(description, "description", "a paragraph of text");
        GridSpec grid = new GridParser(in).parse(doc.get("grid"), keyAt("grid"));
        ModelSpec model = model(doc.get("model"));
        Map<String, FieldSetup> fields = new FieldsParser(in).parse(doc.get("fields"));
        RunSpec run = run(doc.get("run"));
        OutputSpec output = output(doc.get("output"));
        return new Project(title, descriptionText, grid, model, fields, run, output);
    }

    private SourceMap.Position keyAt(String path) {
        return in.sourceMap().locateKey(path);
    }

    private void format(Node node) {
        if (node == null) {
            return;
        }
        Long version = in.whole(node, "format", 1);
        if (version != null && version != Project.FORMAT) {
            in.problem(node, "format", "unsupported format version " + version + "; this version of Stagger reads format "
                    + Project.FORMAT);
        }
    }

    private String title(Node node) {
        if (node == null) {
            return "";
        }
        String title = in.text(node, "title", "a short title");
        if (title == null) {
            return "";
        }
        if (title.isBlank()) {
            in.problem(node, "title", "the title is empty; give the project a short name");
        } else if (title.length() > ProjectSchema.MAX_TITLE) {
            in.problem(node, "title", "the title has " + title.length() + " characters; keep it under "
                    + ProjectSchema.MAX_TITLE + " and put details in description");
        }
        return title;
    }

    private ModelSpec model(Node node) {
        if (node == null) {
            return new ModelSpec("", Map.of());
        }
        Map<String, Node> entries = in.mapping(node, "model", ProjectSchema.MODEL, List.of(), keyAt("model"));
        if (entries == null) {
            return new ModelSpec("", Map.of());
        }
        String name = entries.containsKey("name") ? in.text(entries.get("name"), "model.name", "a model name") : null;
        String file = null;
        if (entries.containsKey("file")) {
            file = in.text(entries.get("file"), "model.file", "the path of a model file");
            if (name != null) {
                in.problem(entries.get("file"), "model.file", "give either model.name (a built-in model) or model.file"
                        + " (a model file), not both");
                name = null;
            } else if (file != null) {
                name = modelFile(file, entries.get("file"));
            }
        } else if (name == null) {
            in.problem(keyAt("model"), "model.name", "missing required key 'name' (a built-in model; see stagger models)"
                    + " or 'file' (a model file)");
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        Node parameterNode = entries.get("parameters");
        if (parameterNode != null) {
            Map<String, Node> given = in.mapping(parameterNode, "model.parameters", null, List.of(),
                    keyAt("model.parameters"));
            if (given != null) {
                given.forEach((key, value) -> {
                    Double number = in.number(value, "model.parameters." + key, "a number");
                    if (number != null) {
                        parameters.put(key, number);
                    }
                });
            }
        }
        return new ModelSpec(name == null ? "" : name, parameters, file);
    }

    /**
     * Reads and checks the model file a project names, relative to the project's folder; its own
     * problems are reported with its own name, line and column. Returns its registry name.
     */
    private String modelFile(String file, Node node) {
        java.nio.file.Path path = baseDir == null ? java.nio.file.Path.of(file) : baseDir.resolve(file);
        try {
            return dev.stagger.engine.model.lang.catalogue.UserModels.load(path);
        } catch (dev.stagger.engine.model.lang.syntax.ModelException e) {
            in.problem(node, "model.file", "the model file " + file + " has " + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + " (listed with its name); check it with stagger models"
                    + " --file " + file);
            for (Problem p : e.problems()) {
                in.foreign(p);
            }
            return null;
        } catch (java.nio.file.InvalidPathException e) {
            in.problem(node, "model.file", "not a valid path: " + e.getMessage());
            return null;
        }
    }

    private RunSpec run(Node node) {
        RunSpec placeholder = new RunSpec(1L, null, null, null, Precision.F64);
        if (node == null) {
            return placeholder;
        }
        Map<String, Node> entries = in.mapping(node, "run", ProjectSchema.RUN, List.of(), keyAt("run"));
        if (entries == null) {
            return placeholder;
        }
        Long steps = entries.containsKey("steps") ? in.whole(entries.get("steps"), "run.steps", 1) : null;
        Double endTime = entries.containsKey("end_time") ? in.positive(entries.get("end_time"), "run.end_time") : null;
        if (entries.containsKey("steps") && entries.containsKey("end_time")) {
            in.problem(entries.get("end_time"), "run.end_time",
                    "give either run.steps or run.end_time, not both");
        } else if (!entries.containsKey("steps") && !entries.containsKey("end_time")) {
            in.problem(keyAt("run"), "run", "missing run.steps or run.end_time: say how long to run");
        }
        Double dt = null;
        Node dtNode = entries.get("dt");
        if (dtNode != null && !NodeReader.isWord(dtNode, "auto")) {
            dt = in.number(dtNode, "run.dt", "auto or a positive number");
            if (dt != null && !(dt > 0)) {
                in.problem(dtNode, "run.dt", "expected auto or a positive number, got " + NodeReader.describe(dtNode));
                dt = null;
            }
        }
        Integer threads = null;
        Node threadsNode = entries.get("threads");
        if (threadsNode != null && !NodeReader.isWord(threadsNode, "auto")) {
            threads = in.wholeInt(threadsNode, "run.threads", 1);
        }
        Precision precision = Precision.F64;
        Node precisionNode = entries.get("precision");
        if (precisionNode != null) {
            String text = in.text(precisionNode, "run.precision", "f64 or f32");
            Precision parsed = text == null ? null : Precision.parse(text);
            if (text != null && parsed == null) {
                in.problem(precisionNode, "run.precision", "expected f64 or f32, got " + NodeReader.describe(precisionNode));
            }
            precision = parsed == null ? Precision.F64 : parsed;
        }
        dev.stagger.engine.backend.Backend backend = dev.stagger.engine.backend.Backend.CPU;
        Node backendNode = entries.get("backend");
        if (backendNode != null) {
            String text = in.text(backendNode, "run.backend", "cpu, cuda or auto");
            dev.stagger.engine.backend.Backend parsed = text == null ? null
                    : dev.stagger.engine.backend.Backend.parse(text);
            if (text != null && parsed == null) {
                in.problem(backendNode, "run.backend", "expected cpu, cuda or auto, got "
                        + NodeReader.describe(backendNode));
            }
            backend = parsed == null ? dev.stagger.engine.backend.Backend.CPU : parsed;
        }
        return new RunSpec(steps == null && endTime == null ? Long.valueOf(1) : steps, steps == null ? endTime : null,
                dt, threads, precision, backend);
    }

    private OutputSpec output(Node node) {
        if (node == null) {
            return OutputSpec.FINAL_STATE_ONLY;
        }
        Map<String, Node> entries = in.mapping(node, "output", ProjectSchema.OUTPUT, List.of(), keyAt("output"));
        if (entries == null) {
            return OutputSpec.FINAL_STATE_ONLY;
        }
        // the run counts output steps in an int: a larger interval is a problem here, not an overflow later
        Integer everyInt = entries.containsKey("every") ? in.wholeInt(entries.get("every"), "output.every", 0) : null;
        Long every = everyInt == null ? null : everyInt.longValue();
        List<String> fields = null;
        if (entries.containsKey("fields")) {
            List<Node> items = in.list(entries.get("fields"), "output.fields", "a list of field names, like [C]");
            if (items != null) {
                fields = new java.util.ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    String name = in.text(items.get(i), "output.fields[" + i + "]", "a field name");
                    if (name != null) {
                        fields.add(name);
                    }
                }
            }
        }
        Long checkpointEvery = entries.containsKey("checkpoint_every")
                ? in.whole(entries.get("checkpoint_every"), "output.checkpoint_every", 0) : null;
        return new OutputSpec(every == null ? 0 : every, fields, checkpointEvery == null ? 0 : checkpointEvery);
    }
}
