package dev.stagger.bench;

import dev.stagger.engine.backend.Backend;
import dev.stagger.engine.backend.BackendChoice;
import dev.stagger.engine.backend.CudaProbe;
import dev.stagger.engine.backend.Devices;
import dev.stagger.engine.backend.cuda.CudaBandwidth;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Node;
import dev.stagger.engine.model.lang.check.Nodes;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GPU backend against the GPU's own ceiling, measured in the same run: device-to-device copy
 * bandwidth (read + write), then T_eff of 2D diffusion (f64 and f32) and of one pseudo-transient
 * iteration of the 2D Stokes model (ParallelStencil's A_eff: each array a kernel of the iteration
 * writes counted twice, each it only reads once), and the gain of overlapping the halo exchange with
 * the inner region on two MPI ranks ({@code ./stagger run --ranks 2 --backend cuda} with and without
 * {@code --no-overlap}). Without a usable GPU it says so, and measures nothing.
 *
 * <p>Arguments: {@code [diffusion cells per side, default 8192] [steps, default 200] [stokes cells per
 * side, default 1023]}.
 */
public final class GpuBench {
    private static final Pattern STEPPING = Pattern.compile("\\(stepping ([0-9.]+) s\\)");

    private GpuBench() {}

    record Row(String what, double seconds, double teff, double ratio) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int stokesCells = args.length > 2 ? Integer.parseInt(args[2]) : 1023;
        CudaProbe probe = CudaProbe.ofThisMachine();
        List<String> missing = probe.missing();
        if (!missing.isEmpty()) {
            System.out.println("No usable GPU here (missing: " + String.join("; ", missing) + ").");
            System.out.println("GPU T_eff / device copy bandwidth: not measured");
            return;
        }
        Devices devices = probe.devices(new StringBuilder());
        System.out.println("Devices: " + String.join("; ", devices.describe()));
        double copy = CudaBandwidth.copyGBps(0, 1L << 30, 20);
        Path dir = Files.createTempDirectory("stagger-gpu-bench");
        // the runs' projects and outputs are scratch: gone when the benchmark ends, however it ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // nothing left to do at exit
            }
        }));
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("device copy (cuMemcpyDtoD, 1 GiB)", Double.NaN, copy, 1.0));
        for (Precision p : List.of(Precision.F64, Precision.F32)) {
            Path project = dir.resolve("diffusion.yaml");
            Files.writeString(project, "format: 1\ntitle: gpu benchmark\ngrid:\n  origin: [-2, -2]\n  extent: [4, 4]\n"
                    + "  cells: [" + n + ", " + n + "]\nmodel:\n  name: diffusion\nfields:\n  C:\n"
                    + "    initial: exp(-x^2 - y^2)\nrun:\n  steps: " + steps + "\noutput:\n  every: 0\n");
            RunPlan plan = plan(project, p);
            try (Simulation sim = simulation(plan, devices)) {
                Solver solver = sim.solver();
                double dt = plan.stepLength(0, 0);
                for (int s = 0; s < 10; s++) {
                    solver.step(dt);
                }
                solver.fields(); // waits for the device
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    solver.step(dt);
                }
                solver.fields();
                double seconds = (System.nanoTime() - t0) * 1e-9;
                // the copy back of the fields is part of the time measured: subtract nothing, report it plainly
                double teff = solver.effectiveBytesPerStep() * (double) steps / seconds / 1e9;
                rows.add(new Row(String.format(Locale.ROOT, "diffusion 2D %d^2 %s, %d steps", n, p.label(), steps),
                        seconds, teff, teff / copy));
            }
        }
        rows.add(stokes(dir, stokesCells, devices, copy));
        rows.addAll(overlap(dir, n, Math.max(20, steps / 2)));
        System.out.printf(Locale.ROOT, "%-52s %10s %12s %10s%n", "what", "time [s]", "T_eff GB/s", "/ copy");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-52s %10s %12s %10s%n", r.what(),
                    Double.isNaN(r.seconds()) ? "" : String.format(Locale.ROOT, "%.3f", r.seconds()),
                    Double.isNaN(r.teff()) ? "" : String.format(Locale.ROOT, "%.1f", r.teff()),
                    Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()));
        }
        System.out.printf(Locale.ROOT, "GPU T_eff / device copy bandwidth (diffusion 2D, f64): %.3f%n", rows.get(1).ratio());
    }

    private static RunPlan plan(Path project, Precision precision) throws Exception {
        return RunPlanner.plan(ProjectReader.read(project).project(), "bench",
                new RunPlanner.RunOverrides(1, null, precision));
    }

    private static Simulation simulation(RunPlan plan, Devices devices) {
        return new Simulation(plan, new SelfCommunicator(), new SerialExecutor(), true, null,
                new BackendChoice(Backend.CUDA, null, devices));
    }

    /** One physical step of the Stokes sample: its iterations' T_eff. */
    private static Row stokes(Path dir, int cells, Devices devices, double copy) throws Exception {
        Path project = dir.resolve("stokes.yaml");
        String sample;
        try (InputStream in = Files.newInputStream(Path.of("sample-projects/stokes-2d.yaml"))) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(project, sample.replaceFirst("cells: \\[126, 126\\]", "cells: [" + cells + ", " + cells + "]"));
        RunPlan plan = plan(project, Precision.F64);
        try (Simulation sim = simulation(plan, devices)) {
            Solver solver = sim.solver();
            long t0 = System.nanoTime();
            solver.step(plan.stepLength(0, 0));
            solver.fields();
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double iterations = solver.residuals().getOrDefault("iterations", Double.NaN);
            CheckedModel model = ((LangModel) plan.model()).checked();
            double bytes = iterationBytes(model) * (double) cells * cells * Double.BYTES;
            double teff = bytes * iterations / seconds / 1e9;
            return new Row(String.format(Locale.ROOT, "stokes 2D %d^2 f64, 1 step = %.0f iterations", cells, iterations),
                    seconds, teff, teff / copy);
        }
    }

    /** A_eff of one iteration, in arrays: fields the loop's kernels write twice, those they only read once. */
    static int iterationBytes(CheckedModel model) {
        Set<Integer> written = new HashSet<>();
        Set<Integer> read = new HashSet<>();
        collect(model, model.program(), false, written, read);
        read.removeAll(written);
        return 2 * written.size() + read.size();
    }

    private static void collect(CheckedModel model, List<CheckedModel.Op> ops, boolean inLoop, Set<Integer> written,
            Set<Integer> read) {
        for (CheckedModel.Op op : ops) {
            if (op instanceof CheckedModel.Loop l) {
                collect(model, l.body(), true, written, read);
            } else if (op instanceof CheckedModel.If f) {
                collect(model, f.body(), inLoop, written, read);
            } else if (inLoop && op instanceof CheckedModel.RunKernel k) {
                for (CheckedModel.Statement s : model.kernels().get(k.kernel()).statements()) {
                    if (s.field() >= 0) {
                        written.add(s.field());
                    }
                    reads(s.value(), read);
                }
            }
        }
    }

    private static void reads(Node n, Set<Integer> out) {
        if (n instanceof Node.Read r) {
            out.add(r.field());
        }
        for (Node c : Nodes.children(n)) {
            reads(c, out);
        }
    }

    /** Two ranks through ./stagger, overlap on and off: the gain is the ratio of their stepping times. */
    private static List<Row> overlap(Path dir, int n, int steps) throws Exception {
        if (!dev.stagger.engine.distributed.Communicators.mpiAvailable()) {
            return List.of(new Row("2 ranks overlap: not measured (no Open MPI Java bindings)", Double.NaN, Double.NaN,
                    Double.NaN));
        }
        Path project = dir.resolve("overlap.yaml");
        Files.writeString(project, "format: 1\ntitle: gpu overlap\ngrid:\n  origin: [-2, -2]\n  extent: [4, 4]\n"
                + "  cells: [" + n + ", " + n + "]\nmodel:\n  name: diffusion\nfields:\n  C:\n"
                + "    initial: exp(-x^2 - y^2)\nrun:\n  steps: " + steps + "\noutput:\n  every: 0\n");
        double on = stepping(dir, project, "on");
        double off = stepping(dir, project, "off");
        return List.of(new Row("2 ranks, halo exchange overlapped", on, Double.NaN, Double.NaN),
                new Row("2 ranks, not overlapped", off, Double.NaN, Double.NaN),
                new Row(String.format(Locale.ROOT, "overlap gain (not overlapped / overlapped) = %.3f", off / on),
                        Double.NaN, Double.NaN, Double.NaN));
    }

    private static double stepping(Path dir, Path project, String overlap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of("stagger").toAbsolutePath().toString(), "run",
                "--ranks", "2", "--threads", "1", "--backend", "cuda", "--out", dir.resolve("out-" + overlap).toString(),
                project.toString()));
        if (overlap.equals("off")) {
            command.add("--no-overlap");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor(30, TimeUnit.MINUTES);
        Matcher m = STEPPING.matcher(out);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IOException("the 2-rank GPU run failed:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
