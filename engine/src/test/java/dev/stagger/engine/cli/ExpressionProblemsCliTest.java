package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stagger validate} and {@code stagger run}, in process, on projects whose expressions are
 * too deep, too long or not finite: exit 2, a located message, no trace, nothing run.
 */
class ExpressionProblemsCliTest {
    private static final String PROJECT = """
            format: 1
            title: t
            grid: {origin: [-2, -2], extent: [4, 4], cells: [32, 32]}
            model: {name: diffusion, parameters: {chi: 1.0}}
            fields:
              C:
                initial: "INITIAL"
                boundary:
                  all: {type: neumann, value: 0}
                  x-low: {type: dirichlet, value: XLOW}
            run: {steps: 2}
            """;

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private static Result stagger(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private Path project(String initial, String xLow) throws Exception {
        Path file = tmp.resolve("p.yaml");
        Files.writeString(file, PROJECT.replace("INITIAL", initial).replace("XLOW", xLow));
        return file;
    }

    /** Both commands refuse the project with exactly {@code problem}, exit 2, and run nothing. */
    private void assertRefused(Path file, String problem) {
        Path out = tmp.resolve("never");
        for (String[] args : new String[][] {{"validate", file.toString()}, {"run", file.toString(), "--out",
            out.toString()}}) {
            Result r = stagger(args);
            assertThat(r.exit()).as(args[0] + ": " + r.err()).isEqualTo(StaggerCli.EXIT_USAGE);
            assertThat(r.err()).as(args[0]).isEqualTo(problem + System.lineSeparator() + "stagger: 1 problem in " + file
                    + "; nothing was run" + System.lineSeparator());
        }
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1/0 | Infinity",
        "sqrt(-1) | NaN",
        "log(0) | -Infinity",
        "exp(1000) | Infinity",
        "1e308*10 | Infinity",
    })
    void anInitialValueThatIsNotFiniteIsAUserMistake(String initial, String value) throws Exception {
        assertRefused(project(initial, "0"), "p.yaml:7:15: fields.C.initial: not a finite number (value: " + value + ")");
    }

    @Test
    void boundaryValuesThatAreNotFiniteAreUserMistakes() throws Exception {
        assertRefused(project("1", "\"1/0\""),
                "p.yaml:10:40: fields.C.boundary.x-low.value: not a finite number (value: Infinity)");
        assertRefused(project("1", "1e400"), "p.yaml:10:39: fields.C.boundary.x-low.value: expected a finite number,"
                + " got 1e400 (too large); the largest is about 1.8e308");
        assertRefused(project("1", "\"1/(y - 0.0625)\""), "p.yaml:10:40: fields.C.boundary.x-low.value: not a finite"
                + " number at x = -2, y = 0.0625 (value: Infinity)");
    }

    @Test
    void deepExpressionsAreUserMistakes() throws Exception {
        String tooDeep = "p.yaml:7:271: fields.C.initial: expression nested deeper than 256 levels; simplify it";
        assertRefused(project("(".repeat(1000) + "x" + ")".repeat(1000), "0"), tooDeep);
        assertRefused(project("-".repeat(10_000) + "x", "0"), tooDeep);
        assertRefused(project("sin(".repeat(5000) + "x" + ")".repeat(5000), "0"),
                "p.yaml:7:1039: fields.C.initial: expression nested deeper than 256 levels; simplify it");
    }

    @Test
    void aSumOfSevenThousandTermsValidatesAndRuns() throws Exception {
        Path file = project("exp(-x^2 - y^2)" + " + 1e-4*x*y".repeat(6999), "0");
        Result validated = stagger("validate", file.toString());
        assertThat(validated.exit()).as(validated.err()).isZero();
        assertThat(validated.out()).contains(": OK");
        Result ran = stagger("run", file.toString(), "--out", tmp.resolve("out").toString(), "-q");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("Done: 2 steps");
    }

    @Test
    void anOverrideNestedTooDeeplyIsAUserMistake() throws Exception {
        Result r = stagger("validate", project("1", "0").toString(), "--set", "title=" + "[".repeat(100));
        assertThat(r.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(r.err()).startsWith("override 'title=[[[").contains(": title: the value is not valid YAML: Nesting"
                + " Depth exceeded max 50").doesNotContain("Exception");
    }
}
