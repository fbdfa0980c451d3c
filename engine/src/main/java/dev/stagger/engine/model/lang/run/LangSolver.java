package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.bc.BoundaryCondition;
import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.SolverContext;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Locations;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;
import dev.stagger.engine.model.lang.eval.Reductions;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a checked model on one rank: its fields (halo as wide as its stencils need), its scalars,
 * and its step program. Kernels go through the run's {@link Launcher} with Chmy's inner/outer split;
 * after the slabs of each dimension the fields the kernel lists under {@code then} get their halos
 * exchanged and their boundary conditions applied (z, y, x), as the hand-written diffusion does.
 */
public final class LangSolver implements Solver {

    private final CheckedModel model;
    private final Grid grid;
    private final Field[] fields;
    private final FieldBoundaries[] boundaries;
    private final double[] scalars;
    private final HaloExchange exchange;
    private final Communicator comm;
    private final FieldSpace space;
    /** Per field, whether the host copy holds the last step's values (a device space copies one back on demand). */
    private final boolean[] onHost;
    /** The indices of the fields a user can output or preview, in model order. */
    private final int[] outputs;
    private final Map<String, Double> residuals = new LinkedHashMap<>();
    /** The checks of this step's loops, for the monitor's convergence plot. */
    private final List<dev.stagger.engine.model.ConvergenceCheck> checks = new ArrayList<>();
    private long steps;
    /** Whether the fields came from a checkpoint (the init program then never runs). */
    private final boolean restarted;
    /** Whether the model computes its own dt (a per-step scalar named dt). */
    private final boolean setsOwnStep;

    public LangSolver(SolverContext context, CheckedModel model, Execution.Mode mode,
            dev.stagger.engine.model.lang.jvm.CompiledModel compiled) {
        this.model = model;
        this.grid = context.grid();
        this.exchange = context.exchange();
        this.comm = context.communicator();
        int dims = grid.dims();
        List<CheckedModel.Field> declared = model.fields();
        fields = new Field[declared.size()];
        for (int f = 0; f < fields.length; f++) {
            CheckedModel.Field d = declared.get(f);
            fields[f] = Field.create(d.name(), grid, Locations.toLocations(d.location()), model.halo(), context.precision());
        }
        scalars = new double[model.scalarNames().size()];
        GridScalars.fill(model, grid, scalars);
        for (ModelFile.Parameter p : model.file().parameters()) {
            scalars[model.slot(p.name())] = context.parameter(p.name());
        }
        boundaries = new FieldBoundaries[fields.length];
        for (int f = 0; f < fields.length; f++) {
            boundaries[f] = boundariesOf(context, declared.get(f), fields[f]);
        }
        this.restarted = context.restartStep() >= 0;
        if (restarted) {
            // a checkpoint holds every output field: the model's whole state, not only what the
            // project initialises; internal fields are recomputed before they are read
            steps = context.restartStep();
            String carried = carriedScalar(model);
            if (carried != null) {
                throw new dev.stagger.engine.model.ModelCannotRunException("model " + model.file().name()
                        + " carries the scalar " + carried
                        + " from step to step, and checkpoints hold fields only: it cannot restart from a checkpoint"
                        + " (run it from the start)");
            }
        }
        for (int f = 0; f < fields.length; f++) {
            boolean restored = restarted ? declared.get(f).output() : declared.get(f).prognostic();
            if (restored) {
                context.initialize(fields[f], declared.get(f).name());
                for (int d = dims - 1; d >= 0; d--) {
                    exchange.exchange(d, fields[f]);
                    boundaries[f].apply(d);
                }
            }
        }
        this.setsOwnStep = model.scalars().stream().anyMatch(s -> s.slot() == CheckedModel.DT);
        this.onHost = new boolean[fields.length];
        java.util.Arrays.fill(onHost, true);
        this.outputs = java.util.stream.IntStream.range(0, fields.length).filter(f -> declared.get(f).output()).toArray();
        ModelRanges ranges = new ModelRanges(grid, exchange, model.halo());
        if (context.device() instanceof DeviceFieldSpaces device) {
            this.space = device.open(model, fields, boundaries, exchange, comm, scalars, ranges, context.overlap());
        } else {
            this.space = new HostFieldSpace(model, fields, boundaries, context.launcher(), exchange,
                    Execution.create(mode, model, compiled, fields, scalars), ranges);
        }
        // constants that do not depend on dt are known now (dt = 0 until the first step)
        evaluateConstants();
    }

    /** A per-step scalar whose value depends on its own or a later one's from the step before, or null. */
    static String carriedScalar(CheckedModel model) {
        List<CheckedModel.Assignment> scalars = model.scalars();
        for (int k = 0; k < scalars.size(); k++) {
            Set<Integer> later = new HashSet<>();
            for (int m = k; m < scalars.size(); m++) {
                later.add(scalars.get(m).slot());
            }
            later.remove(CheckedModel.DT);
            if (readsScalar(scalars.get(k).value(), later)) {
                return scalars.get(k).name();
            }
        }
        return null;
    }

    private static boolean readsScalar(dev.stagger.engine.model.lang.check.Node n, Set<Integer> slots) {
        if (n instanceof dev.stagger.engine.model.lang.check.Node.Scalar sc && slots.contains(sc.slot())) {
            return true;
        }
        for (var c : dev.stagger.engine.model.lang.check.Nodes.children(n)) {
            if (readsScalar(c, slots)) {
                return true;
            }
        }
        return false;
    }

    private FieldBoundaries boundariesOf(SolverContext context, CheckedModel.Field declared, Field field) {
        ModelFile.BoundarySpec b = declared.boundary();
        if (b == null) {
            return new FieldBoundaries(field);
        }
        if (b.projectField() != null) {
            return context.boundaries(field, b.projectField());
        }
        FieldBoundaries result = new FieldBoundaries(field);
        for (Map.Entry<Integer, ModelFile.FixedBoundary> e : b.fixed().entrySet()) {
            int d = e.getKey();
            if (d >= grid.dims() || grid.periodic(d)) {
                continue;
            }
            for (Side side : Side.values()) {
                if (!exchange.isDomainBoundary(d, side.ordinal())) {
                    continue;
                }
                ModelFile.FixedBoundary fb = e.getValue();
                result.set(d, side, fb.kind().equals("dirichlet") ? BoundaryCondition.dirichlet(fb.value())
                        : BoundaryCondition.neumann(fb.value()));
            }
        }
        return result;
    }

    public CheckedModel model() {
        return model;
    }

    /** Every field of the model, internal ones included (tests compare them all). */
    public List<Field> allFields() {
        for (int f = 0; f < fields.length; f++) {
            host(f);
        }
        return List.of(fields);
    }

    /** Where the fields live, for the run's per-rank table; null for the host. */
    public String device() {
        return space.describe();
    }

    /** Seconds computing and exchanging so far, where the field space measures them; empty otherwise. */
    public double[] timings() {
        return space.timings();
    }

    /** Field f with its current values in the host copy (copied back from a device when stale). */
    private Field host(int f) {
        if (!onHost[f]) {
            space.toHost(f);
            onHost[f] = true;
        }
        return fields[f];
    }

    public double scalar(String name) {
        return scalars[model.slot(name)];
    }

    /**
     * The output fields, each brought up to date when it is read: on a device only the fields an
     * output, a check or a client reads cross to the host.
     */
    @Override
    public List<Field> fields() {
        return new java.util.AbstractList<>() {
            @Override
            public Field get(int index) {
                return host(outputs[index]);
            }

            @Override
            public int size() {
                return outputs.length;
            }
        };
    }

    @Override
    public Field field(String name) {
        for (int f : outputs) {
            if (fields[f].name().equals(name)) {
                return host(f);
            }
        }
        throw new IllegalArgumentException("no field named " + name);
    }

    @Override
    public dev.stagger.engine.live.Preview preview(Communicator comm,
            dev.stagger.engine.distributed.Decomposition decomposition, String name,
            dev.stagger.engine.live.PreviewRequest request, long step, double time) {
        for (int f : outputs) {
            if (fields[f].name().equals(name)) {
                // the plan needs only the field's shape, which a stale host copy has too
                var plan = dev.stagger.engine.live.PreviewBinning.plan(decomposition, comm.rank(),
                        fields[f].location(), request);
                // binned where the field lives: a device sends only the bins
                var bins = space.previewBins(f, plan);
                if (bins == null) {
                    bins = dev.stagger.engine.live.PreviewBinning.localBins(host(f), plan);
                }
                return dev.stagger.engine.live.PreviewBinning.finish(comm, decomposition.global(), fields[f].location(),
                        name, plan, bins, step, time);
            }
        }
        throw new IllegalArgumentException("no field named " + name);
    }

    @Override
    public double[] statistics(String name, dev.stagger.engine.distributed.Decomposition decomposition, int rank) {
        for (int f : outputs) {
            if (fields[f].name().equals(name)) {
                int[] n = dev.stagger.engine.run.FieldStatistics.ownedCounts(fields[f].location(), fields[f].dims(),
                        decomposition, rank);
                double[] device = onHost[f] ? null : space.statistics(f, n);
                if (device == null) {
                    return dev.stagger.engine.run.FieldStatistics.owned(host(f), decomposition, rank);
                }
                return new double[] {device[0], (double) n[0] * n[1] * n[2], device[1], device[2]};
            }
        }
        throw new IllegalArgumentException("no field named " + name);
    }

    @Override
    public boolean[] surelyFinite() {
        boolean[] known = new boolean[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            known[i] = !onHost[outputs[i]] && space.surelyFinite(outputs[i]);
        }
        return known;
    }

    @Override
    public void step(double dt) {
        steps++;
        java.util.Arrays.fill(onHost, false);
        scalars[CheckedModel.DT] = dt;
        scalars[CheckedModel.STEP] = steps;
        checks.clear();
        evaluateConstants();
        if (steps == 1 && !restarted) {
            // the model's start (a leapfrog's half step): once, with the first step's dt
            run(model.init());
        }
        run(model.program());
        for (CheckedModel.Reduction r : model.reductions()) {
            residuals.put(r.name(), scalars[r.slot()]);
        }
        for (CheckedModel.Assignment s : model.scalars()) {
            residuals.put(s.name(), scalars[s.slot()]);
        }
    }

    private void evaluateConstants() {
        for (CheckedModel.Assignment c : model.constants()) {
            scalars[c.slot()] = ReferenceEvaluator.scalar(c.value(), scalars);
        }
    }

    private void run(List<CheckedModel.Op> ops) {
        for (CheckedModel.Op op : ops) {
            if (op instanceof CheckedModel.RunKernel k) {
                space.kernel(k.kernel());
            } else if (op instanceof CheckedModel.Swap s) {
                space.swap(s.a(), s.b());
            } else if (op instanceof CheckedModel.Copy c) {
                space.copy(c.to(), c.from());
            } else if (op instanceof CheckedModel.Reduce r) {
                reduce(r.reduction());
            } else if (op instanceof CheckedModel.Compute c) {
                scalars[c.scalar().slot()] = ReferenceEvaluator.scalar(c.scalar().value(), scalars);
            } else if (op instanceof CheckedModel.Loop l) {
                loop(l);
            } else if (op instanceof CheckedModel.If f) {
                if (ReferenceEvaluator.scalar(f.condition(), scalars) != 0) {
                    run(f.body());
                }
            } else if (op instanceof CheckedModel.Boundary b) {
                space.boundary(b.fields());
            }
        }
    }

    private void loop(CheckedModel.Loop loop) {
        long max = (long) ReferenceEvaluator.scalar(loop.max(), scalars);
        long every = Math.max(1, (long) ReferenceEvaluator.scalar(loop.checkEvery(), scalars));
        long iter = 0;
        boolean converged = false;
        while (iter < max) {
            iter++;
            scalars[CheckedModel.ITER] = iter;
            run(loop.body());
            if (iter % every == 0) {
                run(loop.check());
                record(loop, iter);
                requireFinite(loop, iter);
                converged = true;
                for (int c = 0; c < loop.until().size(); c++) {
                    double v = ReferenceEvaluator.scalar(loop.until().get(c), scalars);
                    if (v == 0) {
                        converged = false;
                    }
                }
                if (converged) {
                    break;
                }
            }
        }
        residuals.put("iterations", (double) iter);
        residuals.put("check_every", (double) every);
        for (CheckedModel.Reduction r : model.reductions()) {
            residuals.put(r.name(), scalars[r.slot()]);
        }
        if (!converged) {
            residuals.put("converged", 0.0);
        } else {
            residuals.put("converged", 1.0);
        }
    }

    /** The errors the loop's criteria read, at this check. */
    private void record(CheckedModel.Loop loop, long iter) {
        Map<String, Double> errors = new LinkedHashMap<>();
        for (CheckedModel.Reduction r : model.reductions()) {
            if (mentions(loop.until(), r.slot())) {
                errors.put(r.name(), scalars[r.slot()]);
            }
        }
        checks.add(new dev.stagger.engine.model.ConvergenceCheck(iter, errors));
    }

    @Override
    public List<dev.stagger.engine.model.ConvergenceCheck> convergence() {
        return List.copyOf(checks);
    }

    /** Chmy's rule: a residual that is not a finite number ends the run (every rank sees the same values). */
    private void requireFinite(CheckedModel.Loop loop, long iter) {
        for (CheckedModel.Reduction r : model.reductions()) {
            double v = scalars[r.slot()];
            if (!Double.isFinite(v) && mentions(loop.until(), r.slot())) {
                throw new dev.stagger.engine.run.RunFailedException("model " + model.file().name() + ": " + r.name()
                        + " is " + v + " at iteration " + iter + " of step " + steps + "; the iterations diverged (try a"
                        + " smaller time step or more cells)", steps - 1, Double.NaN);
            }
        }
    }

    private static boolean mentions(List<dev.stagger.engine.model.lang.check.Node> nodes, int slot) {
        for (var n : nodes) {
            if (n instanceof dev.stagger.engine.model.lang.check.Node.Scalar s && s.slot() == slot) {
                return true;
            }
            if (mentions(dev.stagger.engine.model.lang.check.Nodes.children(n), slot)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double lastStepLength() {
        return setsOwnStep ? scalars[CheckedModel.DT] : Double.NaN;
    }

    private void reduce(int index) {
        CheckedModel.Reduction r = model.reductions().get(index);
        double local = space.reduce(index);
        double all = comm.size() == 1 ? local : comm.allReduce(local, Reductions.acrossRanks(r.op()));
        scalars[r.slot()] = all;
    }

    @Override
    public long effectiveBytesPerStep() {
        // ParallelStencil's A_eff: each field a top-level kernel writes is read and written once,
        // each it only reads is read once
        Set<Integer> written = new HashSet<>();
        Set<Integer> read = new HashSet<>();
        for (CheckedModel.Op op : model.program()) {
            if (op instanceof CheckedModel.RunKernel k) {
                for (CheckedModel.Statement s : model.kernels().get(k.kernel()).statements()) {
                    if (s.field() >= 0) {
                        written.add(s.field());
                    }
                    collectReads(s.value(), read);
                }
            }
        }
        read.removeAll(written);
        // a field computed into a buffer and swapped with it is one updated array, not two
        for (CheckedModel.Op op : model.program()) {
            if (op instanceof CheckedModel.Swap s) {
                read.remove(s.a());
                read.remove(s.b());
            }
        }
        return (2L * written.size() + read.size()) * grid.totalCells() * fields[0].precision().bytes();
    }

    private static void collectReads(dev.stagger.engine.model.lang.check.Node n, Set<Integer> out) {
        if (n instanceof dev.stagger.engine.model.lang.check.Node.Read r) {
            out.add(r.field());
        }
        for (var c : dev.stagger.engine.model.lang.check.Nodes.children(n)) {
            collectReads(c, out);
        }
    }

    @Override
    public Map<String, Double> residuals() {
        return Map.copyOf(residuals);
    }

    @Override
    public void close() {
        space.close();
    }
}
