package dev.stagger.engine.distributed.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.distributed.EquivalenceProjects;
import dev.stagger.engine.output.VtiFile;
import dev.stagger.engine.output.VtiReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs under real mpirun, as a user would ({@code ./stagger run --ranks N}, {@code mpirun -np N
 * ./stagger run}): every layout gives, in its parallel VTK output, bit-for-bit the field of the
 * single-rank run; failures end the whole job promptly with the failing rank's message.
 */
class MpiRunIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    private Result run(List<String> command, Duration limit) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        boolean done = p.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(done).as("finished within %s: %s", limit, Files.readString(err)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result stagger(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        return run(command, Duration.ofSeconds(180));
    }

    private Path project(int dims, String cells, String periodic, String boundary, long steps) throws IOException {
        Path file = Files.createTempFile(tmp, "eq", ".yaml");
        Files.writeString(file, EquivalenceProjects.yaml(dims, cells, periodic, boundary, steps).replace("  threads: 1\n", ""));
        return file;
    }

    private static String name(Path project) {
        String n = project.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }

    /** The final field of a run's output: one .vti, or the pieces of a .pvti joined. */
    private static double[] finalField(Path dir, String name, int steps, int[] cells) throws IOException {
        String step = String.format("%06d", steps);
        Path single = dir.resolve(name + "_" + step + ".vti");
        if (Files.exists(single)) {
            return VtiReader.read(single).values("C");
        }
        String pvti = Files.readString(dir.resolve(name + "_" + step + ".pvti"));
        int nx = cells[0];
        int ny = cells.length > 1 ? cells[1] : 1;
        int nz = cells.length > 2 ? cells[2] : 1;
        double[] joined = new double[nx * ny * nz];
        Matcher m = Pattern.compile("Source=\"([^\"]+)\"").matcher(pvti);
        int pieces = 0;
        while (m.find()) {
            VtiFile piece = VtiReader.read(dir.resolve(m.group(1)));
            int[] e = piece.extent();
            double[] v = piece.values("C");
            int n = 0;
            for (int k = e[4]; k < Math.max(e[5], e[4] + 1); k++) {
                for (int j = e[2]; j < Math.max(e[3], e[2] + 1); j++) {
                    for (int i = e[0]; i < e[1]; i++) {
                        joined[i + nx * (j + ny * k)] = v[n++];
                    }
                }
            }
            pieces++;
        }
        assertThat(pieces).isGreaterThan(1);
        return joined;
    }

    private void assertSameAsOneRank(Path project, int[] cells, int steps, String... rankedArgs) throws Exception {
        Path one = tmp.resolve("one-" + name(project));
        Result single = stagger("run", project.toString(), "--out", one.toString(), "-q");
        assertThat(single.exit()).as(single.err()).isZero();
        Path many = tmp.resolve("many-" + name(project));
        List<String> args = new ArrayList<>(List.of("run", project.toString(), "--out", many.toString(), "-q"));
        args.addAll(List.of(rankedArgs));
        Result ranked = stagger(args.toArray(String[]::new));
        assertThat(ranked.exit()).as(ranked.err()).isZero();
        assertThat(ranked.out()).contains("ranks x");
        assertThat(finalField(many, name(project), steps, cells)).isEqualTo(finalField(one, name(project), steps, cells));
    }

    private static final String MIXED = EquivalenceProjects.MIXED_2D;

    @ParameterizedTest(name = "{0} ranks as {1}, cells {2}")
    @CsvSource(delimiter = ';', value = {
        "4; [1, 4]; [40, 37]",
        "4; [4, 1]; [41, 30]",
        "4; [2, 2]; [33, 29]",
        "3; [3, 1]; [31, 20]"})
    void twoDimensionalLayoutsWithDirichletAndNeumannMatchOneRank(int ranks, String layout, String cells)
            throws Exception {
        Path project = project(2, cells, "[false, false]", MIXED, 20);
        int[] n = parse(cells);
        assertSameAsOneRank(project, n, 20, "--ranks", Integer.toString(ranks), "--set", "grid.ranks=" + layout);
    }

    @Test
    void periodicSidesOnSeveralRanksMatchOneRank() throws Exception {
        Path project = project(2, "[32, 27]", "[true, false]", MIXED.lines().filter(l -> !l.contains("x-"))
                .map(l -> l + "\n").reduce("", String::concat), 20);
        assertSameAsOneRank(project, new int[] {32, 27}, 20, "--ranks", "4", "--set", "grid.ranks=[2, 2]");
    }

    @ParameterizedTest(name = "{0} ranks as {1}")
    @CsvSource(delimiter = ';', value = {"4; [2, 2, 1]; [false, false, false]", "3; [1, 1, 3]; [false, false, true]"})
    void threeDimensionalLayoutsMatchOneRank(int ranks, String layout, String periodic) throws Exception {
        String boundary = periodic.contains("true")
                ? "      x-low: {type: dirichlet, value: \"y+z\"}\n      x-high: {type: neumann, value: 1}\n"
                : "      all: {type: neumann, value: 0}\n      z-low: {type: dirichlet, value: \"x*y\"}\n";
        Path project = project(3, "[13, 11, 10]", periodic, boundary, 10);
        assertSameAsOneRank(project, new int[] {13, 11, 10}, 10, "--ranks", Integer.toString(ranks), "--set",
                "grid.ranks=" + layout);
    }

    @Test
    void overlapOnAndOffAndThreadedRanksGiveTheSameNumbers() throws Exception {
        Path project = project(2, "[200, 150]", "[false, false]", MIXED, 10);
        assertSameAsOneRank(project, new int[] {200, 150}, 10, "--ranks", "2", "--threads", "2");
        assertSameAsOneRank(project, new int[] {200, 150}, 10, "--ranks", "2", "--threads", "2", "--no-overlap");
    }

    @Test
    void mpirunStartingTheLauncherDirectlyWorks() throws Exception {
        Path project = project(1, "[60]", "[true]", "", 30);
        Path out = tmp.resolve("direct");
        List<String> command = new ArrayList<>(List.of("mpirun", "-np", "3", "--oversubscribe", "--bind-to", "none"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-run-as-root");
        }
        command.addAll(List.of(ROOT.resolve("stagger").toString(), "run", project.toString(), "--out", out.toString(),
                "-q"));
        Result r = run(command, Duration.ofSeconds(180));
        assertThat(r.exit()).as(r.err()).isZero();
        // rank 0 alone speaks: one summary, not three
        assertThat(r.out().split("Done:", -1)).hasSize(2);
        assertThat(r.out()).contains("3 ranks x");
        Path one = tmp.resolve("direct-one");
        assertThat(stagger("run", project.toString(), "--out", one.toString(), "-q").exit()).isZero();
        assertThat(finalField(out, name(project), 30, new int[] {60}))
                .isEqualTo(finalField(one, name(project), 30, new int[] {60}));
    }

    @Test
    void aDecompositionThatCannotWorkIsRefusedBeforeLaunch() throws Exception {
        Path project = project(1, "[5]", "[false]", "", 3);
        Instant start = Instant.now();
        Result r = stagger("run", project.toString(), "--ranks", "4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot split the grid over 4 ranks").contains("4 ranks along x")
                .doesNotContain("mpirun").doesNotContain("Exception");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aRankThatFailsEndsTheJobWithItsMessageOnce() throws Exception {
        Path project = project(2, "[40, 40]", "[false, false]", MIXED, 100000);
        Path out = tmp.resolve("fail");
        Files.createDirectories(out);
        // rank 2 cannot write its piece of the initial state: a directory sits where the file goes
        Files.createDirectories(out.resolve(name(project) + "_000000_r0002.vti"));
        Files.writeString(out.resolve(name(project) + "_000000_r0002.vti").resolve("keep"), "x");
        Instant start = Instant.now();
        Result r = stagger("run", project.toString(), "--out", out.toString(), "--ranks", "4", "-q");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(90));
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("rank 2").contains("_000000_r0002.vti");
        assertThat(r.err().split("writing output", -1)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--ranks 2", "mpirun -np 3"})
    void aRunThatDivergesOnSeveralRanksFailsOnceFromRankZeroWithTheGlobalPlace(String how) throws Exception {
        Path out = tmp.resolve("diverged-" + how.replace(' ', '-'));
        // a jump from -1.5e308 to 1.5e308 across x = 0 overflows in the first steps, on the ranks that hold it
        List<String> args = List.of("run", ROOT.resolve("sample-projects/diffusion-2d.yaml").toString(), "--out",
                out.toString(), "-q", "--set", "fields.C.initial=1.5e308*tanh(1000*x)");
        Result r;
        if (how.startsWith("--ranks")) {
            List<String> command = new ArrayList<>(args);
            command.addAll(List.of("--ranks", "2"));
            r = stagger(command.toArray(String[]::new));
        } else {
            List<String> command = new ArrayList<>(List.of("mpirun", "-np", "3", "--oversubscribe", "--bind-to",
                    "none"));
            if ("root".equals(System.getProperty("user.name"))) {
                command.add("--allow-run-as-root");
            }
            command.add(ROOT.resolve("stagger").toString());
            command.addAll(args);
            r = run(command, Duration.ofSeconds(180));
        }
        // the place in global coordinates: what one rank reports for the same run
        String message = "field C became non-finite between steps 0 and 20: Infinity at x = -0.609375, y = -1.98438"
                + " (cell [45, 1] of [128, 128]) is the first such value; the run diverged and stops at step 20, and its"
                + " outputs up to step 0 are kept";
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("stagger: " + message).doesNotContain("Exception").doesNotContain("rank 1");
        assertThat(r.err().split("became non-finite", -1)).as(r.err()).hasSize(2);
        assertThat(Files.readString(out.resolve("stagger-run.state"))).contains("state=failed")
                .contains("message=" + message);
        assertThat(Files.readString(out.resolve("diffusion-2d.pvd"))).contains("diffusion-2d_000000.pvti")
                .doesNotContain("000020");
    }

    @Test
    void aKilledRankEndsTheJobInsteadOfHangingIt() throws Exception {
        Path project = project(2, "[64, 64]", "[false, false]", MIXED, 100000000);
        Path out = tmp.resolve("killed");
        List<String> command = List.of(ROOT.resolve("stagger").toString(), "run", project.toString(), "--out",
                out.toString(), "--ranks", "3", "-q");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.txt").toFile()).start();
        try {
            killOneRankAndExpectTheJobToEnd(p, out, project);
        } finally {
            // whatever happened above, leave no job behind
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private void killOneRankAndExpectTheJobToEnd(Process p, Path out, Path project) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        ProcessHandle victim = null;
        while (victim == null) {
            assertThat(Instant.now()).as("ranks started").isBefore(deadline);
            // the ranks are the JVMs below mpirun; the launcher's own JVM is the script's child
            long launcherPid = p.pid();
            List<ProcessHandle> ranks = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")
                    && h.parent().map(parent -> parent.pid() != launcherPid
                            && !parent.info().command().orElse("").endsWith("java")).orElse(false))
                    .toList();
            if (ranks.size() == 3 && Files.exists(out.resolve(name(project) + ".pvd"))) {
                victim = ranks.get(1);
            } else {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        victim.destroyForcibly();
        Instant killed = Instant.now();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("job ended after a rank was killed").isTrue();
        assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(p.exitValue()).isNotZero();
    }

    private static int[] parse(String list) {
        String[] parts = list.replace("[", "").replace("]", "").split(",");
        int[] n = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            n[i] = Integer.parseInt(parts[i].trim());
        }
        return n;
    }
}
