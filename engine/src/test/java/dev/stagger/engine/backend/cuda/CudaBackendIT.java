package dev.stagger.engine.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.model.lang.catalogue.Catalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GPU backend run as a user runs it ({@code ./stagger run --backend cuda}), on this machine
 * without a GPU: JCuda's native library loads the CPU stand-in for the driver ({@link
 * FakeCudaDriver}) in place of libcuda, which runs the model's generated CUDA C compiled through
 * the CPU shim. Everything of the backend runs for real (device selection, contexts, memory,
 * pinned halo buffers, two streams with events, module loading, launches, reductions, copies
 * back); its outputs must equal the CPU backend's byte for byte, on one rank and on two MPI
 * ranks that each take their own device. On a machine with a GPU, {@code -Dstagger.cuda.real=true}
 * runs the same comparisons on the real driver and device instead (the stand-in's own failure
 * cases are then skipped).
 */
class CudaBackendIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Whether to use the machine's real driver and GPU instead of the stand-in. */
    private static final boolean REAL = Boolean.getBoolean("stagger.cuda.real");
    private static FakeCudaDriver driver;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildStandIn() throws Exception {
        if (REAL) {
            return;
        }
        Optional<String> why = FakeCudaDriver.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "the CUDA stand-in cannot be built here: " + why.orElse(""));
        driver = FakeCudaDriver.build();
        for (String file : List.of("diffusion-2d.yaml", "diffusion-3d.yaml", "waves-2d.yaml", "stokes-2d.yaml",
                "sia-2d.yaml")) {
            for (boolean f32 : new boolean[] {false, true}) {
                driver.module(Catalogue.checked(file), f32);
            }
        }
    }

    record Result(int exit, String out, String err) {}

    private Result stagger(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(done).as("finished in time: %s", Files.readString(err)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path project(String sample) throws IOException {
        Path copy = tmp.resolve(sample);
        Files.copy(ROOT.resolve("sample-projects").resolve(sample), copy);
        return copy;
    }

    /** The output files of a run (VTK pieces, series), name to bytes; the run's own records left out. */
    private static Map<String, byte[]> outputs(Path dir) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString();
                if (name.endsWith(".vti") || name.endsWith(".pvti") || name.endsWith(".pvd")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    @ParameterizedTest(name = "{0} {1} on {2} rank(s)")
    @CsvSource({
        "diffusion-2d.yaml, f64, 1, 60, ''",
        "diffusion-2d.yaml, f32, 2, 60, ''",
        "diffusion-3d.yaml, f64, 2, 10, 'grid.cells=[24, 20, 18]'",
        "waves-2d.yaml, f32, 1, 40, 'grid.cells=[64, 48]'",
        "waves-2d.yaml, f64, 2, 40, 'grid.cells=[64, 48]'",
        "stokes-2d.yaml, f64, 1, 1, 'grid.cells=[32, 32]'",
        "stokes-2d.yaml, f32, 2, 1, 'grid.cells=[32, 32]'",
        "sia-2d.yaml, f64, 1, 20, 'grid.cells=[48, 40]'",
    })
    void theGpuBackendGivesTheCpuBackendsBits(String sample, String precision, int ranks, int steps, String set)
            throws Exception {
        if (ranks > 1) {
            Assumptions.assumeTrue(dev.stagger.engine.distributed.Communicators.mpiAvailable(),
                    "no Open MPI Java bindings: the multi-rank cases need them");
        }
        Path project = project(sample);
        Path log = tmp.resolve("driver.log");
        List<String> common = new ArrayList<>(List.of("run", "--precision", precision, "--steps",
                Integer.toString(steps), "--threads", "1"));
        if (!set.isEmpty()) {
            common.addAll(List.of("--set", set));
        }
        if (ranks > 1) {
            common.addAll(List.of("--ranks", Integer.toString(ranks)));
        }
        List<String> gpu = new ArrayList<>(common);
        gpu.addAll(List.of("--backend", "cuda", "--out", "gpu", project.toString()));
        Result onGpu = stagger(REAL ? Map.of() : driver.environment(2, log), gpu.toArray(new String[0]));
        assertThat(onGpu.exit()).as(onGpu.out() + onGpu.err()).isZero();
        List<String> cpu = new ArrayList<>(common);
        cpu.addAll(List.of("--backend", "cpu", "--out", "cpu", project.toString()));
        Result onCpu = stagger(Map.of(), cpu.toArray(new String[0]));
        assertThat(onCpu.exit()).as(onCpu.out() + onCpu.err()).isZero();

        if (REAL) {
            assertThat(onGpu.out()).contains("on the GPU: cuda device 0 of ");
            for (int r = 0; r < ranks; r++) {
                assertThat(onGpu.out()).containsPattern("rank " + r + " \\(cuda device [0-9]+ of [0-9]+ .*\\): compute");
            }
        } else {
            assertThat(onGpu.out()).contains("on the GPU: cuda device 0 of 2 (Stagger CPU stand-in 0, compute 7.5");
            for (int r = 0; r < ranks; r++) {
                // each rank on its own device (the node-local rank picks it), with its timings
                assertThat(onGpu.out()).containsPattern("rank " + r + " \\(cuda device " + r
                        + " of 2 \\(Stagger CPU stand-in " + r + ".*\\): compute [0-9.]+ s, halo exchange [0-9.]+ s");
            }
            assertThat(Files.readString(log)).contains("launch stagger_kernel0_");
        }
        Map<String, byte[]> expected = outputs(tmp.resolve("cpu"));
        Map<String, byte[]> actual = outputs(tmp.resolve("gpu"));
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name + " of the GPU run equals the CPU run's").isEqualTo(expected.get(name));
        }
    }

    @Test
    void backendsListsTheDevicesOrWhatIsMissing() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Result two = stagger(driver.environment(2, tmp.resolve("log")), "backends");
        assertThat(two.exit()).as(two.err()).isZero();
        assertThat(two.out()).contains("cpu: usable, ").contains("cuda: usable; each rank takes its node's next device:")
                .contains("  cuda device 0 of 2 (Stagger CPU stand-in 0, compute 7.5, 8.6 GB)")
                .contains("  cuda device 1 of 2 (Stagger CPU stand-in 1, compute 7.5, 8.6 GB)");
        Result none = stagger(driver.environment(0, tmp.resolve("log")), "backends");
        assertThat(none.out()).contains("cuda: not usable here (missing: a GPU (the NVIDIA driver reports none")
                .contains("backend auto runs on the CPU");
        if (Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib").noneMatch(d -> Files.exists(Path.of(d,
                "libcuda.so.1")))) {
            Result noDriver = stagger(Map.of(), "backends");
            assertThat(noDriver.out()).contains("cuda: not usable here (missing: the NVIDIA driver (no libcuda.so.1");
        }
    }

    @Test
    void cudaWithoutADeviceStopsAndSaysWhy() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = project("diffusion-2d.yaml");
        Result r = stagger(driver.environment(0, tmp.resolve("log")), "run", "--backend", "cuda", "--out", "out",
                project.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("backend cuda cannot run here; missing: a GPU (the NVIDIA driver reports none")
                .contains("nothing was run").doesNotContain("Exception");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void autoWithoutADeviceRunsOnTheCpuAndSaysSo() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = project("diffusion-2d.yaml");
        Result r = stagger(driver.environment(0, tmp.resolve("log")), "run", "--backend", "auto", "--steps", "5",
                "--out", "out", project.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("stagger: backend auto: no usable GPU (missing: a GPU (the NVIDIA driver reports"
                + " none").contains("running on the CPU");
        assertThat(r.out()).doesNotContain("on the GPU");
        assertThat(Files.readString(tmp.resolve("out/stagger-run.state"))).contains("finished");
    }

    @Test
    void aDeviceTooSmallForTheFieldsIsNamedWithTheMemoryNeededAndFree() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = project("diffusion-2d.yaml");
        Map<String, String> env = new HashMap<>(driver.environment(1, tmp.resolve("log")));
        env.put("STAGGER_FAKE_CUDA_MEMORY", "1000000");
        Result r = stagger(env, "run", "--backend", "cuda", "--steps", "5", "--out", "out", project.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).containsPattern("cuda device 0 of 1 \\(Stagger CPU stand-in 0.*\\): model diffusion-eq-2d"
                + " needs [0-9.]+ GB of device memory on rank 0, and 0.00 GB of 0.00 GB are free; use more ranks")
                .doesNotContain("Exception");
    }

    /** The diffusion sample on a model file of the user's (a copy of the catalogue's, so it has no packaged PTX). */
    private Path userModelProject() throws IOException {
        Path project = project("diffusion-2d.yaml");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("my-diffusion.yaml"), Catalogue.text("diffusion-2d.yaml"));
        String text = Files.readString(project).replaceFirst("model:\\n  name: diffusion\\n",
                "model:\n  file: models/my-diffusion.yaml\n");
        assertThat(text).contains("file: models/my-diffusion.yaml");
        Files.writeString(project, text);
        return project;
    }

    @Test
    void aDeviceOlderThanThePtxTargetIsNamed() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = project("diffusion-2d.yaml");
        Map<String, String> env = new HashMap<>(driver.environment(1, tmp.resolve("log")));
        env.put("STAGGER_FAKE_CUDA_CAPABILITY", "60");
        Result r = stagger(env, "run", "--backend", "cuda", "--steps", "5", "--out", "out", project.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("cuda device 0 of 1 (Stagger CPU stand-in 0, compute 6.0")
                .contains("is too old: Stagger's GPU code targets compute capability 7.5 or newer; run with --backend cpu")
                .doesNotContain("Exception");
    }

    @Test
    void aUserModelIsCompiledByNvrtcAtRunTimeAndGivesTheCpuBits() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = userModelProject();
        Path log = tmp.resolve("driver.log");
        Result gpu = stagger(driver.environment(1, log, true), "run", "--backend", "cuda", "--steps", "30",
                "--threads", "1", "--out", "gpu", project.toString());
        assertThat(gpu.exit()).as(gpu.out() + gpu.err()).isZero();
        assertThat(gpu.out()).contains("on the GPU: cuda device 0 of 1");
        Result cpu = stagger(Map.of(), "run", "--backend", "cpu", "--steps", "30", "--threads", "1", "--out", "cpu",
                project.toString());
        assertThat(cpu.exit()).as(cpu.err()).isZero();
        Map<String, byte[]> expected = outputs(tmp.resolve("cpu"));
        Map<String, byte[]> actual = outputs(tmp.resolve("gpu"));
        assertThat(actual.keySet()).isEqualTo(expected.keySet()).isNotEmpty();
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
    }

    @Test
    void aUserModelWithoutNvrtcIsRefusedWithWhatToInstall() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/local/cuda/lib64", "/usr/lib64")) {
            Assumptions.assumeFalse(Files.exists(Path.of(d, "libnvrtc.so.12")), "this machine has NVRTC in " + d);
        }
        Path project = userModelProject();
        Result r = stagger(driver.environment(1, tmp.resolve("log")), "run", "--backend", "cuda", "--steps", "5",
                "--out", "out", project.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("has no PTX packaged with Stagger").contains("libnvrtc.so.12")
                .contains("--backend cpu").doesNotContain("Exception");
    }

    @Test
    void aLivePreviewIsBinnedOnTheDeviceAndShowsTheFieldsValues() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = project("diffusion-2d.yaml");
        Path log = tmp.resolve("driver.log");
        Map<String, String> env = driver.environment(1, log);
        List<String> command = List.of(ROOT.resolve("stagger").toString(), "run", "--backend", "cuda", "--steps",
                "50000000", "--threads", "1", "--set", "output.every=0", "--out", "live", project.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("run.out").toFile()).redirectError(tmp.resolve("run.err").toFile());
        pb.environment().putAll(env);
        Process run = pb.start();
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(tmp.resolve("live/stagger-run.endpoint"))) {
                assertThat(System.nanoTime()).as("the run's live server starts: %s", Files.readString(
                        tmp.resolve("run.err"))).isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(stagger(env, "pause", "live").exit()).isZero();
            Result preview = stagger(env, "preview", "live", "--png", "c.png", "--resolution", "32");
            assertThat(preview.exit()).as(preview.err()).isZero();
            // the bins were made on the device: only they crossed to the host
            assertThat(Files.readString(log)).contains("launch stagger_preview");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "at step (\\d+) .*, 32 x 32 values, min (\\S+), max (\\S+)").matcher(preview.out());
            assertThat(m.find()).as(preview.out()).isTrue();
            assertThat(stagger(env, "stop", "live").exit()).isZero();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            // a run stopped while paused writes its state at that very step: the preview's extremes are its field's
            String step = String.format("%06d", Long.parseLong(m.group(1)));
            double[] c = dev.stagger.engine.output.VtiReader.read(tmp.resolve("live/diffusion-2d_" + step + ".vti"))
                    .values("C");
            double min = java.util.Arrays.stream(c).min().orElseThrow();
            double max = java.util.Arrays.stream(c).max().orElseThrow();
            assertThat(m.group(2)).isEqualTo(String.format(java.util.Locale.ROOT, "%.6g", min));
            assertThat(m.group(3)).isEqualTo(String.format(java.util.Locale.ROOT, "%.6g", max));
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    void aDivergingRunStopsWithTheCpusMessage() throws Exception {
        Assumptions.assumeFalse(REAL, "a case of the stand-in");
        Path project = project("diffusion-2d.yaml");
        // a jump from -1.5e308 to 1.5e308 across x = 0: the first differences of C overflow
        List<String> args = List.of("run", "--steps", "400", "--threads", "1", "--set",
                "fields.C.initial=1.5e308*tanh(1000*x)", project.toString());
        List<String> gpu = new ArrayList<>(args);
        gpu.addAll(List.of("--backend", "cuda", "--out", "gpu"));
        List<String> cpu = new ArrayList<>(args);
        cpu.addAll(List.of("--backend", "cpu", "--out", "cpu"));
        Result onGpu = stagger(driver.environment(1, tmp.resolve("log")), gpu.toArray(new String[0]));
        Result onCpu = stagger(Map.of(), cpu.toArray(new String[0]));
        assertThat(onCpu.exit()).isEqualTo(1);
        assertThat(onGpu.exit()).isEqualTo(1);
        String why = onCpu.err().lines().filter(l -> l.contains("became non-finite")).findFirst().orElseThrow();
        assertThat(onGpu.err()).contains(why.replace("/cpu", "/gpu"));
        // the checks before the blow-up were made on the device, without copying the field back
        assertThat(Files.readString(tmp.resolve("log"))).contains("launch stagger_maxabs");
    }
}
