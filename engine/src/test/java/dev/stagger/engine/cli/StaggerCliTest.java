package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.output.VtiFile;
import dev.stagger.engine.output.VtiReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in process, on the sample projects. */
class StaggerCliTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects");

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private static Result stagger(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    @Test
    void runsTheChmyExampleAndWritesATimeSeriesParaViewOpens() throws Exception {
        Path out = tmp.resolve("out");
        Result r = stagger("run", SAMPLES.resolve("diffusion-2d.yaml").toString(), "--out", out.toString(),
                "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Done: 100 steps to t = \\S+ in \\S+ s \\(stepping \\S+ s\\): "
                + "\\S+( \\S)? cell updates/s, T_eff \\S+ GB/s");
        assertThat(r.err()).doesNotContain("Exception");
        String pvd = Files.readString(out.resolve("diffusion-2d.pvd"));
        for (String step : new String[] {"000000", "000020", "000040", "000060", "000080", "000100"}) {
            assertThat(pvd).contains("diffusion-2d_" + step + ".vti");
        }
        VtiFile first = VtiReader.read(out.resolve("diffusion-2d_000000.vti"));
        VtiFile last = VtiReader.read(out.resolve("diffusion-2d_000100.vti"));
        assertThat(last.cellCounts()).containsExactly(128, 128, 1);
        assertThat(last.origin()).containsExactly(-2.0, -2.0, 0.0);
        assertThat(last.spacing()[0]).isEqualTo(4.0 / 128);
        // zero-flux walls: the total of C is what it was, the peak has spread
        assertThat(sum(last.values("C"))).isCloseTo(sum(first.values("C")),
                org.assertj.core.api.Assertions.within(1e-10 * sum(first.values("C"))));
        assertThat(java.util.Arrays.stream(last.values("C")).max().getAsDouble())
                .isLessThan(java.util.Arrays.stream(first.values("C")).max().getAsDouble());
        double dt = (4.0 / 128) * (4.0 / 128) / 1.0 / 2 / 2.1;
        assertThat(last.time().getAsDouble()).isCloseTo(100 * dt, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void overridesStepsPrecisionAndParameters() throws Exception {
        Path out = tmp.resolve("f32");
        Result r = stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--out", out.toString(), "--steps",
                "7", "--precision", "f32", "--set", "model.parameters.chi=0.5", "--set", "output.every=0", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Done: 7 steps");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("diffusion-1d.pvd", "diffusion-1d_000000.vti", "diffusion-1d_000007.vti",
                            "stagger-run.endpoint", "stagger-run.lock", "stagger-run.state");
        }
        assertThat(VtiReader.read(out.resolve("diffusion-1d_000007.vti")).cellData().get("C").vtkType())
                .isEqualTo("Float32");
    }

    @Test
    void aBadProjectGivesItsProblemsWithLinesAndRunsNothing() throws Exception {
        Path project = tmp.resolve("bad.yaml");
        Files.writeString(project, Files.readString(SAMPLES.resolve("diffusion-2d.yaml"))
                .replace("extent: [4, 4]", "extnt: [4, 4]").replace("exp(-x^2 - y^2)", "exp(-x^2 - q^2)"));
        Path out = tmp.resolve("never");
        Result r = stagger("run", project.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(r.err()).contains("bad.yaml:9:3: grid.extnt: unknown key 'extnt'; did you mean 'extent'?")
                .contains("unknown name 'q'").contains("nothing was run").doesNotContain("at dev.stagger");
        assertThat(out).doesNotExist();
    }

    @Test
    void validateSummarisesAGoodProject() {
        Result r = stagger("validate", SAMPLES.resolve("diffusion-3d.yaml").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(": OK").contains("64 x 64 x 64 cells").contains("stable limit");
    }

    /** The problem lines of a refused command: every line but the closing count. */
    private static java.util.List<String> problemLines(Result r) {
        return r.err().lines().filter(l -> !l.startsWith("stagger: ")).toList();
    }

    @Test
    void validateRefusesExactlyTheGridsRunRefusesWithTheSameLocatedProblems() {
        String sample = SAMPLES.resolve("diffusion-2d.yaml").toString();
        String[][] grids = {
            {"grid.cells=[1, 1]"},
            {"grid.cells=[2147483647, 2]"},
            {"grid.origin=[1e308, 0]"},
            {"grid.origin=[1e308, 0]", "grid.extent=[1e308, 4]"},
            {"grid.extent=[1e308, 1e308]"},
            {"grid.extent=[1e-300, 4]"},
            {"grid.origin=[0, -2]", "grid.extent=[1e-300, 4]"},
            {"grid.ranks=[2, 100]"},
        };
        for (String[] sets : grids) {
            java.util.List<String> validate = new java.util.ArrayList<>(java.util.List.of("validate", sample));
            java.util.List<String> run = new java.util.ArrayList<>(java.util.List.of("run", sample, "--out",
                    tmp.resolve("never").toString(), "--steps", "1", "-q"));
            for (String set : sets) {
                validate.addAll(java.util.List.of("--set", set));
                run.addAll(java.util.List.of("--set", set));
            }
            Result checked = stagger(validate.toArray(String[]::new));
            Result ran = stagger(run.toArray(String[]::new));
            String what = String.join(" ", sets);
            assertThat(checked.exit()).as(what + ": " + checked.err()).isEqualTo(StaggerCli.EXIT_USAGE);
            assertThat(ran.exit()).as(what + ": " + ran.err()).isEqualTo(StaggerCli.EXIT_USAGE);
            assertThat(problemLines(checked)).as(what).isNotEmpty().isEqualTo(problemLines(ran))
                    .allMatch(l -> l.matches("[^:]+(:\\d+:\\d+)?: grid\\.[a-z]+(\\[\\d\\])?: .+|.*:\\d+:\\d+: run\\.dt: .+"));
            assertThat(ran.err()).doesNotContain("internal error").doesNotContain("Exception");
        }
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void aGridTooLargeForOneRankIsANoteForValidateAndARefusalForARunOnOneRank() {
        String sample = SAMPLES.resolve("diffusion-2d.yaml").toString();
        // 16 TB of fields: more than any machine these tests run on gives one Java
        Result checked = stagger("validate", sample, "--set", "grid.cells=[1000000, 1000000]");
        assertThat(checked.exit()).as(checked.err()).isZero();
        assertThat(checked.out()).contains("note: grid.cells: 1000000 x 1000000 cells need about 16 TB on one rank;"
                + " this Java may use");
        Result ran = stagger("run", sample, "--out", tmp.resolve("never").toString(), "--set",
                "grid.cells=[1000000, 1000000]");
        assertThat(ran.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(ran.err()).containsPattern("override 'grid.cells=\\[1000000, 1000000\\]':1:12: grid.cells: 1000000 x"
                + " 1000000 cells need about 16 TB on one rank; this Java may use \\S+ \\S+: run on \\d+ or more ranks"
                + " \\(--ranks, grid.ranks\\)").contains("nothing was run").doesNotContain("internal error");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void aRunWhoseFieldOverflowsFailsWithWhereAndKeepsItsLastGoodOutput() throws Exception {
        Path out = tmp.resolve("overflow");
        // a jump from -1.5e308 to 1.5e308 across x = 0: the first differences of C are beyond the largest number
        Result r = stagger("run", SAMPLES.resolve("diffusion-2d.yaml").toString(), "--out", out.toString(), "-q",
                "--set", "fields.C.initial=1.5e308*tanh(1000*x)");
        String message = "field C became non-finite between steps 0 and 20: Infinity at x = -0.609375, y = -1.98438"
                + " (cell [45, 1] of [128, 128]) is the first such value; the run diverged and stops at step 20, and its"
                + " outputs up to step 0 are kept";
        assertThat(r.exit()).as(r.err()).isEqualTo(StaggerCli.EXIT_FAILED);
        assertThat(r.err()).contains("stagger: " + message + System.lineSeparator())
                .contains("stagger: output so far: " + out.resolve("diffusion-2d.pvd"))
                .doesNotContain("internal error").doesNotContain("Exception");
        assertThat(r.err().split("became non-finite", -1)).hasSize(2);
        assertThat(r.out()).doesNotContain("Done:");
        String state = Files.readString(out.resolve("stagger-run.state"));
        assertThat(state).contains("state=failed").contains("step=20").contains("message=" + message);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vti"))).containsExactly(
                    "diffusion-2d_000000.vti");
        }
        assertThat(Files.readString(out.resolve("diffusion-2d.pvd"))).contains("diffusion-2d_000000.vti")
                .doesNotContain("000020");
        assertThat(java.util.Arrays.stream(VtiReader.read(out.resolve("diffusion-2d_000000.vti")).values("C")))
                .allMatch(Double::isFinite);
    }

    @Test
    void backendAutoFallsBackToTheCpuVisiblyAndCudaSaysWhatIsMissing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                dev.stagger.engine.backend.CudaProbe.ofThisMachine().missing().isEmpty(),
                "this machine has a usable GPU: the CUDA backend ITs cover it");
        Path out = tmp.resolve("auto");
        Result auto = stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--out", out.toString(), "--steps",
                "3", "--backend", "auto", "--set", "output.every=0", "-q");
        assertThat(auto.exit()).as(auto.err()).isZero();
        assertThat(auto.out()).contains("Done: 3 steps");
        // no driver here, so auto says why it runs on the CPU
        assertThat(auto.err()).contains("stagger: backend auto: no usable GPU (missing: ")
                .contains("; running on the CPU");

        Path never = tmp.resolve("cuda");
        Result cuda = stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--out", never.toString(),
                "--backend", "cuda");
        assertThat(cuda.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(cuda.err()).contains("stagger: backend cuda cannot run here; missing: ")
                .contains("nothing was run").doesNotContain("at dev.stagger");
        assertThat(never.resolve("diffusion-1d_000000.vti")).doesNotExist();

        Result cpu = stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--out", tmp.resolve("cpu")
                .toString(), "--steps", "2", "--backend", "cpu", "--set", "output.every=0", "-q");
        assertThat(cpu.exit()).as(cpu.err()).isZero();
        assertThat(cpu.err()).doesNotContain("backend");

        Result bad = stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--backend", "opencl");
        assertThat(bad.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(bad.err()).contains("expected cpu, cuda or auto, got 'opencl'");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--threads", "0").exit())
                .isEqualTo(StaggerCli.EXIT_USAGE);
        Result r = stagger("run", SAMPLES.resolve("diffusion-1d.yaml").toString(), "--precision", "f16");
        assertThat(r.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(r.err()).contains("expected f32 or f64, got 'f16'");
        assertThat(stagger("run", tmp.resolve("missing.yaml").toString()).err()).contains("no such");
    }

    @Test
    void modelsListsParametersWithUnitsAndRanges() {
        Result r = stagger("models");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("diffusion").contains("chi").contains("m²/s").contains("> 0");
    }
}
