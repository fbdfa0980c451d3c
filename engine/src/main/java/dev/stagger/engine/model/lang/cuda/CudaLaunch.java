package dev.stagger.engine.model.lang.cuda;

import dev.stagger.engine.bc.BoundaryCondition;
import dev.stagger.engine.bc.FaceValues;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.launch.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of the generated entry points, as plain data: launch shapes and argument lists
 * for kernels, reductions, boundary conditions, halo pack/unpack and the periodic wrap. The GPU
 * backend passes them to the driver; the tests pass them to the CPU shim. Nothing here touches a
 * device.
 */
public final class CudaLaunch {
    /** Threads per block of a reduction pass. */
    public static final int REDUCE_THREADS = 256;
    /** The most blocks of a reduction pass (so partial results stay small). */
    public static final int REDUCE_MAX_BLOCKS = 1024;
    /** Partial results a single thread folds at the end. */
    public static final int REDUCE_LAST = 2048;

    private CudaLaunch() {}

    /** Grid and block shape of a launch. */
    public record Shape(int gx, int gy, int gz, int bx, int by, int bz) {
        public long threads() {
            return (long) gx * gy * gz * bx * by * bz;
        }

        public int[] asInts() {
            return new int[] {gx, gy, gz, bx, by, bz};
        }
    }

    /** One thread per point of the box: blocks of 128 (1D), 32x8 (2D) or 32x4x2 (3D) points. */
    public static Shape kernel(Box box, int dims) {
        int bx = dims == 1 ? 128 : 32;
        int by = dims == 1 ? 1 : dims == 2 ? 8 : 4;
        int bz = dims == 3 ? 2 : 1;
        return new Shape(blocks(box.extent(0), bx), blocks(box.extent(1), by), blocks(box.extent(2), bz), bx, by, bz);
    }

    /** One thread per point of a face (a by b) and layer. */
    public static Shape face(int sizeA, int sizeB, int layers) {
        int bx = 32;
        int by = sizeB > 1 ? 8 : 1;
        return new Shape(blocks(sizeA, bx), blocks(sizeB, by), layers, bx, by, 1);
    }

    private static int blocks(int points, int perBlock) {
        return Math.max(1, (points + perBlock - 1) / perBlock);
    }

    /** The first pass of a reduction over {@code points} points: 256 threads, at most 1024 blocks. */
    public static Shape reductionFirstPass(long points) {
        long blocks = Math.max(1, Math.min(REDUCE_MAX_BLOCKS, (points + 4L * REDUCE_THREADS - 1) / (4L * REDUCE_THREADS)));
        return new Shape((int) blocks, 1, 1, REDUCE_THREADS, 1, 1);
    }

    /**
     * The passes that fold {@code partials} partial results to one: wide passes while there are
     * many, then one thread.
     */
    public static List<Shape> reductionPasses(long partials) {
        List<Shape> passes = new ArrayList<>();
        long n = partials;
        while (n > 1) {
            if (n <= REDUCE_LAST) {
                passes.add(new Shape(1, 1, 1, 1, 1, 1));
                n = 1;
            } else {
                long blocks = Math.min(REDUCE_MAX_BLOCKS, (n + REDUCE_LAST - 1) / REDUCE_LAST);
                passes.add(new Shape((int) blocks, 1, 1, REDUCE_THREADS, 1, 1));
                n = blocks * REDUCE_THREADS;
            }
        }
        return passes;
    }

    /** The other two dimensions of d, lower first (absent ones have index 1). */
    private static int otherA(int d) {
        return d == 0 ? 1 : 0;
    }

    private static int otherB(int d) {
        return d == 2 ? 1 : 2;
    }

    /**
     * Arguments of {@code stagger_bc} for one side of dimension d of a field, as
     * bc/FieldBoundaries applies it.
     *
     * @param ints offset, strideD, strideA, strideB, firstA, lastA, firstB, lastB, n, vertex, low, dirichlet
     * @param face one value per face point, or null for a constant
     */
    public record BoundaryCall(int[] ints, double h, double constant, double[] face, Shape shape) {}

    public static BoundaryCall boundary(Field field, int d, Side side, BoundaryCondition condition) {
        int a = otherA(d);
        int b = otherB(d);
        int firstA = field.first(a);
        int lastA = field.last(a);
        int firstB = field.first(b);
        int lastB = field.last(b);
        FaceValues values = condition.values();
        double[] face = null;
        if (!values.isConstant()) {
            int sizeA = lastA - firstA + 1;
            face = new double[sizeA * (lastB - firstB + 1)];
            for (int ib = firstB; ib <= lastB; ib++) {
                for (int ia = firstA; ia <= lastA; ia++) {
                    face[(ia - firstA) + sizeA * (ib - firstB)] = values.at(ia, ib);
                }
            }
        }
        int[] ints = {field.offset(), field.stride(d), field.stride(a), field.stride(b), firstA, lastA, firstB, lastB,
            field.count(d), field.location(d) == Location.VERTEX ? 1 : 0, side == Side.LOW ? 1 : 0,
            condition instanceof BoundaryCondition.Dirichlet ? 1 : 0};
        return new BoundaryCall(ints, field.grid().spacing(d), values.isConstant() ? values.at(0, 0) : 0, face,
                face(lastA - firstA + 1, lastB - firstB + 1, 1));
    }

    /**
     * Arguments of {@code stagger_pack} and {@code stagger_unpack} for layers {@code from..to}
     * along d, in the order of distributed/Layers.
     *
     * @param ints offset, strideD, strideA, strideB, firstA, lastA, firstB, lastB, from, to
     * @param length the values in the buffer
     */
    public record LayerCall(int[] ints, int length, Shape shape) {}

    public static LayerCall layers(Field field, int d, int from, int to) {
        int a = otherA(d);
        int b = otherB(d);
        int sizeA = field.last(a) - field.first(a) + 1;
        int sizeB = field.last(b) - field.first(b) + 1;
        int[] ints = {field.offset(), field.stride(d), field.stride(a), field.stride(b), field.first(a), field.last(a),
            field.first(b), field.last(b), from, to};
        return new LayerCall(ints, sizeA * sizeB * (to - from + 1), face(sizeA, sizeB, to - from + 1));
    }

    /**
     * Arguments of {@code stagger_preview}: one thread per bin of the plan.
     *
     * @param ints offset, y stride, z stride, a, b, lo and hi per dimension, then offset, count and
     *     bins along a and along b
     * @param bins the bins, and the length of each of the three outputs (sums, mins, maxs)
     */
    public record PreviewCall(int[] ints, int bins, Shape shape) {}

    public static PreviewCall preview(Field field, dev.stagger.engine.live.PreviewBinning.Plan plan) {
        int a = plan.a();
        int b = plan.b();
        int[] lo = plan.lo();
        int[] hi = plan.hi();
        int[] off = plan.offset();
        int[] ints = {field.offset(), field.stride(1), field.stride(2), a, b, lo[0], hi[0], lo[1], hi[1], lo[2], hi[2],
            off[a], plan.na(), plan.bx(), b >= 0 ? off[b] : 0, plan.nb(), plan.by()};
        return new PreviewCall(ints, plan.bx() * plan.by(), face(plan.bx(), plan.by(), 1));
    }

    /** The rank's bins from the device's per-bin sums, mins and maxs, as PreviewBinning.localBins gives them. */
    public static dev.stagger.engine.live.PreviewBinning.LocalBins previewBins(double[] sums, double[] mins,
            double[] maxs) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < sums.length; n++) {
            min = Math.min(min, mins[n]);
            max = Math.max(max, maxs[n]);
        }
        return new dev.stagger.engine.live.PreviewBinning.LocalBins(sums.clone(), min, max);
    }

    /**
     * The {@code stagger_copy_layer} calls of a periodic wrap of dimension d on one rank, in the
     * order of distributed/PeriodicWrap.
     *
     * @param ints offset, strideD, strideA, strideB, firstA, lastA, firstB, lastB, target, source
     */
    public record CopyCall(int[] ints, Shape shape) {}

    public static List<CopyCall> periodicWrap(Field field, int d) {
        int period = field.grid().cells(d);
        int a = otherA(d);
        int b = otherB(d);
        int sizeA = field.last(a) - field.first(a) + 1;
        int sizeB = field.last(b) - field.first(b) + 1;
        List<CopyCall> calls = new ArrayList<>();
        for (int h = 1; h <= field.halo(); h++) {
            int[][] pairs = {{1 - h, 1 - h + period}, {field.count(d) + h, field.count(d) + h - period}};
            for (int[] pair : pairs) {
                int[] ints = {field.offset(), field.stride(d), field.stride(a), field.stride(b), field.first(a),
                    field.last(a), field.first(b), field.last(b), pair[0], pair[1]};
                calls.add(new CopyCall(ints, face(sizeA, sizeB, 1)));
            }
        }
        return calls;
    }
}
