package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.bc.BoundaryCondition;
import dev.stagger.engine.bc.FaceValues;
import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.LayersProbe;
import dev.stagger.engine.distributed.PeriodicWrap;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.model.lang.catalogue.Catalogue;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Checker;
import dev.stagger.engine.model.lang.check.Node;
import dev.stagger.engine.model.lang.cuda.CudaEmitter;
import dev.stagger.engine.model.lang.cuda.CudaLaunch;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CUDA C generated from a model, compiled by g++ against Stagger's CPU shim with the address
 * sanitizer and run on random fields (halos included), gives what the Java reference gives, bit for
 * bit, in double and single precision: every kernel over its range and over a boundary slab, every
 * reduction (max and max-abs exactly; sums exactly in the order of their launch, and within the
 * rounding bound of the Java sum's sequential order),
 * boundary conditions on every side of every field (constant and varying along the face), halo
 * pack and unpack, the periodic wrap, and preview bins (sums, min, max). Every catalogue model, and the two test models that use
 * every operator of the language.
 */
class CudaShimKernelsTest {

    static Stream<Arguments> models() {
        List<Arguments> all = new ArrayList<>();
        List<String> names = new ArrayList<>(Catalogue.FILES);
        names.add("every-operator-2d");
        names.add("every-operator-3d");
        for (String name : names) {
            for (Precision p : Precision.values()) {
                all.add(Arguments.of(name, p));
            }
        }
        return all.stream();
    }

    static CheckedModel model(String name) throws Exception {
        return switch (name) {
            case "every-operator-2d" -> Checker.check(ModelReader.parse(
                    LangCompiledMatchesReferenceTest.EVERY_OPERATOR_2D, "every-operator-2d.yaml"));
            case "every-operator-3d" -> Checker.check(ModelReader.parse(
                    LangCompiledMatchesReferenceTest.EVERY_OPERATOR_3D, "every-operator-3d.yaml"));
            default -> Catalogue.checked(name);
        };
    }

    /** Uneven sizes in every dimension, so that strides, partial blocks and guards all matter. */
    static Grid grid(int dims) {
        double[] origin = {-1.3, 0.7, -0.4};
        double[] extent = {2.1, 1.7, 1.1};
        int[] cells = dims == 1 ? new int[] {37} : dims == 2 ? new int[] {13, 9} : new int[] {7, 6, 5};
        return Grid.of(java.util.Arrays.copyOf(origin, dims), java.util.Arrays.copyOf(extent, dims), cells);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void generatedCudaOnTheCpuShimMatchesTheJavaReference(String name, Precision precision) throws Exception {
        Optional<Path> gxx = CudaToolchain.find("g++");
        Assumptions.assumeTrue(gxx.isPresent(),
                "g++ is not on the PATH: the generated CUDA C is not checked on the CPU shim");
        CheckedModel model = model(name);
        boolean f32 = precision == Precision.F32;
        KernelHarness h = new KernelHarness(model, grid(model.dims()), precision, 0.0123);
        Random random = new Random(name.hashCode() * 31L + precision.ordinal());
        int firstFree = ReferenceEvaluator.originSlot(model.dims(), model.dims() - 1) + 2;
        h.scalars[CheckedModel.STEP] = 3;
        h.scalars[CheckedModel.ITER] = 7;
        for (int s = firstFree; s < h.scalars.length; s++) {
            if (h.scalars[s] == 0) {
                h.scalars[s] = 0.5 + random.nextDouble(); // reductions and per-step scalars the kernels read
            }
        }
        h.randomize(random.nextLong());

        Session session = new Session(h, f32);
        commands(h, session, random);

        Path dir = compile(gxx.get(), "shim_" + name + "_" + precision, model, f32);
        run(dir, session, f32 ? 2 : 1);
    }

    /** The generated module and the driver, compiled with the sanitizer into a folder of its own. */
    private static Path compile(Path gxx, String label, CheckedModel model, boolean f32) throws Exception {
        Path dir = CudaToolchain.workFolder(label);
        CudaToolchain.writeHeaders(dir);
        String module = "model_" + (f32 ? "f32" : "f64") + ".cu";
        Files.writeString(dir.resolve(module), CudaEmitter.source(model, f32));
        Files.writeString(dir.resolve("driver.cpp"), CudaToolchain.testResource("stagger_shim_driver.cpp"));
        List<String> compile = new ArrayList<>();
        compile.add(gxx.toString());
        compile.addAll(CudaToolchain.GXX_FLAGS);
        compile.addAll(List.of("-DSTAGGER_SHIM_TABLE", "-DSTAGGER_MODULE=\"" + module + "\"", "-I.", "driver.cpp",
                "-o", "driver"));
        CudaToolchain.run(dir, compile, 300);
        return dir;
    }

    /** Runs the session's commands through the driver (blocks on {@code threads} host threads) and checks them. */
    private static void run(Path dir, Session session, int threads) throws Exception {
        Files.write(dir.resolve("input.bin"), session.input());
        CudaToolchain.run(dir, List.of("./driver", "input.bin", "output.bin"),
                java.util.Map.of("STAGGER_SHIM_THREADS", Integer.toString(threads)), 120);
        session.check(Files.readAllBytes(dir.resolve("output.bin")));
    }

    static Stream<Arguments> decomposed() {
        return Stream.of(Arguments.of("diffusion-2d.yaml", Precision.F64, new int[] {2, 2}),
                Arguments.of("stokes-3d.yaml", Precision.F32, new int[] {2, 1, 2}),
                Arguments.of("diffusion-1d.yaml", Precision.F64, new int[] {3}));
    }

    /**
     * Preview bins of every rank of a decomposed grid: each rank's block with its global offset, a
     * slice that lies on some ranks and not on others (empty bins: sum 0, min +inf, max -inf).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("decomposed")
    void previewBinsOfEveryRankMatchTheJavaBinning(String name, Precision precision, int[] ranks) throws Exception {
        Optional<Path> gxx = CudaToolchain.find("g++");
        Assumptions.assumeTrue(gxx.isPresent(),
                "g++ is not on the PATH: the generated CUDA C is not checked on the CPU shim");
        CheckedModel model = model(name);
        boolean f32 = precision == Precision.F32;
        int dims = model.dims();
        Grid global = grid(dims);
        dev.stagger.engine.distributed.Decomposition decomposition = new dev.stagger.engine.distributed.Decomposition(
                global, new dev.stagger.engine.distributed.Topology(ranks, new boolean[dims]));
        Path dir = compile(gxx.get(), "shim_ranks_" + name + "_" + precision, model, f32);
        int count = java.util.Arrays.stream(ranks).reduce(1, (x, y) -> x * y);
        Random random = new Random(name.hashCode());
        for (int rank = 0; rank < count; rank++) {
            Grid block = global.block(decomposition.offset(rank), decomposition.cells(rank));
            KernelHarness h = new KernelHarness(model, block, precision, 0.01);
            h.randomize(random.nextLong());
            Session session = new Session(h, f32);
            int previews = 0;
            for (int f = 0; f < h.fields.length; f++) {
                Field field = h.fields[f];
                List<dev.stagger.engine.live.PreviewRequest> requests = new ArrayList<>(List.of(
                        new dev.stagger.engine.live.PreviewRequest(field.name(), 5, 3, -1, 0),
                        new dev.stagger.engine.live.PreviewRequest(field.name(), 4096, 4096, -1, 0)));
                if (dims == 3) {
                    requests.add(new dev.stagger.engine.live.PreviewRequest(field.name(), 3, 4, 2, 1));
                    requests.add(new dev.stagger.engine.live.PreviewRequest(field.name(), 4, 4, 0, 5));
                }
                for (dev.stagger.engine.live.PreviewRequest request : requests) {
                    dev.stagger.engine.live.PreviewBinning.Plan plan = dev.stagger.engine.live.PreviewBinning.plan(
                            decomposition, rank, field.location(), request);
                    session.preview(f, CudaLaunch.preview(field, plan),
                            dev.stagger.engine.live.PreviewBinning.localBins(field, plan),
                            "rank " + rank + ": preview bins " + request + " of " + field.name());
                    previews++;
                }
            }
            session.expectPreviews(previews);
            run(dir, session, 1);
        }
    }

    /** The command list, with the Java reference applied alongside in the same order. */
    private static void commands(KernelHarness h, Session session, Random random) {
        CheckedModel model = h.model;
        int dims = model.dims();
        for (int kn = 0; kn < model.kernels().size(); kn++) {
            CheckedModel.Kernel k = model.kernels().get(kn);
            Box range = h.range(k.range(), k.location());
            // the whole range, then the low slab of the last dimension (as the launcher's outer part)
            int last = dims - 1;
            Box slab = range.withRange(last, range.lo(last), Math.min(range.hi(last), range.lo(last) + 1));
            for (Box box : List.of(range, slab)) {
                session.reset();
                new ReferenceEvaluator(h.fields, h.scalars, h.f32).run(k, box);
                session.kernel(kn, box, "kernel '" + k.name() + "' over " + box);
            }
        }
        for (int r = 0; r < model.reductions().size(); r++) {
            CheckedModel.Reduction red = model.reductions().get(r);
            Box box = h.range(red.range(), red.location());
            session.reset();
            ReferenceEvaluator evaluator = new ReferenceEvaluator(h.fields, h.scalars, h.f32);
            double expected = evaluator.reduce(red, box);
            double magnitude = red.op().equals("sum") ? evaluator.reduce(new CheckedModel.Reduction(red.slot(),
                    red.name(), "sum", new Node.Fn("abs", List.of(red.of())), red.location(), red.range()), box) : 0;
            // a sum is also checked exactly against the order of its launch: CudaLaunch's shapes, and
            // small ones (3 blocks of 8 threads, then 5 threads, then 1) that make threads share points
            CudaLaunch.Shape first = CudaLaunch.reductionFirstPass(box.volume());
            List<CudaLaunch.Shape> passes = CudaLaunch.reductionPasses(first.threads());
            CudaLaunch.Shape smallFirst = new CudaLaunch.Shape(3, 1, 1, 8, 1, 1);
            List<CudaLaunch.Shape> smallPasses = List.of(new CudaLaunch.Shape(1, 1, 1, 5, 1, 1),
                    new CudaLaunch.Shape(1, 1, 1, 1, 1, 1));
            boolean sum = red.op().equals("sum");
            session.reduce(r, red.op(), box, first, passes, expected, magnitude,
                    sum ? sumInLaunchOrder(evaluator, red, box, first, passes) : expected,
                    "reduction '" + red.name() + "'");
            session.reduce(r, red.op(), box, smallFirst, smallPasses, expected, magnitude,
                    sum ? sumInLaunchOrder(evaluator, red, box, smallFirst, smallPasses) : expected,
                    "reduction '" + red.name() + "' on 24 threads");
        }
        for (int f = 0; f < h.fields.length; f++) {
            Field field = h.fields[f];
            for (int d = dims - 1; d >= 0; d--) {
                for (Side side : Side.values()) {
                    double value = random.nextDouble() - 0.5;
                    List<BoundaryCondition> conditions = List.of(BoundaryCondition.dirichlet(value),
                            BoundaryCondition.neumann(value),
                            new BoundaryCondition.Dirichlet(FaceValues.evaluate(field, d, side,
                                    (x, y, z) -> 0.3 * x - y * y + 0.7 * z)),
                            new BoundaryCondition.Neumann(FaceValues.evaluate(field, d, side,
                                    (x, y, z) -> x * y + z - 0.1)));
                    for (BoundaryCondition bc : conditions) {
                        session.reset();
                        new FieldBoundaries(field).set(d, side, bc).apply(d);
                        session.boundary(f, CudaLaunch.boundary(field, d, side, bc),
                                bc.getClass().getSimpleName() + (bc.values().isConstant() ? "" : " (varying)")
                                        + " on " + side + " of dim " + d + " of " + field.name());
                    }
                }
                int halo = field.halo();
                int n = field.count(d);
                session.reset();
                session.pack(f, CudaLaunch.layers(field, d, 1, halo), LayersProbe.pack(field, d, 1, halo),
                        "pack of layers 1.." + halo + " along " + d + " of " + field.name());
                session.pack(f, CudaLaunch.layers(field, d, n - halo + 1, n), LayersProbe.pack(field, d, n - halo + 1, n),
                        "pack of the high layers along " + d + " of " + field.name());
                double[] incoming = new double[CudaLaunch.layers(field, d, 1 - halo, 0).length()];
                for (int v = 0; v < incoming.length; v++) {
                    incoming[v] = h.f32 ? (float) (random.nextDouble() * 4 - 2) : random.nextDouble() * 4 - 2;
                }
                LayersProbe.unpack(field, d, 1 - halo, 0, incoming);
                session.unpack(f, CudaLaunch.layers(field, d, 1 - halo, 0), incoming,
                        "unpack into the low halo along " + d + " of " + field.name());
                LayersProbe.unpack(field, d, n + 1, n + halo, incoming);
                session.unpack(f, CudaLaunch.layers(field, d, n + 1, n + halo), incoming,
                        "unpack into the high halo along " + d + " of " + field.name());
                session.reset();
                PeriodicWrap.wrap(field, d);
                session.wrap(f, CudaLaunch.periodicWrap(field, d), "periodic wrap along " + d + " of " + field.name());
            }
        }
        // preview bins of each field on one rank: uneven bins, and in 3D slices across every axis
        dev.stagger.engine.distributed.Decomposition one = new dev.stagger.engine.distributed.Decomposition(h.grid,
                new dev.stagger.engine.distributed.Topology(ones(dims), new boolean[dims]));
        session.reset();
        for (int f = 0; f < h.fields.length; f++) {
            Field field = h.fields[f];
            List<dev.stagger.engine.live.PreviewRequest> requests = new ArrayList<>();
            requests.add(new dev.stagger.engine.live.PreviewRequest(field.name(), 5, 4, -1, 0));
            requests.add(new dev.stagger.engine.live.PreviewRequest(field.name(), 4096, 4096, -1, 0));
            if (dims == 3) {
                requests.add(new dev.stagger.engine.live.PreviewRequest(field.name(), 3, 5, 0, 2));
                requests.add(new dev.stagger.engine.live.PreviewRequest(field.name(), 4, 2, 1, 0));
            }
            for (dev.stagger.engine.live.PreviewRequest request : requests) {
                dev.stagger.engine.live.PreviewBinning.Plan plan = dev.stagger.engine.live.PreviewBinning.plan(one, 0,
                        field.location(), request);
                session.preview(f, CudaLaunch.preview(field, plan),
                        dev.stagger.engine.live.PreviewBinning.localBins(field, plan),
                        "preview bins " + request + " of " + field.name());
            }
        }
        session.reset();
        session.dumpAll("the fields at the end");
    }

    /** Commands for the driver, and what each record of its output must be. */
    static final class Session {
        private final KernelHarness h;
        private final boolean f32;
        private final double[][] initial;
        private final ByteArrayOutputStream commands = new ByteArrayOutputStream();
        private final List<Expectation> expected = new ArrayList<>();
        private int kernelsChecked;
        private int reductionsChecked;
        private int previewsChecked;
        /** For a session of previews only: how many; -1 for the full session. */
        private int expectedPreviews = -1;

        void expectPreviews(int n) {
            expectedPreviews = n;
        }

        Session(KernelHarness h, boolean f32) {
            this.h = h;
            this.f32 = f32;
            this.initial = h.snapshot();
        }

        /** What one output record holds. */
        private record Expectation(String what, int field, double[] values, double reduced, double bound,
                String op) {}

        void reset() {
            h.restore(initial);
            command(0, new int[0], new double[0], null);
            expected.add(new Expectation("reset", -1, new double[0], 0, 0, null));
        }

        void kernel(int which, Box box, String what) {
            int[] ints = concat(new int[] {which, box.i0(), box.i1(), box.j0(), box.j1(), box.k0(), box.k1()},
                    CudaLaunch.kernel(box, h.model.dims()).asInts());
            command(1, ints, new double[0], null);
            expected.add(new Expectation(what, -1, new double[0], 0, 0, null));
            dumpAll(what);
            kernelsChecked++;
        }

        void reduce(int which, String op, Box box, CudaLaunch.Shape first, List<CudaLaunch.Shape> passes, double value,
                double magnitude, double inOrder, String what) {
            int[] ints = concat(new int[] {which, box.i0(), box.i1(), box.j0(), box.j1(), box.k0(), box.k1()},
                    first.asInts());
            ints = concat(ints, new int[] {op.equals("min") ? 1 : op.equals("sum") ? 2 : 0, passes.size()});
            for (CudaLaunch.Shape s : passes) {
                ints = concat(ints, s.asInts());
            }
            command(2, ints, new double[0], null);
            // a sum in another order: within 2·γ(n)·Σ|v| of the sequential one (Higham's bound, twice)
            double u = Math.ulp(1.0) / 2;
            double n = box.volume();
            double bound = op.equals("sum") ? 2 * (n * u / (1 - n * u)) * magnitude : 0;
            expected.add(new Expectation(what, -2, new double[] {inOrder}, value, bound, op));
            reductionsChecked++;
        }

        void boundary(int field, CudaLaunch.BoundaryCall call, String what) {
            double[] doubles = call.face() == null ? new double[] {call.h(), call.constant()}
                    : concat(new double[] {call.h(), call.constant()}, call.face());
            command(3, concat(concat(new int[] {field}, call.ints()), call.shape().asInts()), doubles, null);
            expected.add(new Expectation(what, -1, new double[0], 0, 0, null));
            dumpOne(field, what);
        }

        void pack(int field, CudaLaunch.LayerCall call, double[] values, String what) {
            assertThat(call.length()).as(what).isEqualTo(values.length);
            command(4, concat(concat(concat(new int[] {field}, call.ints()), call.shape().asInts()),
                    new int[] {call.length()}), new double[0], null);
            expected.add(new Expectation(what, -3, values, 0, 0, null));
        }

        void unpack(int field, CudaLaunch.LayerCall call, double[] values, String what) {
            command(5, concat(concat(concat(new int[] {field}, call.ints()), call.shape().asInts()),
                    new int[] {call.length()}), new double[0], values);
            expected.add(new Expectation(what, -1, new double[0], 0, 0, null));
            dumpOne(field, what);
        }

        void wrap(int field, List<CudaLaunch.CopyCall> calls, String what) {
            for (CudaLaunch.CopyCall call : calls) {
                command(7, concat(concat(new int[] {field}, call.ints()), call.shape().asInts()), new double[0], null);
                expected.add(new Expectation(what, -1, new double[0], 0, 0, null));
            }
            dumpOne(field, what);
        }

        void preview(int field, CudaLaunch.PreviewCall call, dev.stagger.engine.live.PreviewBinning.LocalBins bins,
                String what) {
            command(9, concat(concat(new int[] {field}, call.ints()), call.shape().asInts()), new double[0], null);
            double[] values = concat(bins.sums(), new double[] {bins.min(), bins.max()});
            expected.add(new Expectation(what, -5, values, 0, 0, null));
        }

        void dumpAll(String what) {
            command(6, new int[0], new double[0], null);
            List<double[]> all = new ArrayList<>();
            int total = 0;
            for (double[] values : h.snapshot()) {
                all.add(values);
                total += values.length;
            }
            double[] flat = new double[total];
            int at = 0;
            for (double[] values : all) {
                System.arraycopy(values, 0, flat, at, values.length);
                at += values.length;
            }
            expected.add(new Expectation(what, -4, flat, 0, 0, null));
        }

        void dumpOne(int field, String what) {
            command(8, new int[] {field}, new double[0], null);
            expected.add(new Expectation(what, field, h.snapshot()[field], 0, 0, null));
        }

        private void command(int op, int[] ints, double[] doubles, double[] payload) {
            int count = payload == null ? 0 : payload.length;
            ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 * ints.length + 4 + 8 * doubles.length + 8
                    + (f32 ? 4 : 8) * count).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(op).putInt(ints.length);
            for (int v : ints) {
                b.putInt(v);
            }
            b.putInt(doubles.length);
            for (double v : doubles) {
                b.putDouble(v);
            }
            b.putLong(count);
            for (int v = 0; v < count; v++) {
                putReal(b, payload[v]);
            }
            commands.writeBytes(b.array());
        }

        private void putReal(ByteBuffer b, double v) {
            if (f32) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }

        byte[] input() {
            int nf = h.fields.length;
            int values = 0;
            for (Field f : h.fields) {
                values += f.length();
            }
            ByteBuffer b = ByteBuffer.allocate(4 + 4 * nf + 4 + 8 * h.scalars.length + 12 * nf + (f32 ? 4 : 8) * values)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(nf);
            for (Field f : h.fields) {
                b.putInt(f.length());
            }
            b.putInt(h.scalars.length);
            for (double s : h.scalars) {
                b.putDouble(s);
            }
            for (Field f : h.fields) {
                b.putInt(f.offset()).putInt(f.stride(1)).putInt(f.stride(2));
            }
            for (double[] field : initial) {
                for (double v : field) {
                    putReal(b, v);
                }
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(b.array());
            all.writeBytes(commands.toByteArray());
            return all.toByteArray();
        }

        void check(byte[] output) {
            ByteBuffer b = ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN);
            for (Expectation e : expected) {
                assertThat(b.remaining()).as("output record for " + e.what()).isGreaterThanOrEqualTo(8);
                long bytes = b.getLong();
                if (e.field() == -2) {
                    assertThat(bytes).as(e.what()).isEqualTo(8);
                    double actual = b.getDouble();
                    if (e.op().equals("sum")) {
                        assertThat(actual).as(e.what() + " (a sum, in the GPU's order)")
                                .isCloseTo(e.reduced(), org.assertj.core.data.Offset.offset(e.bound()));
                        assertThat(Double.doubleToLongBits(actual)).as(e.what() + ": " + actual + " vs the launch"
                                + " order's " + e.values()[0]).isEqualTo(Double.doubleToLongBits(e.values()[0]));
                    } else {
                        assertThat(Double.doubleToLongBits(actual)).as(e.what() + ": " + actual + " vs Java "
                                + e.reduced()).isEqualTo(Double.doubleToLongBits(e.reduced()));
                    }
                    continue;
                }
                if (e.field() == -5) {
                    int bins = e.values().length - 2;
                    assertThat(bytes).as(e.what()).isEqualTo(3L * 8 * bins);
                    double[][] three = new double[3][bins];
                    for (double[] part : three) {
                        for (int v = 0; v < bins; v++) {
                            part[v] = b.getDouble();
                        }
                    }
                    var got = CudaLaunch.previewBins(three[0], three[1], three[2]);
                    double[] actual = concat(got.sums(), new double[] {got.min(), got.max()});
                    for (int v = 0; v < actual.length; v++) {
                        assertThat(Double.doubleToLongBits(actual[v])).as(e.what() + ": "
                                + (v < bins ? "sum of bin " + v : v == bins ? "min" : "max") + ", " + actual[v]
                                + " vs Java " + e.values()[v]).isEqualTo(Double.doubleToLongBits(e.values()[v]));
                    }
                    previewsChecked++;
                    continue;
                }
                assertThat(bytes).as(e.what()).isEqualTo((long) (f32 ? 4 : 8) * e.values().length);
                for (int v = 0; v < e.values().length; v++) {
                    double actual = f32 ? b.getFloat() : b.getDouble();
                    double want = e.values()[v];
                    if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(want)) {
                        throw new AssertionError(e.what() + ": value " + v + where(e.field(), v) + " is " + actual
                                + " on the CPU shim, " + want + " in Java");
                    }
                }
            }
            assertThat(b.remaining()).as("output after the last record").isZero();
            if (expectedPreviews >= 0) {
                assertThat(previewsChecked).isEqualTo(expectedPreviews);
                return;
            }
            assertThat(kernelsChecked).isEqualTo(2 * h.model.kernels().size());
            assertThat(reductionsChecked).isEqualTo(2 * h.model.reductions().size());
            assertThat(previewsChecked).isEqualTo(h.fields.length * (h.model.dims() == 3 ? 4 : 2));
        }

        /** Which field and (i, j, k) a position of a dump is. */
        private String where(int field, int position) {
            int f = field;
            int p = position;
            if (field == -4) {
                f = 0;
                while (p >= h.fields[f].length()) {
                    p -= h.fields[f].length();
                    f++;
                }
            } else if (field < 0) {
                return "";
            }
            Field fl = h.fields[f];
            int rel = p - fl.offset();
            int k = Math.floorDiv(rel, fl.stride(2));
            int j = Math.floorDiv(rel - k * fl.stride(2), fl.stride(1));
            int i = rel - k * fl.stride(2) - j * fl.stride(1);
            return " (field " + fl.name() + " at " + i + ", " + j + ", " + k + ")";
        }
    }

    /**
     * A sum added up as the generated code does: thread t of the first pass adds the points t, t+T,
     * ... of the box (x fastest) to 0.0; each later pass folds the partial results the same way.
     * Point values from the reference evaluator.
     */
    static double sumInLaunchOrder(ReferenceEvaluator evaluator, CheckedModel.Reduction red, Box box,
            CudaLaunch.Shape first, List<CudaLaunch.Shape> passes) {
        int ni = box.extent(0);
        int nj = box.extent(1);
        long n = box.volume();
        double[] values = new double[(int) n];
        for (int p = 0; p < n; p++) {
            int i = box.i0() + p % ni;
            int j = box.j0() + (p / ni) % nj;
            int k = box.k0() + p / (ni * nj);
            values[p] = evaluator.reduce(red, new Box(i, i, j, j, k, k)); // 0.0 + v, as the device's first add
        }
        double[] partial = fold(values, (int) first.threads());
        for (CudaLaunch.Shape pass : passes) {
            partial = fold(partial, (int) pass.threads());
        }
        return partial[0];
    }

    private static double[] fold(double[] in, int threads) {
        double[] out = new double[threads];
        for (int t = 0; t < threads; t++) {
            double acc = 0.0;
            for (int p = t; p < in.length; p += threads) {
                acc += in[p];
            }
            out[t] = acc;
        }
        return out;
    }

    private static int[] ones(int n) {
        int[] r = new int[n];
        java.util.Arrays.fill(r, 1);
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
