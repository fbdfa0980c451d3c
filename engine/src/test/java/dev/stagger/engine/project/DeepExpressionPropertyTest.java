package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.engine.expr.CompiledExpression;
import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.expr.ExpressionException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random expressions, deep, long, huge-valued or mangled, fed to the expression API, to project
 * validation and to {@code stagger validate}: whatever they are, the only thing that may come out
 * is the project's own kind of refusal (ExpressionException, ProjectException, exit 2), never a
 * StackOverflowError or any other Throwable. And what validation accepts is finite where it is used.
 *
 * <p>Seeded, so a failure repeats; {@code -Dstagger.fuzz.seed=N} tries other inputs.
 */
class DeepExpressionPropertyTest {
    private static final long SEED = Long.getLong("stagger.fuzz.seed", 20_240_611L);
    private static final int CASES = 300;

    private static final String[] ATOMS = {"x", "y", "pi", "chi", "2.5", "0", "1e308", "1e-300", "q", "z", "1e400",
        "0.5"};
    private static final String[] OPERATORS = {" + ", " - ", "*", "/", "^"};
    private static final String[][] WRAPPERS = {
        {"(", ")"}, {"-", ""}, {"+", ""}, {"sin(", ")"}, {"log(", ")"}, {"sqrt(", ")"}, {"exp(", ")"},
        {"abs(", ")"}, {"max(", ", x)"}, {"min(y, ", ", 2, x)"}, {"2^", ""}, {"(", ")^2"}, {"1/(", ")"},
        {"", " + x"}, {"x*", ""}, {"(", ") - y"},
    };

    @TempDir
    Path tmp;

    private final Random random = new Random(SEED);

    private String atom() {
        return ATOMS[random.nextInt(ATOMS.length)];
    }

    /** A run of {@code terms} atoms joined by operators: as long as the parser's loops allow. */
    private String chain(int terms) {
        StringBuilder s = new StringBuilder(atom());
        for (int i = 1; i < terms; i++) {
            s.append(OPERATORS[random.nextInt(OPERATORS.length)]).append(atom());
        }
        return s.toString();
    }

    /** Wraps {@code core} {@code levels} times, built without recursion (prefixes and suffixes apart). */
    private String nest(String core, int levels) {
        List<String> prefixes = new ArrayList<>();
        StringBuilder suffixes = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            String[] w = WRAPPERS[random.nextInt(WRAPPERS.length)];
            prefixes.add(w[0]);
            suffixes.append(w[1]);
        }
        StringBuilder s = new StringBuilder();
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            s.append(prefixes.get(i));
        }
        return s.append(core).append(suffixes).toString();
    }

    /** Deletes, inserts or cuts a few characters: malformed text must be refused just as calmly. */
    private String mangle(String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = random.nextInt(3);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, "()+-*/^,.eE$ ".charAt(random.nextInt(13)));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private String expression() {
        int levels = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(10);
            case 1 -> 240 + random.nextInt(30); // either side of the limit
            case 2 -> 1000 + random.nextInt(4000);
            default -> random.nextInt(100);
        };
        int terms = random.nextInt(5) == 0 ? 1000 + random.nextInt(7000) : 1 + random.nextInt(5);
        String text = nest(chain(terms), levels);
        return random.nextInt(4) == 0 ? mangle(text) : text;
    }

    @Test
    void theExpressionApiOnlyEverRefusesWithItsOwnException() throws Exception {
        onSmallStack(() -> {
            for (int i = 0; i < CASES; i++) {
                String text = expression();
                try {
                    CompiledExpression f = Expression.parse(text).bind(Map.of("chi", 1.0), 2);
                    for (double x : new double[] {-1, 0, 0.5, 3}) {
                        f.value(x, -x, 0); // any double, NaN included, but no exception
                    }
                } catch (ExpressionException expected) {
                    // a refusal with a reason and a column
                } catch (Throwable e) {
                    throw new AssertionError("seed " + SEED + ", case " + i + ": " + e + " for " + shorten(text), e);
                }
            }
        });
    }

    @Test
    void validationOnlyEverRefusesWithProblemsAndWhatItAcceptsIsFinite() throws Exception {
        onSmallStack(() -> {
            for (int i = 0; i < CASES / 3; i++) {
                String text = expression().replace("\"", "");
                boolean asBoundary = random.nextBoolean();
                String yaml = project(asBoundary ? "1" : text, asBoundary ? text : "0");
                try {
                    Project p = ProjectReader.parse(yaml, "p.yaml", List.of()).project();
                    // accepted: then it is finite at every centre (a 16 x 16 grid is checked whole)
                    assertFiniteAtCentres(asBoundary ? "1" : p.fields().get("C").initial());
                } catch (ProjectException expected) {
                    assertThat(expected.problems()).isNotEmpty();
                } catch (Throwable e) {
                    throw new AssertionError("seed " + SEED + ", case " + i + ": " + e + " for " + shorten(text), e);
                }
            }
        });
    }

    @Test
    void stubbornInputsThroughTheCommandLineExitTwoWithoutATrace() throws Exception {
        for (int i = 0; i < 12; i++) {
            String text = expression().replace("\"", "");
            Path file = tmp.resolve("p" + i + ".yaml");
            Files.writeString(file, project(text, "0"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = StaggerCli.execute(new String[] {"validate", file.toString()}, new PrintWriter(out, true),
                    new PrintWriter(err, true));
            assertThat(exit).as("seed %d, case %d: %s", SEED, i, err).isIn(StaggerCli.EXIT_OK, StaggerCli.EXIT_USAGE);
            assertThat(err.toString()).doesNotContain("Exception").doesNotContain("Error").doesNotContain("\tat ");
        }
    }

    @Test
    void onATinyStackTheLastResortGuardsStillAnswerWithProblems() throws Exception {
        String deepest = "sin(".repeat(Expression.MAX_NESTING) + "x" + ")".repeat(Expression.MAX_NESTING);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                ProjectReader.parse(project(deepest, "0"), "p.yaml", List.of());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "tiny-stack", 64 * 1024);
        t.start();
        t.join();
        // too small for 256 levels (the JVM may round it up, and then the project passes): a problem,
        // whichever guard caught the overflow, and never the overflow itself
        if (thrown.get() != null) {
            assertThat(thrown.get()).isInstanceOf(ProjectException.class);
            assertThat(thrown.get().getMessage()).contains("nested too deeply");
        }
    }

    private static String project(String initial, String xLow) {
        return """
                format: 1
                title: t
                grid: {origin: [-1, -1], extent: [2, 2], cells: [16, 16]}
                model: {name: diffusion, parameters: {chi: 1.0}}
                fields:
                  C:
                    initial: "INITIAL"
                    boundary:
                      x-low: {type: dirichlet, value: "XLOW"}
                run: {steps: 1}
                """.replace("INITIAL", initial).replace("XLOW", xLow);
    }

    private static void assertFiniteAtCentres(String initial) {
        CompiledExpression f = Expression.parse(initial).bind(Map.of("chi", 1.0), 2);
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i++) {
                double x = -1 + (i + 0.5) / 8;
                double y = -1 + (j + 0.5) / 8;
                assertThat(f.value(x, y, 0)).as("%s at (%s, %s)", shorten(initial), x, y).isFinite();
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }

    /**
     * Runs {@code body} on a thread with half the usual stack: the limits must hold with room to
     * spare, and where they do not, the last-resort guards must still turn an overflow into a message.
     */
    private static void onSmallStack(Runnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure.get() instanceof AssertionError a) {
            throw a;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
