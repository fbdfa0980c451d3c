package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.engine.output.VtiArray;
import dev.stagger.engine.output.VtiFile;
import dev.stagger.engine.output.VtiReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project-file fuzzer: mutants of the sample projects go through the in-process {@code validate},
 * and those that validate through a two-step {@code run}. Whatever the input, the CLI must answer
 * with exit 0 or 2 (a run may also fail with 1 and a reason), never a trace or an internal error,
 * locate its problems, finish in time, and write only finite values.
 *
 * <p>Reproducible: the seed is printed; {@code -Dstagger.fuzz.seed=N} and {@code -Dstagger.fuzz.cases=N}
 * override it and the number of mutants. A failing mutant is written to {@code target/fuzz-failures/}
 * with what the CLI said.
 */
class ProjectFuzzTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects");
    private static final String[] SAMPLE_NAMES = {"diffusion-1d.yaml", "diffusion-2d.yaml", "diffusion-3d.yaml"};
    private static final long DEFAULT_SEED = 20261129L;
    private static final int DEFAULT_CASES = 1000;
    private static final long TIMEOUT_S = 10;
    /** Runs of mutants with more cells than this get a small grid instead. */
    private static final long RUN_CELL_BUDGET = 70_000;

    /** A located problem ({@code f.yaml:3:7: key: message}), one without a line, or the CLI's own line. */
    private static final Pattern PROBLEM_LINE = Pattern.compile("^([^\\s:]+|override '.*'):\\d+:\\d+: .+");
    private static final Pattern PLAIN_LINE = Pattern.compile("^(stagger|[^\\s:]+\\.yaml|override '.*'): .+");
    private static final Pattern CELLS = Pattern.compile(", \\dD, (\\d+(?: x \\d+)*) cells on ");

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    private ExecutorService executor = newExecutor();

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-case", 0);
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void mutantsOfTheSamplesGetCleanAnswers() throws Exception {
        long seed = Long.getLong("stagger.fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("stagger.fuzz.cases", DEFAULT_CASES);
        System.out.println("ProjectFuzzTest: seed " + seed + ", " + cases + " cases (rerun with -Dstagger.fuzz.seed="
                + seed + " -Dstagger.fuzz.cases=" + cases + ")");
        String[] samples = new String[SAMPLE_NAMES.length];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Files.readString(SAMPLES.resolve(SAMPLE_NAMES[i]));
        }
        List<String> failures = new ArrayList<>();
        int[] exits = new int[3];
        java.util.Map<Integer, Integer> runExits = new java.util.TreeMap<>();
        java.util.Set<String> runFailures = new java.util.TreeSet<>();
        int runs = 0;
        int shrunk = 0;
        long started = System.nanoTime();
        for (int c = 0; c < cases; c++) {
            // one Random per case, so that a single case can be made again from the seed and its number
            Random random = new Random(seed * 1_000_003L + c);
            ProjectMutator.Mutant mutant = new ProjectMutator(random).mutateWithSets(samples[random.nextInt(samples.length)]);
            Path project = tmp.resolve("mutant-" + c + ".yaml");
            Files.write(project, mutant.bytes());
            String label = "case " + c + " (" + mutant.description() + ")";

            List<String> validate = new ArrayList<>(List.of("validate", project.toString()));
            for (String set : mutant.sets()) {
                validate.add("--set");
                validate.add(set);
            }
            Result v = stagger(label, failures, mutant, seed, c, validate.toArray(String[]::new));
            if (v == null) {
                continue;
            }
            List<String> bad = new ArrayList<>(cleanAnswer(v, false));
            if (v.exit() == 0 || v.exit() == 2) {
                exits[v.exit() == 0 ? 0 : 1]++;
            } else {
                exits[2]++;
            }
            if (!bad.isEmpty()) {
                failures.add(record(seed, c, "validate: " + label + ": " + String.join("; ", bad), mutant, v));
                continue;
            }
            if (v.exit() != 0) {
                continue;
            }
            // validated: a two-step run, on a small grid when the mutant's is large
            List<String> args = new ArrayList<>(List.of("run", project.toString(), "--steps", "2", "--threads", "1",
                    "-q", "--out", tmp.resolve("out-" + c).toString()));
            for (String set : mutant.sets()) {
                args.add("--set");
                args.add(set);
            }
            Matcher cells = CELLS.matcher(v.out());
            if (cells.find()) {
                String[] counts = cells.group(1).split(" x ");
                long total = 1;
                for (String n : counts) {
                    total *= Long.parseLong(n);
                }
                if (total > RUN_CELL_BUDGET) {
                    args.add("--set");
                    args.add("grid.cells=[" + String.join(", ", java.util.Collections.nCopies(counts.length, "8")) + "]");
                    shrunk++;
                }
            }
            runs++;
            Result r = stagger(label, failures, mutant, seed, c, args.toArray(String[]::new));
            if (r == null) {
                continue;
            }
            runExits.merge(r.exit(), 1, Integer::sum);
            if (r.exit() == 1) {
                runFailures.add(r.err().lines().findFirst().orElse("").replaceAll("-?[0-9][0-9.eE+-]*", "#")
                        .replace(tmp.toString(), "<tmp>"));
            }
            List<String> runBad = new ArrayList<>(cleanAnswer(r, true));
            if (r.exit() == 0) {
                runBad.addAll(nonFinite(tmp.resolve("out-" + c)));
            }
            if (r.exit() == 1 && r.err().contains("where the run starts")) {
                // the initial values are input, and validate said they were fine
                runBad.add("validate OK, but the run cannot start from the initial values (exit 1)");
            }
            if (!runBad.isEmpty()) {
                failures.add(record(seed, c, "run: " + label + ": " + String.join("; ", runBad), mutant, r));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT,
                "ProjectFuzzTest: %d cases in %.1f s: validate OK %d, refused (2) %d, other %d; %d runs (%d on a"
                        + " smaller grid; exit codes %s); %d failures%n",
                cases, seconds, exits[0], exits[1], exits[2], runs, shrunk, runExits, failures.size());
        runFailures.forEach(f -> System.out.println("ProjectFuzzTest: a run failed with exit 1: " + f));
        executor.shutdownNow();
        assertThat(failures).as("mutants with bad answers (seed %d; see target/fuzz-failures/)", seed).isEmpty();
    }

    // Reproducers of the bugs the fuzzer found, fixed since: they stay as regression tests.

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void anOutputEveryAboveTheIntRangeIsAProblemNotAnInternalError() throws Exception {
        Path project = tmp.resolve("every.yaml");
        Files.writeString(project, Files.readString(SAMPLES.resolve("diffusion-2d.yaml"))
                .replace("every: 20", "every: 2147483648"));
        for (String command : new String[] {"validate", "run"}) {
            Result r = cli(command, project.toString(), "--out", tmp.resolve("every-out").toString());
            assertThat(r.exit()).as(r.err()).isIn(0, 2);
            assertThat(r.err()).doesNotContain("internal error");
        }
        Result set = cli("validate", SAMPLES.resolve("diffusion-2d.yaml").toString(), "--set",
                "output.every=2147483648");
        assertThat(set.err()).doesNotContain("internal error");
    }

    @Test
    void aProblemQuotingAMultiLineTextStaysOnOneLine() throws Exception {
        Path project = tmp.resolve("block.yaml");
        Files.writeString(project, Files.readString(SAMPLES.resolve("diffusion-1d.yaml"))
                .replace("format: 1", "format: |\n  block\n  text"));
        Result r = cli("validate", project.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).allMatch(l -> PROBLEM_LINE.matcher(l).matches() || l.startsWith("stagger: "));
        Path alias = tmp.resolve("alias.yaml");
        Files.writeString(alias, Files.readString(SAMPLES.resolve("diffusion-1d.yaml"))
                .replace("description: |", "description: &d |").replace("chi: 1.0", "chi: *d"));
        Result a = cli("validate", alias.toString());
        assertThat(a.exit()).isEqualTo(2);
        assertThat(a.err().lines()).allMatch(l -> PROBLEM_LINE.matcher(l).matches() || l.startsWith("stagger: "));
        Path boundary = tmp.resolve("boundary.yaml");
        Files.writeString(boundary, Files.readString(SAMPLES.resolve("diffusion-1d.yaml"))
                .replace("all: {type: dirichlet, value: 0}", "all: |\n        block\n        text"));
        Result b = cli("validate", boundary.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err().lines()).allMatch(l -> PROBLEM_LINE.matcher(l).matches() || l.startsWith("stagger: "));
    }

    @Test
    void anInitialValueBeyondF32IsAProblemOfTheProject() throws Exception {
        Path project = tmp.resolve("f32.yaml");
        Files.writeString(project, Files.readString(SAMPLES.resolve("diffusion-1d.yaml"))
                .replace("exp(-((x - 0.5)/0.05)^2)", "1e39").replace("run:\n", "run:\n  precision: f32\n"));
        Result v = cli("validate", project.toString());
        Result r = cli("run", project.toString(), "--steps", "2", "-q", "--out", tmp.resolve("f32-out").toString());
        assertThat(r.exit()).as(r.err()).isNotEqualTo(1);
        assertThat(v.exit()).as("validate and run agree").isEqualTo(r.exit());
    }

    /** Runs the CLI in process with a timeout; null (and a recorded failure) when it hangs. */
    private Result stagger(String label, List<String> failures, ProjectMutator.Mutant mutant, long seed, int c,
            String... args) throws Exception {
        Future<Result> future = executor.submit(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(exit, out.toString(), err.toString());
        });
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            failures.add(record(seed, c, args[0] + ": " + label + ": no answer in " + TIMEOUT_S + " s", mutant, null));
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            failures.add(record(seed, c, args[0] + ": " + label + ": threw out of StaggerCli.execute",
                    mutant, new Result(-1, "", trace.toString())));
            return null;
        }
    }

    /** What is wrong with an answer, or nothing. */
    static List<String> cleanAnswer(Result r, boolean run) {
        List<String> bad = new ArrayList<>();
        String err = r.err();
        if (!(r.exit() == 0 || r.exit() == 2 || (run && r.exit() == 1))) {
            bad.add("exit " + r.exit());
        }
        for (String forbidden : new String[] {"internal error", "Exception", "at dev.stagger", "StackOverflowError",
            "OutOfMemoryError", "\tat "}) {
            if (err.contains(forbidden) || r.out().contains(forbidden)) {
                bad.add("says '" + forbidden.strip() + "'");
            }
        }
        if (r.exit() == 2) {
            List<String> lines = err.lines().toList();
            boolean located = lines.stream().anyMatch(l -> PROBLEM_LINE.matcher(l).matches()
                    || (PLAIN_LINE.matcher(l).matches() && !l.matches("stagger: \\d+ problems? in .*")));
            if (!located) {
                bad.add("exit 2 without a problem line");
            }
            if (lines.stream().anyMatch(l -> !PROBLEM_LINE.matcher(l).matches() && !PLAIN_LINE.matcher(l).matches())) {
                bad.add("a line that is not a problem (a message over several lines)");
            }
        }
        if (r.exit() == 1 && err.isBlank()) {
            bad.add("exit 1 without a reason");
        }
        return bad;
    }

    /** Every value of every .vti in {@code out} must be finite. */
    private static List<String> nonFinite(Path out) throws IOException {
        List<String> bad = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return List.of("run OK but no output folder " + out);
        }
        List<Path> vtis;
        try (Stream<Path> files = Files.list(out)) {
            vtis = files.filter(f -> f.getFileName().toString().endsWith(".vti")).sorted().toList();
        }
        if (vtis.isEmpty()) {
            bad.add("run OK but no .vti written");
        }
        for (Path vti : vtis) {
            VtiFile file = VtiReader.read(vti);
            for (var arrays : List.of(file.pointData(), file.cellData())) {
                for (var entry : arrays.entrySet()) {
                    VtiArray array = entry.getValue();
                    if (!Arrays.stream(array.values()).allMatch(Double::isFinite)) {
                        bad.add(vti.getFileName() + ": array " + entry.getKey() + " has values that are not finite");
                    }
                }
            }
        }
        return bad;
    }

    /** Writes the mutant and the answer to target/fuzz-failures/ and returns the failure's line. */
    private static String record(long seed, int c, String what, ProjectMutator.Mutant mutant, Result r) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            String base = "seed" + seed + "-case" + c;
            Files.write(dir.resolve(base + ".yaml"), mutant.bytes());
            String answer = what + "\n" + (r == null ? "(no answer)" : "exit " + r.exit() + "\n--- stdout\n" + r.out()
                    + "\n--- stderr\n" + r.err());
            Files.writeString(dir.resolve(base + ".txt"), answer, StandardCharsets.UTF_8);
            return what + " -> " + dir.resolve(base + ".yaml");
        } catch (IOException e) {
            return what + " (could not record it: " + e + ")";
        }
    }
}
