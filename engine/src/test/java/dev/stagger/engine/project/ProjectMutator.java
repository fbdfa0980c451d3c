package dev.stagger.engine.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates the text of a project file for {@link ProjectFuzzTest}: every choice comes from the given
 * {@link Random}, so a seed gives the same mutants on every machine. {@link #mutate} applies one to
 * three mutations and says which in {@link Mutant#description()}.
 */
final class ProjectMutator {
    /** What replaces a scalar: other types, extreme numbers, YAML's special forms. */
    static final String[] SCALARS = {
        "\"a string\"", "hello", "''", "", "~", "null", "true", "no", "1e400", "-1e400", "1e-400", "4.9e-324",
        "1.7976931348623157e308", "NaN", ".nan", ".NaN", ".inf", "-.inf", "+.inf", "0", "-0", "-1", "-0.5", "0.0",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999999999999", "1e9", "1e12", "0x7fffffff", "0o777", "1_000", "0.1e-5", "[]", "{}",
        "[1, 2, 3]", "[[1], [2]]", "{a: 1}", "{type: dirichlet}", "[1e400, NaN]", "2026-11-29", "!!binary aGVsbG8=",
        "!!str 5", "!!int 7", "!!float 1", "!!null ''", "!!set {a, b}", "!!omap [a: 1]", "!custom x",
        "!!java.lang.Object {}", "!!javax.script.ScriptEngineManager [!!java.net.URL [\"http://localhost/\"]]",
        "|\n  block\n  text", ">-\n  folded", "\"\\u0000\"", "\"\\ud800\"", "'x: y'", "\"é∂𝄞\"", "x^2", "exp(",
        "auto", "f16", "periodic", "robin", "all", "C", "-2", "3", "1", "65", "100000", "1e7"
    };

    private static final String[] UNKNOWN_KEYS = {
        "bogus", "extnt", "cell", "chi", "parameters", "title", "<<", "? complex", "\"quoted key\"", "1", "~",
        "ranks", "initial", "boundary", "steps", "every", "dt"
    };

    private static final String[] FUNCTIONS = {
        "exp", "sin", "cos", "tan", "log", "sqrt", "abs", "min", "max", "pow", "tanh", "atan2", "floor", "exq", "Exp",
        "sqrt1", "if", "hypot", "erf", "", "exp.exp", "x", "pi", "e", "t"
    };

    private static final String[] EXPR_PIECES = {
        "+", "-", "*", "/", "^", "**", "%", "(", ")", "((", "))", ",", "0", "/0", "0/0", "^1e308", "^-1", "1e400",
        "NaN", "inf", "x", "y", "z", "t", "q", "pi", "--x", "+-", "^^", "()", "exp(", "log(-1)", "sqrt(-1)",
        "exp(1000)", "1/(x-x)", " ", "'", "\"", "#", ": ", "{", "[", "<", "==", "&&", "?", "!", "\\", "\t"
    };

    record Mutant(byte[] bytes, String description, List<String> sets) {
        Mutant(byte[] bytes, String description) {
            this(bytes, description, List.of());
        }

        Mutant withSets(List<String> more) {
            return new Mutant(bytes, description + ", --set " + String.join(" --set ", more), List.copyOf(more));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Random random;

    ProjectMutator(Random random) {
        this.random = random;
    }

    private static final String[] SET_KEYS = {
        "grid.cells", "grid.extent", "grid.origin", "grid.ranks", "grid.periodic", "model.parameters.chi",
        "model.name", "run.steps", "run.dt", "run.end_time", "run.precision", "run.threads", "output.every",
        "output.fields", "output.checkpoint_every", "fields.C.initial", "fields.C.boundary.all",
        "fields.C.boundary.all.type", "fields.C.boundary.all.value", "fields.C.boundary.x-low", "fields.D.initial",
        "title", "format", "grid", "fields", "", "grid.cells[0]", "a.b.c.d", "fields.C.boundary.all.value.x"
    };

    private static final String[] SET_VALUES = {
        "[4]", "[4, 4]", "[4, 4, 4]", "[1]", "[0]", "[-1, 4]", "[1e400]", "[2147483647]", "[100000, 100000]", "auto",
        "[2, 2]", "[true]", "{type: periodic}", "{type: dirichlet, value: 1e308}", "{type: neumann, value: NaN}",
        "periodic", "dirichlet", "robin", "sin(x)", "1e300", "exp(1000)", "f32", "f16", "1", "0", "-1", "1e-300",
        "NaN", ".inf", "''", "", "[", "{", "*a", "&a x", "!!str 1", "x^2", "[C]", "[C, D]", "[]", "2147483648",
        "[" .repeat(5000) + "]".repeat(5000), "(".repeat(5000) + "x" + ")".repeat(5000), "x+".repeat(20000) + "x",
        "[true, false]", "[true]", "[x, y]", "[1, 1]", "[2]", "{a: ".repeat(3000) + "1" + "}".repeat(3000)
    };

    /** A mutant and, now and then, a few --set overrides for it. */
    Mutant mutateWithSets(String sample) {
        Mutant m = mutate(sample);
        if (random.nextInt(5) != 0) {
            return m;
        }
        List<String> sets = new ArrayList<>();
        for (int i = random.nextInt(2); i >= 0; i--) {
            sets.add(pick(SET_KEYS) + (random.nextInt(20) == 0 ? "" : "=") + pick(SET_VALUES));
        }
        return m.withSets(sets);
    }

    private static final String[] BOUNDARIES = {
        "{type: periodic}", "{type: dirichlet, value: 1e308}", "{type: dirichlet, value: sin(3*x)}",
        "{type: neumann, value: 1e300}", "{type: dirichlet, value: NaN}", "{type: neumann, value: -1e308}",
        "{type: dirichlet, value: 1e-320}", "{type: neumann, value: x/0}", "{type: dirichlet, value: t}",
        "{type: neumann}", "{type: dirichlet}", "{type: periodic, value: 1}"
    };

    private static final String[] INITIALS = {
        "1e300", "1e308", "-1e308", "1e38", "3.5e38", "1e-320", "0", "x", "1/x", "exp(x^2)", "exp(700)", "exp(710)",
        "sqrt(x)", "log(x)", "x^-1", "t", "pi", "1e300*x", "(x-0.5)^1e3", "tanh(1e308*x)", "min(x, 1e308)", "max(1, 2)"
    };

    Mutant mutate(String sample) {
        if (random.nextInt(3) == 0) {
            int g = random.nextInt(7);
            if (g == 0) {
                return new Mutant(sample.replaceFirst("all: \\{[^}]*}", "all: " + pick(BOUNDARIES))
                        .getBytes(StandardCharsets.UTF_8), "gentle boundary");
            }
            if (g == 2) {
                String[] grid = {"  periodic: [true]", "  periodic: [true, true]", "  periodic: [true, false, true]",
                    "  periodic: true", "  ranks: [1]", "  ranks: [2]", "  ranks: [2, 2]", "  ranks: [1, 1, 1]",
                    "  ranks: auto", "  ranks: [128, 1]", "  ranks: 4"};
                String text = sample.replaceFirst("grid:\n", "grid:\n" + pick(grid) + "\n");
                return new Mutant(text.getBytes(StandardCharsets.UTF_8), "gentle grid key");
            }
            if (g == 1) {
                String text = sample.replaceFirst("initial: .*", "initial: " + pick(INITIALS));
                if (random.nextBoolean()) {
                    text = text.replaceFirst("run:\n", "run:\n  precision: f32\n").replace("precision: f64\n", "");
                }
                return new Mutant(text.getBytes(StandardCharsets.UTF_8), "gentle initial value");
            }
            return gentle(sample);
        }
        String text = sample;
        List<String> done = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        boolean rawBytes = false;
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(16);
            switch (kind) {
                case 0 -> { text = deleteLine(text); done.add("delete line"); }
                case 1 -> { text = duplicateLine(text); done.add("duplicate line"); }
                case 2 -> { text = swapLines(text); done.add("swap lines"); }
                case 3 -> { text = reindent(text); done.add("indentation"); }
                case 4, 5 -> { text = replaceValue(text); done.add("replace value"); }
                case 6 -> { text = replaceToken(text); done.add("replace token"); }
                case 7 -> { text = unknownKey(text); done.add("unknown key"); }
                case 8 -> { text = truncate(text); done.add("truncate"); }
                case 9 -> { text = anchorsAndTags(text); done.add("anchor/alias/tag"); }
                case 10 -> { rawBytes = true; done.add("random bytes"); }
                case 11 -> { text = longLine(text); done.add("long line"); }
                case 12 -> { text = deepNesting(text); done.add("deep nesting"); }
                default -> { text = mutateExpression(text); done.add("expression"); }
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (rawBytes) {
            bytes = randomBytes(bytes);
        }
        return new Mutant(bytes, String.join(", ", done));
    }

    /** Numbers that keep a project valid more often than not, so that many gentle mutants also run. */
    static final String[] NUMBERS = {
        "0", "1", "2", "3", "-1", "-2", "0.5", "1e-300", "1e-30", "1e30", "1e300", "1e308", "4.9e-324", "7", "16",
        "33", "1000", "65536", "2147483647", "2147483648", "1e18", "-0", "0.001", "1e9", "12345678901"
    };

    private static final String[] ARITHMETIC = {
        "+", "-", "*", "/", "^", "(", ")", "x", "y", "z", "t", "1e300", "1e-300", "0", "1e308", "exp(x)", "exp(1e3)",
        "sin(x)", "log(x)", "sqrt(x)", "1/x", "x/0", "-"
    };

    /** One small change that often keeps the project valid: a number, a key set to a number, the expression. */
    private Mutant gentle(String sample) {
        Matcher m = Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(sample);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                int[] s = spans.get(random.nextInt(spans.size()));
                String text = sample.substring(0, s[0]) + pick(NUMBERS) + sample.substring(s[1]);
                return new Mutant(text.getBytes(StandardCharsets.UTF_8), "gentle number");
            }
            case 2 -> {
                String[] keys = {"run:\n  steps: ", "output:\n  every: ", "run:\n  dt: ", "run:\n  end_time: ",
                    "output:\n  checkpoint_every: ", "model:\n  parameters:\n    chi: ", "run:\n  threads: "};
                String key = pick(keys);
                String[] parts = key.split("\n");
                String last = parts[parts.length - 1];
                List<String> lines = lines(sample);
                lines.removeIf(l -> l.equals(last.stripTrailing()) || l.startsWith(last));
                int at = lines.indexOf(parts[0]);
                if (at < 0) {
                    lines.add(parts[0]);
                    at = lines.size() - 1;
                }
                lines.add(at + parts.length - 1, last + pick(NUMBERS));
                return new Mutant(join(lines).getBytes(StandardCharsets.UTF_8), "gentle key " + last.strip());
            }
            default -> {
                List<String> lines = lines(sample);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).stripLeading().startsWith("initial:")) {
                        String line = lines.get(i);
                        int at = line.indexOf(':') + 2 + random.nextInt(line.length() - line.indexOf(':') - 1);
                        lines.set(i, line.substring(0, at) + pick(ARITHMETIC) + line.substring(at));
                    }
                }
                return new Mutant(join(lines).getBytes(StandardCharsets.UTF_8), "gentle expression");
            }
        }
    }

    private List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    private int anyLine(List<String> lines) {
        return random.nextInt(lines.size());
    }

    private String deleteLine(String text) {
        List<String> lines = lines(text);
        lines.remove(anyLine(lines));
        return join(lines);
    }

    private String duplicateLine(String text) {
        List<String> lines = lines(text);
        int i = anyLine(lines);
        lines.add(i, lines.get(i));
        return join(lines);
    }

    private String swapLines(String text) {
        List<String> lines = lines(text);
        int a = anyLine(lines);
        int b = anyLine(lines);
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return join(lines);
    }

    private String reindent(String text) {
        List<String> lines = lines(text);
        int i = anyLine(lines);
        String line = lines.get(i);
        String stripped = line.stripLeading();
        String indent = switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\t";
            case 3 -> line.substring(0, line.length() - stripped.length()) + "  ";
            default -> " ".repeat(random.nextInt(12));
        };
        lines.set(i, indent + stripped);
        return join(lines);
    }

    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*[A-Za-z_][A-Za-z0-9_]*:\\s)(.*)$");

    private String replaceValue(String text) {
        List<String> lines = lines(text);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (KEY_VALUE.matcher(lines.get(i)).matches()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return replaceToken(text);
        }
        int i = candidates.get(random.nextInt(candidates.size()));
        Matcher m = KEY_VALUE.matcher(lines.get(i));
        m.matches();
        String value = pick(SCALARS);
        if (value.contains("\n")) {
            // a block scalar: indent its lines under the key
            String indent = " ".repeat(m.group(1).length() - m.group(1).stripLeading().length() + 2);
            value = value.replace("\n", "\n" + indent);
        }
        lines.set(i, m.group(1) + value);
        return join(lines);
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.+-]+");

    private String replaceToken(String text) {
        Matcher m = TOKEN.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String value = pick(SCALARS).replace("\n", " ");
        return text.substring(0, s[0]) + value + text.substring(s[1]);
    }

    private String unknownKey(String text) {
        List<String> lines = lines(text);
        int i = anyLine(lines);
        String line = lines.get(i);
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        lines.add(i, indent + pick(UNKNOWN_KEYS) + ": " + pick(SCALARS).replace("\n", " "));
        return join(lines);
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(text.length() + 1));
    }

    private String anchorsAndTags(String text) {
        List<String> lines = lines(text);
        switch (random.nextInt(6)) {
            case 0 -> {
                // anchor a value and alias it somewhere else
                int a = anyLine(lines);
                Matcher m = KEY_VALUE.matcher(lines.get(a));
                if (m.matches()) {
                    lines.set(a, m.group(1) + "&v " + m.group(2));
                } else {
                    lines.set(a, lines.get(a).replaceFirst(":\\s*$", ": &v"));
                }
                int b = anyLine(lines);
                Matcher n = KEY_VALUE.matcher(lines.get(b));
                if (n.matches()) {
                    lines.set(b, n.group(1) + "*v");
                } else {
                    lines.add(b, "alias: *v");
                }
            }
            case 1 -> {
                int b = anyLine(lines);
                Matcher n = KEY_VALUE.matcher(lines.get(b));
                lines.set(b, n.matches() ? n.group(1) + "*undefined" : "*undefined");
            }
            case 2 -> {
                int b = anyLine(lines);
                Matcher n = KEY_VALUE.matcher(lines.get(b));
                String tag = pick(new String[] {"!!str ", "!!float ", "!!int ", "!!map ", "!!seq ", "!foo ",
                    "!<tag:yaml.org,2002:java.io.File> ", "!!python/object/apply:os.system ", "!!timestamp "});
                if (n.matches()) {
                    lines.set(b, n.group(1) + tag + n.group(2));
                }
            }
            case 3 -> {
                // a small billion-laughs bomb under an unknown key
                StringBuilder bomb = new StringBuilder("lol0: &l0 [lol]\n");
                for (int k = 1; k < 10; k++) {
                    bomb.append("lol").append(k).append(": &l").append(k).append(" [");
                    for (int j = 0; j < 9; j++) {
                        bomb.append(j == 0 ? "" : ", ").append("*l").append(k - 1);
                    }
                    bomb.append("]\n");
                }
                lines.add(0, bomb.toString().stripTrailing());
            }
            case 4 -> {
                // merge keys
                lines.add(0, "base: &base {chi: 2.0}");
                int b = anyLine(lines);
                String line = lines.get(b);
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                lines.add(b, indent + "<<: *base");
            }
            default -> {
                // a recursive alias
                lines.add(anyLine(lines), "loop: &loop [*loop]");
            }
        }
        return join(lines);
    }

    private byte[] randomBytes(byte[] bytes) {
        byte[] junk = new byte[1 + random.nextInt(16)];
        random.nextBytes(junk);
        if (random.nextBoolean()) {
            // mostly control characters and ASCII, so that many mutants are still UTF-8
            for (int k = 0; k < junk.length; k++) {
                junk[k] = (byte) (junk[k] & 0x3f);
            }
        }
        int at = random.nextInt(bytes.length + 1);
        boolean overwrite = random.nextBoolean() && at + junk.length <= bytes.length;
        byte[] result = new byte[bytes.length + (overwrite ? 0 : junk.length)];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(junk, 0, result, at, junk.length);
        int rest = overwrite ? at + junk.length : at;
        System.arraycopy(bytes, rest, result, at + junk.length, bytes.length - rest);
        return result;
    }

    private String longLine(String text) {
        List<String> lines = lines(text);
        int n = 1000 + random.nextInt(200_000);
        String line = switch (random.nextInt(5)) {
            case 0 -> "title: " + "x".repeat(n);
            case 1 -> "# " + "#".repeat(n);
            case 2 -> "k" + "e".repeat(n) + ": 1";
            case 3 -> "    initial: " + "x+".repeat(n / 2) + "x";
            default -> "  cells: [" + "1, ".repeat(n / 3) + "1]";
        };
        lines.add(anyLine(lines), line);
        return join(lines);
    }

    private String deepNesting(String text) {
        List<String> lines = lines(text);
        int depth = 50 + random.nextInt(20_000);
        String line = switch (random.nextInt(5)) {
            case 0 -> "deep: " + "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "deep: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth);
            case 2 -> "    initial: " + "(".repeat(depth) + "x" + ")".repeat(depth);
            case 3 -> "    initial: " + "exp(".repeat(depth) + "x" + ")".repeat(depth);
            default -> {
                StringBuilder b = new StringBuilder();
                int blockDepth = Math.min(depth, 400);
                for (int k = 0; k < blockDepth; k++) {
                    b.append(" ".repeat(k)).append("a:\n");
                }
                yield b.append(" ".repeat(blockDepth)).append("b: 1").toString();
            }
        };
        if (line.startsWith("    initial")) {
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).stripLeading().startsWith("initial:")) {
                    at = i;
                }
            }
            if (at >= 0) {
                lines.set(at, line);
                return join(lines);
            }
        }
        lines.add(random.nextInt(lines.size() + 1), line);
        return join(lines);
    }

    private static final Pattern FUNCTION = Pattern.compile("[a-z]+(?=\\()");

    private String mutateExpression(String text) {
        List<String> lines = lines(text);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith("initial:")) {
                at = i;
            }
        }
        if (at < 0) {
            return replaceToken(text);
        }
        String line = lines.get(at);
        int start = line.indexOf("initial:") + "initial:".length() + 1;
        if (start > line.length()) {
            return text;
        }
        String head = line.substring(0, start);
        StringBuilder expr = new StringBuilder(line.substring(start));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int op = random.nextInt(4);
            if (op == 0) {
                Matcher m = FUNCTION.matcher(expr);
                if (m.find()) {
                    expr.replace(m.start(), m.end(), pick(FUNCTIONS));
                    continue;
                }
            }
            if (op == 1 && expr.length() > 0) {
                // delete a character (an operator, a parenthesis, a digit)
                expr.deleteCharAt(random.nextInt(expr.length()));
                continue;
            }
            if (op == 2 && expr.length() > 0) {
                // replace a character with a piece
                int i = random.nextInt(expr.length());
                expr.replace(i, i + 1, pick(EXPR_PIECES));
                continue;
            }
            expr.insert(random.nextInt(expr.length() + 1), pick(EXPR_PIECES));
        }
        lines.set(at, head + expr);
        return join(lines);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
