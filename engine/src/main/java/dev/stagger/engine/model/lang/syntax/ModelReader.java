package dev.stagger.engine.model.lang.syntax;

import dev.stagger.engine.model.lang.syntax.ModelFile.BoundarySpec;
import dev.stagger.engine.model.lang.syntax.ModelFile.Definition;
import dev.stagger.engine.model.lang.syntax.ModelFile.FieldDecl;
import dev.stagger.engine.model.lang.syntax.ModelFile.FixedBoundary;
import dev.stagger.engine.model.lang.syntax.ModelFile.Kernel;
import dev.stagger.engine.model.lang.syntax.ModelFile.Parameter;
import dev.stagger.engine.model.lang.syntax.ModelFile.Pos;
import dev.stagger.engine.model.lang.syntax.ModelFile.Reduction;
import dev.stagger.engine.model.lang.syntax.ModelFile.Step;
import dev.stagger.engine.model.lang.syntax.ModelFile.Text;
import dev.stagger.engine.project.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a model file (YAML) into a {@link ModelFile}. Only the node tree is composed, so every value
 * keeps its line and column; unknown keys, missing keys and wrong types are all reported together,
 * each as {@code file:line:column: key.path: what is wrong}. Expressions are parsed here too, so
 * a syntax error points at its very column in the file.
 */
public final class ModelReader {
    public static final int FORMAT = 1;
    private static final int MAX_CHARS = 1 << 20;
    private static final List<String> TOP = List.of("format", "name", "title", "summary", "dims", "parameters",
            "constants", "stable_dt", "fields", "derived", "kernels", "reductions", "scalars", "init", "step");
    private static final Pattern RANGE = Pattern.compile(
            "\\s*([\\[(])\\s*(-?inf|[-+0-9.eE]+)\\s*,\\s*(-?inf|[-+0-9.eE]+)\\s*([\\])])\\s*");
    private static final Pattern BC = Pattern.compile("(dirichlet|neumann)(?:\\(\\s*([-+0-9.eE]+)\\s*\\))?");

    private final String source;
    private final String fileText;
    private final List<Problem> problems = new ArrayList<>();

    private ModelReader(String source, String fileText) {
        this.source = source;
        this.fileText = fileText;
    }

    public static ModelFile read(Path file) throws ModelException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw single(file.toString(), "no such model file; check the path");
        } catch (IOException e) {
            throw single(file.toString(), "cannot read the model file: " + e.getMessage());
        }
        return parse(text, source);
    }

    public static ModelFile parse(String yamlText, String source) throws ModelException {
        if (yamlText.length() > MAX_CHARS) {
            throw single(source, "the file has " + yamlText.length() + " characters; a model file is at most " + MAX_CHARS);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = "invalid YAML: " + e.getProblem();
            throw new ModelException(List.of(mark == null ? new Problem(source, 0, 0, "", message)
                    : new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, "", message)));
        } catch (YAMLException e) {
            throw single(source, "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ModelException(List.of(new Problem(source, 1, 1, "",
                    "the file is empty; a model needs at least format, name, dims, fields, kernels and step")));
        }
        ModelReader reader = new ModelReader(source, yamlText);
        ModelFile model = reader.model(root);
        if (!reader.problems.isEmpty()) {
            throw new ModelException(sorted(reader.problems));
        }
        return model;
    }

    public static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return copy;
    }

    private static ModelException single(String source, String message) {
        return new ModelException(List.of(new Problem(source, 0, 0, "", message)));
    }

    private ModelFile model(Node root) {
        Map<String, Node> top = mapping(root, "", TOP, List.of("format", "name", "dims", "fields", "kernels", "step"));
        if (top == null) {
            return null;
        }
        Long format = top.containsKey("format") ? whole(top.get("format"), "format", 1) : null;
        if (format != null && format != FORMAT) {
            problem(top.get("format"), "format", "this Stagger reads model format " + FORMAT + ", the file says " + format);
        }
        String name = top.containsKey("name") ? word(top.get("name"), "name") : null;
        String title = top.containsKey("title") ? text(top.get("title"), "title") : name;
        String summary = top.containsKey("summary") ? text(top.get("summary"), "summary") : "";
        Long dimsValue = top.containsKey("dims") ? whole(top.get("dims"), "dims", 1) : null;
        int dims = 0;
        if (dimsValue != null) {
            if (dimsValue > 3) {
                problem(top.get("dims"), "dims", "expected 1, 2 or 3 dimensions, got " + dimsValue);
            } else {
                dims = dimsValue.intValue();
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        if (top.containsKey("parameters")) {
            Map<String, Node> entries = mapping(top.get("parameters"), "parameters", null, List.of());
            if (entries != null) {
                entries.forEach((key, node) -> {
                    Parameter p = parameter(key, node, "parameters." + key);
                    if (p != null) {
                        parameters.add(p);
                    }
                });
            }
        }
        List<Definition> constants = definitions(top, "constants");
        Text stableDt = top.containsKey("stable_dt") ? expressionText(top.get("stable_dt"), "stable_dt") : null;
        List<FieldDecl> fields = new ArrayList<>();
        if (top.containsKey("fields")) {
            Map<String, Node> entries = mapping(top.get("fields"), "fields", null, List.of());
            if (entries != null) {
                entries.forEach((key, node) -> {
                    FieldDecl f = field(key, node, "fields." + key);
                    if (f != null) {
                        fields.add(f);
                    }
                });
            }
        }
        List<Definition> derived = definitions(top, "derived");
        List<Kernel> kernels = new ArrayList<>();
        if (top.containsKey("kernels")) {
            Map<String, Node> entries = mapping(top.get("kernels"), "kernels", null, List.of());
            if (entries != null) {
                entries.forEach((key, node) -> {
                    Kernel k = kernel(key, node, "kernels." + key);
                    if (k != null) {
                        kernels.add(k);
                    }
                });
            }
        }
        List<Reduction> reductions = new ArrayList<>();
        if (top.containsKey("reductions")) {
            Map<String, Node> entries = mapping(top.get("reductions"), "reductions", null, List.of());
            if (entries != null) {
                entries.forEach((key, node) -> {
                    Reduction r = reduction(key, node, "reductions." + key);
                    if (r != null) {
                        reductions.add(r);
                    }
                });
            }
        }
        List<Definition> scalars = definitions(top, "scalars");
        List<Step> init = top.containsKey("init") ? steps(top.get("init"), "init") : List.of();
        List<Step> step = top.containsKey("step") ? steps(top.get("step"), "step") : List.of();
        return new ModelFile(source, name, title, summary, dims, parameters, constants, stableDt, fields, derived,
                kernels, reductions, scalars, init, step);
    }

    private List<Definition> definitions(Map<String, Node> top, String key) {
        List<Definition> result = new ArrayList<>();
        if (!top.containsKey(key)) {
            return result;
        }
        Map<String, Node> entries = mapping(top.get(key), key, null, List.of());
        if (entries != null) {
            entries.forEach((name, node) -> {
                Text t = expressionText(node, key + "." + name);
                if (t != null) {
                    result.add(new Definition(name, t));
                }
            });
        }
        return result;
    }

    private Parameter parameter(String name, Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("unit", "default", "range", "help"), List.of("default"));
        if (m == null) {
            return null;
        }
        Double def = m.containsKey("default") ? number(m.get("default"), path + ".default") : null;
        String unit = m.containsKey("unit") ? text(m.get("unit"), path + ".unit") : "";
        String help = m.containsKey("help") ? text(m.get("help"), path + ".help") : "";
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        boolean minExclusive = false;
        if (m.containsKey("range")) {
            String range = text(m.get("range"), path + ".range");
            Matcher r = range == null ? null : RANGE.matcher(range);
            if (r == null || !r.matches()) {
                if (range != null) {
                    problem(m.get("range"), path + ".range", "expected an interval such as \"(0, inf)\" or \"[0, 1]\", got \""
                            + range + "\"");
                }
            } else {
                min = bound(r.group(2));
                max = bound(r.group(3));
                minExclusive = r.group(1).equals("(") && Double.isFinite(min);
                if (!(min <= max)) {
                    problem(m.get("range"), path + ".range", "the lower end " + r.group(2) + " is above the upper end "
                            + r.group(3));
                    return null;
                }
            }
        }
        if (def == null) {
            return null;
        }
        if (def < min || def > max || (minExclusive && def == min)) {
            problem(m.get("default"), path + ".default", "the default " + def + " lies outside the range of " + name);
            return null;
        }
        return new Parameter(name, unit == null ? "" : unit, def, min, max, minExclusive, help == null ? "" : help,
                path, pos(node));
    }

    private static double bound(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private FieldDecl field(String name, Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("kind", "at", "prognostic", "boundary", "output", "unit",
                "help"), List.of());
        if (m == null) {
            return null;
        }
        String kind = m.containsKey("kind") ? oneOf(m.get("kind"), path + ".kind", List.of("scalar", "vector", "tensor"))
                : "scalar";
        List<String> at = null;
        if (m.containsKey("at")) {
            Node atNode = m.get("at");
            if (atNode instanceof SequenceNode seq) {
                at = new ArrayList<>();
                for (int i = 0; i < seq.getValue().size(); i++) {
                    String loc = oneOf(seq.getValue().get(i), path + ".at[" + i + "]", List.of("center", "vertex"));
                    at.add(loc);
                }
            } else {
                String loc = oneOf(atNode, path + ".at", List.of("center", "vertex"));
                at = loc == null ? null : List.of(loc);
            }
            if (!"scalar".equals(kind)) {
                problem(atNode, path + ".at", "a " + kind + " field has the standard staggered placement; 'at' is for"
                        + " scalar fields");
            }
        } else if ("scalar".equals(kind)) {
            problem(node, path + ".at", "missing required key 'at' (center, vertex, or one per dimension such as"
                    + " [vertex, center])");
        }
        boolean prognostic = m.containsKey("prognostic") && Boolean.TRUE.equals(bool(m.get("prognostic"),
                path + ".prognostic"));
        boolean output = !m.containsKey("output") || Boolean.TRUE.equals(bool(m.get("output"), path + ".output"));
        BoundarySpec boundary = m.containsKey("boundary") ? boundary(m.get("boundary"), path + ".boundary")
                : prognostic ? new BoundarySpec(name, Map.of(), pos(node)) : null;
        String unit = m.containsKey("unit") ? text(m.get("unit"), path + ".unit") : "";
        String help = m.containsKey("help") ? text(m.get("help"), path + ".help") : "";
        return new FieldDecl(name, kind, at, prognostic, boundary, output, unit == null ? "" : unit,
                help == null ? "" : help, path, pos(node));
    }

    private BoundarySpec boundary(Node node, String path) {
        if (node instanceof ScalarNode s && s.getValue().equals("project")) {
            return new BoundarySpec(lastKey(path), Map.of(), pos(node));
        }
        Map<String, Node> m = mapping(node, path, List.of("like", "all", "x", "y", "z"), List.of());
        if (m == null) {
            return null;
        }
        if (m.containsKey("like")) {
            String like = word(m.get("like"), path + ".like");
            if (m.size() > 1) {
                problem(node, path, "'like' takes the project's conditions of another field; it cannot be mixed with"
                        + " fixed conditions");
            }
            return new BoundarySpec(like, Map.of(), pos(node));
        }
        Map<Integer, FixedBoundary> fixed = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            String text = text(e.getValue(), path + "." + e.getKey());
            if (text == null) {
                continue;
            }
            Matcher bc = BC.matcher(text.trim());
            if (!bc.matches()) {
                problem(e.getValue(), path + "." + e.getKey(), "expected dirichlet or neumann (with an optional value,"
                        + " as in dirichlet(0.5)), got \"" + text + "\"");
                continue;
            }
            FixedBoundary b = new FixedBoundary(bc.group(1), bc.group(2) == null ? 0.0 : Double.parseDouble(bc.group(2)));
            if (e.getKey().equals("all")) {
                for (int d = 0; d < 3; d++) {
                    fixed.putIfAbsent(d, b);
                }
            } else {
                fixed.put("xyz".indexOf(e.getKey().charAt(0)), b);
            }
        }
        return new BoundarySpec(null, fixed, pos(node));
    }

    private static String lastKey(String path) {
        String p = path.endsWith(".boundary") ? path.substring(0, path.length() - ".boundary".length()) : path;
        return p.substring(p.lastIndexOf('.') + 1);
    }

    private Kernel kernel(String name, Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("range", "do", "then"), List.of("do"));
        if (m == null) {
            return null;
        }
        String range = m.containsKey("range") ? oneOf(m.get("range"), path + ".range", List.of("all", "interior"))
                : "all";
        List<Text> statements = new ArrayList<>();
        if (m.containsKey("do")) {
            List<Node> items = list(m.get("do"), path + ".do", "a list of statements such as 'q = -chi*∂x(C)'");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    Text t = statementText(items.get(i), path + ".do[" + i + "]");
                    if (t != null) {
                        statements.add(t);
                    }
                }
                if (items.isEmpty()) {
                    problem(m.get("do"), path + ".do", "a kernel needs at least one statement");
                }
            }
        }
        List<String> then = m.containsKey("then") ? words(m.get("then"), path + ".then") : List.of();
        return new Kernel(name, range, statements, then, path, pos(node));
    }

    private Reduction reduction(String name, Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("op", "of", "range"), List.of("op", "of"));
        if (m == null) {
            return null;
        }
        String op = m.containsKey("op") ? oneOf(m.get("op"), path + ".op", List.of("max", "min", "maxabs", "sum")) : null;
        Text of = m.containsKey("of") ? expressionText(m.get("of"), path + ".of") : null;
        String range = m.containsKey("range") ? oneOf(m.get("range"), path + ".range", List.of("all", "interior"))
                : "interior";
        return op == null || of == null ? null : new Reduction(name, op, of, range, path, pos(node));
    }

    private List<Step> steps(Node node, String path) {
        List<Step> result = new ArrayList<>();
        List<Node> items = list(node, path, "a list of steps (kernel names, swap, copy, reduce, compute, loop)");
        if (items == null) {
            return result;
        }
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String p = path + "[" + i + "]";
            if (item instanceof ScalarNode) {
                String kernel = word(item, p);
                if (kernel != null) {
                    result.add(new ModelFile.RunKernel(kernel, p, pos(item)));
                }
                continue;
            }
            Map<String, Node> m = mapping(item, p, List.of("kernel", "swap", "copy", "reduce", "compute", "loop", "if",
                    "boundary"), List.of());
            if (m == null) {
                continue;
            }
            if (m.size() != 1) {
                problem(item, p, "one step per list item: kernel, swap, copy, reduce, compute, boundary, if or loop");
                continue;
            }
            Map.Entry<String, Node> e = m.entrySet().iterator().next();
            String q = p + "." + e.getKey();
            Pos at = pos(e.getValue());
            switch (e.getKey()) {
                case "kernel" -> {
                    String k = word(e.getValue(), q);
                    if (k != null) {
                        result.add(new ModelFile.RunKernel(k, q, at));
                    }
                }
                case "swap", "copy" -> {
                    List<String> pair = words(e.getValue(), q);
                    if (pair.size() != 2) {
                        problem(e.getValue(), q, "expected two field names, as in [" + (e.getKey().equals("swap")
                                ? "C, C_new" : "T_old, T") + "]" + (e.getKey().equals("copy") ? " (to, from)" : ""));
                    } else if (e.getKey().equals("swap")) {
                        result.add(new ModelFile.Swap(pair.get(0), pair.get(1), q, at));
                    } else {
                        result.add(new ModelFile.Copy(pair.get(0), pair.get(1), q, at));
                    }
                }
                case "reduce" -> {
                    String r = word(e.getValue(), q);
                    if (r != null) {
                        result.add(new ModelFile.Reduce(r, q, at));
                    }
                }
                case "boundary" -> result.add(new ModelFile.Boundary(words(e.getValue(), q), q, at));
                case "if" -> {
                    Map<String, Node> c = mapping(e.getValue(), q, List.of("cond", "do"), List.of("cond", "do"));
                    if (c != null && c.containsKey("cond") && c.containsKey("do")) {
                        Text cond = expressionText(c.get("cond"), q + ".cond");
                        List<Step> body = steps(c.get("do"), q + ".do");
                        if (cond != null) {
                            result.add(new ModelFile.If(cond, body, q, at));
                        }
                    }
                }
                case "compute" -> {
                    String s = word(e.getValue(), q);
                    if (s != null) {
                        result.add(new ModelFile.Compute(s, q, at));
                    }
                }
                default -> {
                    ModelFile.Loop loop = loop(e.getValue(), q);
                    if (loop != null) {
                        result.add(loop);
                    }
                }
            }
        }
        return result;
    }

    private ModelFile.Loop loop(Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("max", "check_every", "check", "until", "do"),
                List.of("max", "until", "do"));
        if (m == null) {
            return null;
        }
        Text max = m.containsKey("max") ? expressionText(m.get("max"), path + ".max") : null;
        Text every = m.containsKey("check_every") ? expressionText(m.get("check_every"), path + ".check_every") : null;
        List<Text> until = new ArrayList<>();
        if (m.containsKey("until")) {
            Node u = m.get("until");
            if (u instanceof SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    Text t = expressionText(seq.getValue().get(i), path + ".until[" + i + "]");
                    if (t != null) {
                        until.add(t);
                    }
                }
            } else {
                Text t = expressionText(u, path + ".until");
                if (t != null) {
                    until.add(t);
                }
            }
        }
        List<Step> body = m.containsKey("do") ? steps(m.get("do"), path + ".do") : List.of();
        List<Step> check = m.containsKey("check") ? steps(m.get("check"), path + ".check") : List.of();
        return max == null ? null : new ModelFile.Loop(max, every, until, body, check, path, pos(node));
    }

    // ---- typed access, recording problems -----------------------------------------------------

    private Pos pos(Node node) {
        return new Pos(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    private void problem(Node node, String path, String message) {
        Pos p = pos(node);
        problems.add(new Problem(source, p.line(), p.column(), path, message));
    }

    private void problem(Pos p, String path, String message) {
        problems.add(new Problem(source, p.line(), p.column(), path, message));
    }

    private Map<String, Node> mapping(Node node, String path, List<String> allowed, List<String> required) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping" + (allowed == null ? " of names" : " of " + String.join(", ", allowed))
                    + ", got " + describe(node));
            return null;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), path, "a key must be a plain name, got " + describe(t.getKeyNode()));
                continue;
            }
            String k = key.getValue();
            String child = path.isEmpty() ? k : path + "." + k;
            if (allowed != null && !allowed.contains(k)) {
                problem(key, child, "unknown key '" + k + "'; known keys here: " + String.join(", ", allowed));
                continue;
            }
            if (entries.containsKey(k)) {
                problem(key, child, "duplicate key '" + k + "'");
                continue;
            }
            entries.put(k, t.getValueNode());
        }
        for (String k : required) {
            if (!entries.containsKey(k)) {
                problem(node, path.isEmpty() ? k : path + "." + k, "missing required key '" + k + "'");
            }
        }
        return entries;
    }

    private List<Node> list(Node node, String path, String expected) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, path, "expected " + expected + ", got " + describe(node));
        return null;
    }

    private String text(Node node, String path) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        problem(node, path, "expected a text, got " + describe(node));
        return null;
    }

    private String word(Node node, String path) {
        String t = text(node, path);
        if (t != null && !t.matches("[\\p{L}_][\\p{L}\\p{N}_.\\-]*")) {
            problem(node, path, "expected a name (letters, digits, '_'), got \"" + t + "\"");
            return null;
        }
        return t;
    }

    private List<String> words(Node node, String path) {
        List<String> result = new ArrayList<>();
        if (node instanceof ScalarNode) {
            String w = word(node, path);
            if (w != null) {
                result.add(w);
            }
            return result;
        }
        List<Node> items = list(node, path, "a list of names");
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String w = word(items.get(i), path + "[" + i + "]");
                if (w != null) {
                    result.add(w);
                }
            }
        }
        return result;
    }

    private String oneOf(Node node, String path, List<String> choices) {
        String t = text(node, path);
        if (t == null) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            problem(node, path, "expected one of " + String.join(", ", choices) + ", got \"" + t + "\"");
            return null;
        }
        return lower;
    }

    private Double number(Node node, String path) {
        String t = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().trim() : null;
        try {
            if (t != null && t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
                double v = Double.parseDouble(t);
                if (Double.isFinite(v)) {
                    return v;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(node, path, "expected a number, got " + describe(node));
        return null;
    }

    private Long whole(Node node, String path, long min) {
        String t = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().trim() : null;
        if (t == null || !t.matches("[-+]?\\d{1,18}") || Long.parseLong(t) < min) {
            problem(node, path, "expected a whole number >= " + min + ", got " + describe(node));
            return null;
        }
        return Long.parseLong(t);
    }

    private Boolean bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on");
        }
        problem(node, path, "expected true or false, got " + describe(node));
        return null;
    }

    /** An expression's text, parsed once here so that a syntax error names its column in the file. */
    private Text expressionText(Node node, String path) {
        Text t = scalarText(node, path);
        if (t == null) {
            return null;
        }
        try {
            ExpressionParser.expression(t.text());
            return t;
        } catch (SyntaxException e) {
            problem(t.at(e.column()), path, e.getMessage() + " (in \"" + t.text() + "\")");
            return null;
        }
    }

    private Text statementText(Node node, String path) {
        Text t = scalarText(node, path);
        if (t == null) {
            return null;
        }
        try {
            ExpressionParser.statement(t.text());
            return t;
        } catch (SyntaxException e) {
            problem(t.at(e.column()), path, e.getMessage() + " (in \"" + t.text() + "\")");
            return null;
        }
    }

    private Text scalarText(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            problem(node, path, "expected an expression, got " + describe(node));
            return null;
        }
        String value = s.getValue();
        int start = s.getStartMark().getIndex();
        int end = s.getEndMark().getIndex();
        boolean verbatim = false;
        int skip = 0;
        if (!value.contains("\n") && start >= 0 && end <= fileText.length() && start <= end) {
            String written = fileText.substring(start, end);
            DumperOptions.ScalarStyle style = s.getScalarStyle();
            if (style == DumperOptions.ScalarStyle.PLAIN && written.equals(value)) {
                verbatim = true;
            } else if ((style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED)
                    && written.length() == value.length() + 2 && written.substring(1, written.length() - 1).equals(value)) {
                verbatim = true;
                skip = 1;
            }
        }
        Pos p = pos(node);
        return new Text(value, path, new Pos(p.source(), p.line(), p.column() + skip), verbatim);
    }

    private static String describe(Node node) {
        return dev.stagger.engine.yaml.YamlValues.describe(node);
    }
}
