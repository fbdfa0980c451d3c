package dev.stagger.engine.backend.cuda;

import dev.stagger.engine.bc.BoundaryCondition;
import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.CartesianExchange;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.cuda.CudaEmitter;
import dev.stagger.engine.model.lang.cuda.CudaLaunch;
import dev.stagger.engine.model.lang.eval.Reductions;
import dev.stagger.engine.model.lang.run.FieldSpace;
import dev.stagger.engine.model.lang.run.ModelRanges;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * A model's fields in one GPU's memory, and its step program's field operations as launches of
 * the code generated from the model ({@code model/lang/cuda}): kernels split as on the CPU into
 * boundary slabs (stream "main") and the inner region (stream "inner", overlapping the halo
 * exchange); halos packed on the device, copied to pinned host buffers, passed to the neighbours
 * through the run's communicator and unpacked on the device; boundary conditions, the periodic
 * wrap and reductions on the device. Only halos, reduction results and (when the run reads them)
 * whole fields cross to the host.
 *
 * <p>Ordering: everything goes on "main" except the inner region, which waits for an event of
 * "main" before it starts and is waited for before "main" goes on. The scalars and the field table
 * go through {@link StagingRing}s on "main": each launch reads the values of its own time without
 * the host ever waiting for the device, except for reductions and copies back.
 */
final class CudaFieldSpace implements FieldSpace {
    private final CudaDevice device;
    private final CudaModules.Module module;
    private final CheckedModel model;
    private final Field[] fields;
    private final FieldBoundaries[] boundaries;
    private final CartesianExchange exchange;
    private final Communicator comm;
    private final double[] scalars;
    private final ModelRanges ranges;
    private final int bytes;
    private final int dims;
    /** Whether the inner region runs on its own stream during the exchanges (off only to measure the gain). */
    private final boolean overlap;

    private final CUdeviceptr[] arrays;
    /** The device address of each field's array, in the order of {@link #arrays} (swaps permute both). */
    private final long[] addresses;
    private final StagingRing tables;
    private final StagingRing scalarRing;
    /** The field table and the scalars the next launches read (slots of the staging rings). */
    private CUdeviceptr table;
    private CUdeviceptr deviceScalars;
    private final CUdeviceptr geometry;
    private final double[] uploadedScalars;
    private final CUdeviceptr partialsA;
    private final CUdeviceptr partialsB;
    private final CUstream main = new CUstream();
    private final CUstream inner = new CUstream();
    private final CUevent mainReady = new CUevent();
    private final CUevent innerDone = new CUevent();
    private final HaloBuffers[][] halos;
    private final CUdeviceptr[][][] faces;
    private Thread owner;
    private long computeNanos;
    private long exchangeNanos;

    /** Device and pinned host buffers of one side of one dimension's exchange, grown as needed. */
    private static final class HaloBuffers {
        CUdeviceptr send;
        CUdeviceptr receive;
        Pointer pinnedSend;
        Pointer pinnedReceive;
        ByteBuffer hostSend;
        ByteBuffer hostReceive;
        long capacity;
    }

    CudaFieldSpace(CudaDevice device, CudaModules.Module module, CheckedModel model, Field[] fields,
            FieldBoundaries[] boundaries, CartesianExchange exchange, Communicator comm, double[] scalars,
            ModelRanges ranges, boolean overlap) {
        this.overlap = overlap;
        this.device = device;
        this.module = module;
        this.model = model;
        this.fields = fields;
        this.boundaries = boundaries;
        this.exchange = exchange;
        this.comm = comm;
        this.scalars = scalars;
        this.ranges = ranges;
        this.dims = ranges.dims();
        this.bytes = fields[0].precision().bytes();
        this.owner = Thread.currentThread();
        // blocking streams (flags 0): they wait for the legacy-stream copies, see the class comment
        JCudaDriver.cuStreamCreate(main, 0);
        JCudaDriver.cuStreamCreate(inner, 0);
        JCudaDriver.cuEventCreate(mainReady, 0);
        JCudaDriver.cuEventCreate(innerDone, 0);
        arrays = new CUdeviceptr[fields.length];
        int[] shape = new int[3 * fields.length];
        for (int f = 0; f < fields.length; f++) {
            arrays[f] = allocate((long) fields[f].length() * bytes);
            upload(arrays[f], fields[f]);
            shape[3 * f] = fields[f].offset();
            shape[3 * f + 1] = fields[f].stride(1);
            shape[3 * f + 2] = fields[f].stride(2);
        }
        addresses = addressesOf(arrays);
        tables = new StagingRing(main, fields.length);
        uploadTable();
        geometry = allocate((long) shape.length * Integer.BYTES);
        JCudaDriver.cuMemcpyHtoD(geometry, Pointer.to(shape), (long) shape.length * Integer.BYTES);
        scalarRing = new StagingRing(main, scalars.length);
        uploadedScalars = new double[scalars.length];
        Arrays.fill(uploadedScalars, Double.NaN);
        long partials = (long) CudaLaunch.REDUCE_MAX_BLOCKS * CudaLaunch.REDUCE_THREADS;
        partialsA = allocate(partials * Double.BYTES);
        partialsB = allocate(partials * Double.BYTES);
        halos = new HaloBuffers[dims][2];
        faces = new CUdeviceptr[fields.length][dims][2];
        for (int f = 0; f < fields.length; f++) {
            for (int d = 0; d < dims; d++) {
                for (Side side : Side.values()) {
                    BoundaryCondition bc = boundaries[f].get(d, side);
                    if (bc != null) {
                        double[] face = CudaLaunch.boundary(fields[f], d, side, bc).face();
                        if (face != null) {
                            CUdeviceptr p = allocate((long) face.length * Double.BYTES);
                            JCudaDriver.cuMemcpyHtoD(p, Pointer.to(face), (long) face.length * Double.BYTES);
                            faces[f][d][side.ordinal()] = p;
                        }
                    }
                }
            }
        }
    }

    /** Device memory the fields and the fixed buffers take (halo buffers are small and come later). */
    static long bytesNeeded(CheckedModel model, Field[] fields, ModelRanges ranges) {
        long total = 0;
        for (Field f : fields) {
            total += (long) f.length() * f.precision().bytes();
        }
        return total + 2L * CudaLaunch.REDUCE_MAX_BLOCKS * CudaLaunch.REDUCE_THREADS * Double.BYTES;
    }

    private static CUdeviceptr allocate(long size) {
        CUdeviceptr p = new CUdeviceptr();
        JCudaDriver.cuMemAlloc(p, Math.max(1, size));
        return p;
    }

    private void upload(CUdeviceptr to, Field field) {
        long size = (long) field.length() * bytes;
        Pointer from = field instanceof DoubleField d ? Pointer.to(d.data()) : Pointer.to(((FloatField) field).data());
        JCudaDriver.cuMemcpyHtoD(to, from, size);
    }

    /** The raw device addresses of the arrays, read back once (JCuda keeps them to itself). */
    private static long[] addressesOf(CUdeviceptr[] arrays) {
        CUdeviceptr scratch = allocate((long) arrays.length * Long.BYTES);
        try {
            JCudaDriver.cuMemcpyHtoD(scratch, Pointer.to(arrays), (long) arrays.length * Long.BYTES);
            long[] raw = new long[arrays.length];
            JCudaDriver.cuMemcpyDtoH(Pointer.to(raw), scratch, (long) arrays.length * Long.BYTES);
            return raw;
        } finally {
            JCudaDriver.cuMemFree(scratch);
        }
    }

    private void uploadTable() {
        table = tables.put(addresses);
    }

    /** The driver keeps the current context per thread: take it on whichever thread steps now. */
    private void onThisThread() {
        Thread t = Thread.currentThread();
        if (t != owner) {
            device.makeCurrent();
            owner = t;
        }
    }

    private void uploadScalars() {
        if (deviceScalars == null || !Arrays.equals(scalars, uploadedScalars)) {
            deviceScalars = scalarRing.put(scalars);
            System.arraycopy(scalars, 0, uploadedScalars, 0, scalars.length);
        }
    }

    @Override
    public String describe() {
        return device.describe();
    }

    @Override
    public double[] timings() {
        return new double[] {computeNanos * 1e-9, exchangeNanos * 1e-9};
    }

    @Override
    public void kernel(int index) {
        onThisThread();
        long t0 = System.nanoTime();
        long exchanged = exchangeNanos;
        uploadScalars();
        CheckedModel.Kernel kernel = model.kernels().get(index);
        Box clip = ranges.range(kernel.range(), kernel.location());
        CUfunction function = module.function(CudaEmitter.kernelEntry(model, index));
        List<Integer> then = kernel.then();
        Box full = ranges.full();
        if (then.isEmpty() || !ranges.fitsOuterWidth() || !overlap) {
            launchKernel(function, full.intersect(clip), main);
            for (int d = dims - 1; d >= 0 && !then.isEmpty(); d--) {
                afterSlabs(d, then);
            }
        } else {
            int[] width = ranges.outerWidth();
            // the inner region on its own stream, after everything before it on main
            JCudaDriver.cuEventRecord(mainReady, main);
            JCudaDriver.cuStreamWaitEvent(inner, mainReady, 0);
            launchKernel(function, Launcher.inner(full, width).intersect(clip), inner);
            JCudaDriver.cuEventRecord(innerDone, inner);
            for (int d = dims - 1; d >= 0; d--) {
                launchKernel(function, Launcher.slab(full, width, d, 0).intersect(clip), main);
                launchKernel(function, Launcher.slab(full, width, d, 1).intersect(clip), main);
                afterSlabs(d, then);
            }
            JCudaDriver.cuStreamWaitEvent(main, innerDone, 0);
        }
        computeNanos += System.nanoTime() - t0 - (exchangeNanos - exchanged);
    }

    private void launchKernel(CUfunction function, Box box, CUstream stream) {
        if (box.isEmpty()) {
            return;
        }
        CudaLaunch.Shape s = CudaLaunch.kernel(box, dims);
        Pointer params = Pointer.to(Pointer.to(table), Pointer.to(deviceScalars), Pointer.to(geometry),
                Pointer.to(new int[] {box.i0()}), Pointer.to(new int[] {box.i1()}), Pointer.to(new int[] {box.j0()}),
                Pointer.to(new int[] {box.j1()}), Pointer.to(new int[] {box.k0()}), Pointer.to(new int[] {box.k1()}));
        launch(function, s, stream, params);
    }

    private static void launch(CUfunction function, CudaLaunch.Shape s, CUstream stream, Pointer params) {
        JCudaDriver.cuLaunchKernel(function, s.gx(), s.gy(), s.gz(), s.bx(), s.by(), s.bz(), 0, stream, params, null);
    }

    /** What the CPU's side hook does after the slabs of d: halos of the {@code then} fields, then their conditions. */
    private void afterSlabs(int d, List<Integer> which) {
        exchange(d, which);
        for (int f : which) {
            applyBoundaries(f, d);
        }
    }

    @Override
    public void swap(int a, int b) {
        onThisThread();
        CUdeviceptr t = arrays[a];
        arrays[a] = arrays[b];
        arrays[b] = t;
        long address = addresses[a];
        addresses[a] = addresses[b];
        addresses[b] = address;
        uploadTable();
    }

    @Override
    public void copy(int to, int from) {
        onThisThread();
        JCudaDriver.cuMemcpyDtoDAsync(arrays[to], arrays[from], (long) fields[to].length() * bytes, main);
    }

    @Override
    public void boundary(List<Integer> which) {
        onThisThread();
        long t0 = System.nanoTime();
        long exchanged = exchangeNanos;
        for (int d = dims - 1; d >= 0; d--) {
            afterSlabs(d, which);
        }
        computeNanos += System.nanoTime() - t0 - (exchangeNanos - exchanged);
    }

    private void applyBoundaries(int f, int d) {
        for (Side side : Side.values()) {
            BoundaryCondition bc = boundaries[f].get(d, side);
            if (bc == null) {
                continue;
            }
            CudaLaunch.BoundaryCall call = CudaLaunch.boundary(fields[f], d, side, bc);
            int[] v = call.ints();
            CUdeviceptr face = faces[f][d][side.ordinal()];
            Pointer params = Pointer.to(Pointer.to(arrays[f]), ints(v, 0), ints(v, 1), ints(v, 2), ints(v, 3), ints(v, 4),
                    ints(v, 5), ints(v, 6), ints(v, 7), ints(v, 8), ints(v, 9), ints(v, 10), ints(v, 11),
                    Pointer.to(new double[] {call.h()}), Pointer.to(new double[] {call.constant()}),
                    face != null ? Pointer.to(face) : Pointer.to(new long[] {0}));
            launch(module.function("stagger_bc"), call.shape(), main, params);
        }
    }

    private static Pointer ints(int[] v, int i) {
        return Pointer.to(new int[] {v[i]});
    }

    /** The halo exchange of one dimension for some fields, as distributed/CartesianExchange does it on the host. */
    private void exchange(int d, List<Integer> which) {
        long t0 = System.nanoTime();
        int low = exchange.neighbour(d, -1);
        int high = exchange.neighbour(d, 1);
        if (low == comm.rank() && high == comm.rank()) {
            for (int f : which) {
                for (CudaLaunch.CopyCall call : CudaLaunch.periodicWrap(fields[f], d)) {
                    int[] v = call.ints();
                    Pointer params = Pointer.to(Pointer.to(arrays[f]), ints(v, 0), ints(v, 1), ints(v, 2), ints(v, 3),
                            ints(v, 4), ints(v, 5), ints(v, 6), ints(v, 7), ints(v, 8), ints(v, 9));
                    launch(module.function("stagger_copy_layer"), call.shape(), main, params);
                }
            }
        } else if (low >= 0 || high >= 0) {
            exchangeWithNeighbours(d, new int[] {low, high}, which);
        }
        exchangeNanos += System.nanoTime() - t0;
    }

    private void exchangeWithNeighbours(int d, int[] neighbours, List<Integer> which) {
        int count = 0;
        for (int f : which) {
            int[] range = CartesianExchange.sentLayers(fields[f], d, 0);
            count += CudaLaunch.layers(fields[f], d, range[0], range[1]).length();
        }
        for (int side = 0; side < 2; side++) {
            if (neighbours[side] >= 0) {
                HaloBuffers h = halo(d, side, count);
                layers(d, side, which, h.send, "stagger_pack", true);
                JCudaDriver.cuMemcpyDtoHAsync(h.pinnedSend, h.send, (long) count * bytes, main);
            }
        }
        // the slabs, the packing and the copies to the host are done; the inner region may still run
        JCudaDriver.cuStreamSynchronize(main);
        final int n = count;
        exchange.exchangeBuffers(d, count, (side, out) -> {
            ByteBuffer from = halos[d][side].hostSend;
            if (bytes == 8) {
                out.put(from.asDoubleBuffer().limit(n));
            } else {
                java.nio.FloatBuffer f = from.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    out.put(f.get(i));
                }
            }
        }, (side, in) -> {
            ByteBuffer to = halos[d][side].hostReceive;
            if (bytes == 8) {
                to.asDoubleBuffer().put(in.limit(in.position() + n));
            } else {
                java.nio.FloatBuffer f = to.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    f.put(i, (float) in.get());
                }
            }
        });
        for (int side = 0; side < 2; side++) {
            if (neighbours[side] >= 0) {
                HaloBuffers h = halos[d][side];
                JCudaDriver.cuMemcpyHtoDAsync(h.receive, h.pinnedReceive, (long) count * bytes, main);
                layers(d, side, which, h.receive, "stagger_unpack", false);
            }
        }
    }

    /** Packs the sent layers of each field into the buffer, or unpacks the ghost layers from it, in field order. */
    private void layers(int d, int side, List<Integer> which, CUdeviceptr buffer, String entry, boolean sent) {
        long at = 0;
        for (int f : which) {
            int[] range = sent ? CartesianExchange.sentLayers(fields[f], d, side)
                    : CartesianExchange.ghostLayers(fields[f], d, side);
            CudaLaunch.LayerCall call = CudaLaunch.layers(fields[f], d, range[0], range[1]);
            int[] v = call.ints();
            Pointer params = Pointer.to(Pointer.to(arrays[f]), Pointer.to(buffer.withByteOffset(at * bytes)), ints(v, 0),
                    ints(v, 1), ints(v, 2), ints(v, 3), ints(v, 4), ints(v, 5), ints(v, 6), ints(v, 7), ints(v, 8),
                    ints(v, 9));
            launch(module.function(entry), call.shape(), main, params);
            at += call.length();
        }
    }

    private HaloBuffers halo(int d, int side, int count) {
        HaloBuffers h = halos[d][side];
        long size = (long) count * bytes;
        if (h != null && h.capacity >= size) {
            return h;
        }
        if (h != null) {
            JCudaDriver.cuStreamSynchronize(main);
            free(h);
        }
        h = new HaloBuffers();
        h.capacity = size;
        h.send = allocate(size);
        h.receive = allocate(size);
        h.pinnedSend = new Pointer();
        h.pinnedReceive = new Pointer();
        // page-locked: the copies run asynchronously and at full PCIe speed
        JCudaDriver.cuMemHostAlloc(h.pinnedSend, size, 0);
        JCudaDriver.cuMemHostAlloc(h.pinnedReceive, size, 0);
        h.hostSend = h.pinnedSend.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
        h.hostReceive = h.pinnedReceive.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
        halos[d][side] = h;
        return h;
    }

    private static void free(HaloBuffers h) {
        JCudaDriver.cuMemFree(h.send);
        JCudaDriver.cuMemFree(h.receive);
        JCudaDriver.cuMemFreeHost(h.pinnedSend);
        JCudaDriver.cuMemFreeHost(h.pinnedReceive);
    }

    @Override
    public double reduce(int index) {
        onThisThread();
        long t0 = System.nanoTime();
        uploadScalars();
        CheckedModel.Reduction r = model.reductions().get(index);
        Box box = ranges.reductionRange(r.range(), r.location());
        if (box.isEmpty()) {
            return Reductions.initial(r.op());
        }
        long points = (long) box.extent(0) * box.extent(1) * box.extent(2);
        CudaLaunch.Shape first = CudaLaunch.reductionFirstPass(points);
        Pointer params = Pointer.to(Pointer.to(table), Pointer.to(deviceScalars), Pointer.to(geometry),
                Pointer.to(new int[] {box.i0()}), Pointer.to(new int[] {box.i1()}), Pointer.to(new int[] {box.j0()}),
                Pointer.to(new int[] {box.j1()}), Pointer.to(new int[] {box.k0()}), Pointer.to(new int[] {box.k1()}),
                Pointer.to(partialsA));
        launch(module.function(CudaEmitter.reductionEntry(model, index)), first, main, params);
        double result = fold(first.threads(), CudaEmitter.partialsEntry(r.op()));
        computeNanos += System.nanoTime() - t0;
        return result;
    }

    /** Folds the first pass's partial results (in partialsA) to one value with the passes of {@code entry}. */
    private double fold(long partials, String entry) {
        CUdeviceptr in = partialsA;
        CUdeviceptr out = partialsB;
        CUfunction fold = module.function(entry);
        for (CudaLaunch.Shape pass : CudaLaunch.reductionPasses(partials)) {
            launch(fold, pass, main, Pointer.to(Pointer.to(in), Pointer.to(new long[] {partials}), Pointer.to(out)));
            partials = pass.threads();
            CUdeviceptr t = in;
            in = out;
            out = t;
        }
        double[] result = new double[1];
        JCudaDriver.cuMemcpyDtoHAsync(Pointer.to(result), in, Double.BYTES, main);
        JCudaDriver.cuStreamSynchronize(main);
        return result[0];
    }

    @Override
    public void toHost(int f) {
        onThisThread();
        JCudaDriver.cuStreamSynchronize(main);
        long size = (long) fields[f].length() * bytes;
        Pointer to = fields[f] instanceof DoubleField d ? Pointer.to(d.data()) : Pointer.to(((FloatField) fields[f]).data());
        JCudaDriver.cuMemcpyDtoH(to, arrays[f], size);
    }

    /** The preview bins of a field, made on the device (one thread per bin): only the bins cross to the host. */
    @Override
    public dev.stagger.engine.live.PreviewBinning.LocalBins previewBins(int f,
            dev.stagger.engine.live.PreviewBinning.Plan plan) {
        onThisThread();
        CudaLaunch.PreviewCall call = CudaLaunch.preview(fields[f], plan);
        int bins = call.bins();
        long size = (long) bins * Double.BYTES;
        CUdeviceptr sums = allocate(size);
        CUdeviceptr mins = allocate(size);
        CUdeviceptr maxs = allocate(size);
        try {
            int[] v = call.ints();
            Pointer[] args = new Pointer[1 + v.length + 3];
            args[0] = Pointer.to(arrays[f]);
            for (int i = 0; i < v.length; i++) {
                args[1 + i] = ints(v, i);
            }
            args[1 + v.length] = Pointer.to(sums);
            args[2 + v.length] = Pointer.to(mins);
            args[3 + v.length] = Pointer.to(maxs);
            launch(module.function("stagger_preview"), call.shape(), main, Pointer.to(args));
            double[][] host = new double[3][bins];
            CUdeviceptr[] from = {sums, mins, maxs};
            for (int i = 0; i < 3; i++) {
                JCudaDriver.cuMemcpyDtoHAsync(Pointer.to(host[i]), from[i], size, main);
            }
            JCudaDriver.cuStreamSynchronize(main);
            return CudaLaunch.previewBins(host[0], host[1], host[2]);
        } finally {
            JCudaDriver.cuMemFree(sums);
            JCudaDriver.cuMemFree(mins);
            JCudaDriver.cuMemFree(maxs);
        }
    }

    /** Sum, min and max of points 1..n of a field, reduced on the device (three folds of per-thread partials). */
    @Override
    public double[] statistics(int f, int[] n) {
        onThisThread();
        long points = (long) n[0] * n[1] * n[2];
        CudaLaunch.Shape first = CudaLaunch.reductionFirstPass(points);
        long partials = first.threads();
        CUdeviceptr mins = allocate(partials * Double.BYTES);
        CUdeviceptr maxs = allocate(partials * Double.BYTES);
        try {
            Field field = fields[f];
            launch(module.function("stagger_stats"), first, main, Pointer.to(Pointer.to(arrays[f]),
                    Pointer.to(new int[] {field.offset()}), Pointer.to(new int[] {field.stride(1)}),
                    Pointer.to(new int[] {field.stride(2)}), Pointer.to(new int[] {n[0]}), Pointer.to(new int[] {n[1]}),
                    Pointer.to(new int[] {n[2]}), Pointer.to(partialsA), Pointer.to(mins), Pointer.to(maxs)));
            double sum = fold(partials, CudaEmitter.partialsEntry("sum"));
            JCudaDriver.cuMemcpyDtoDAsync(partialsA, mins, partials * Double.BYTES, main);
            double min = fold(partials, CudaEmitter.partialsEntry("min"));
            JCudaDriver.cuMemcpyDtoDAsync(partialsA, maxs, partials * Double.BYTES, main);
            double max = fold(partials, CudaEmitter.partialsEntry("max"));
            return new double[] {sum, min, max};
        } finally {
            JCudaDriver.cuMemFree(mins);
            JCudaDriver.cuMemFree(maxs);
        }
    }

    /** The largest magnitude of the whole array, reduced on the device: finite exactly when every value is. */
    @Override
    public boolean surelyFinite(int f) {
        onThisThread();
        long n = fields[f].length();
        CudaLaunch.Shape first = CudaLaunch.reductionFirstPass(n);
        launch(module.function("stagger_maxabs"), first, main, Pointer.to(Pointer.to(arrays[f]),
                Pointer.to(new long[] {n}), Pointer.to(partialsA)));
        double largest = fold(first.threads(), CudaEmitter.partialsEntry("max"));
        return Double.isFinite(largest);
    }

    @Override
    public void close() {
        onThisThread();
        JCudaDriver.cuStreamSynchronize(main);
        JCudaDriver.cuStreamSynchronize(inner);
        List<CUdeviceptr> all = new ArrayList<>(List.of(arrays));
        all.addAll(List.of(geometry, partialsA, partialsB));
        for (CUdeviceptr[][] byField : faces) {
            for (CUdeviceptr[] byDim : byField) {
                for (CUdeviceptr p : byDim) {
                    if (p != null) {
                        all.add(p);
                    }
                }
            }
        }
        for (CUdeviceptr p : all) {
            JCudaDriver.cuMemFree(p);
        }
        for (HaloBuffers[] byDim : halos) {
            for (HaloBuffers h : byDim) {
                if (h != null) {
                    free(h);
                }
            }
        }
        tables.free();
        scalarRing.free();
        JCudaDriver.cuEventDestroy(mainReady);
        JCudaDriver.cuEventDestroy(innerDone);
        JCudaDriver.cuStreamDestroy(inner);
        JCudaDriver.cuStreamDestroy(main);
        module.unload();
    }
}
