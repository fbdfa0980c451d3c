package dev.stagger.engine.live;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;

/**
 * Builds a {@link Preview} by block averaging, collectively: every rank sums the points it owns into
 * the preview's bins, and one reduction adds the sums up, so no rank ever ships its block. Global
 * point {@code g} (0-based) of a side with {@code n} points falls into bin {@code g * bins / n};
 * a bin's value is the mean of its points, its coordinate the mean of theirs. Shared Vertex points
 * are counted once (by the rank that owns them, as in the gather).
 */
public final class PreviewBinning {
    private PreviewBinning() {}

    /**
     * Which points of one rank's field go into which bin: raster axes a and b (b = -1 in 1D), the
     * slice of a 3D field, the global counts and bins along a and b, and the rank's offset and
     * local index range per dimension (empty when the slice is not on this rank). The numbers a GPU
     * computes the same sums from.
     */
    public record Plan(int a, int b, int slice, int sliceIndex, int na, int nb, int bx, int by, int[] offset, int[] lo,
            int[] hi) {}

    public static Plan plan(Decomposition decomposition, int rank, Location[] loc, PreviewRequest request) {
        Grid global = decomposition.global();
        int dims = global.dims();
        int slice = dims == 3 ? (request.sliceAxis() < 0 ? 2 : request.sliceAxis()) : -1;
        int a = dims == 3 ? (slice == 0 ? 1 : 0) : 0;
        int b = dims == 3 ? (slice == 2 ? 1 : 2) : dims == 2 ? 1 : -1;
        int na = global.axis(a).count(loc[a]);
        int nb = b >= 0 ? global.axis(b).count(loc[b]) : 1;
        int sliceCount = slice >= 0 ? global.axis(slice).count(loc[slice]) : 1;
        int sliceIndex = slice < 0 ? 0 : request.sliceIndex() >= 1 ? Math.min(request.sliceIndex(), sliceCount)
                : (sliceCount + 1) / 2;
        int bx = Math.min(request.maxWidth(), na);
        int by = b >= 0 ? Math.min(request.maxHeight(), nb) : 1;
        int[] offset = pad(decomposition.offset(rank));
        int[] owned = owned(decomposition, rank, loc);
        int[] lo = {1, 1, 1};
        int[] hi = owned.clone();
        if (slice >= 0) {
            int localIndex = sliceIndex - offset[slice];
            boolean mine = localIndex >= 1 && localIndex <= owned[slice];
            lo[slice] = mine ? localIndex : 1;
            hi[slice] = mine ? localIndex : 0;
        }
        return new Plan(a, b, slice, sliceIndex, na, nb, bx, by, offset, lo, hi);
    }

    /** One rank's sum per bin (bin ib + bx·jb) and its min and max, before the reduction across ranks. */
    public record LocalBins(double[] sums, double min, double max) {}

    /** Sums each bin's points in storage order (k, j, i), as a GPU thread per bin does too. */
    public static LocalBins localBins(Field local, Plan p) {
        int a = p.a();
        int b = p.b();
        int[] lo = p.lo();
        int[] hi = p.hi();
        int[] offset = p.offset();
        int bx = p.bx();
        double[] sums = new double[bx * p.by()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // bin of each local index along the two raster axes, computed once, not per point
        int[] binA = localBins(offset[a], lo[a], hi[a], p.na(), bx, 1);
        int[] binB = b >= 0 ? localBins(offset[b], lo[b], hi[b], p.nb(), p.by(), bx) : new int[hi[1] + 1];
        int[] ijk = new int[3];
        for (int k = lo[2]; k <= hi[2]; k++) {
            ijk[2] = k;
            for (int j = lo[1]; j <= hi[1]; j++) {
                ijk[1] = j;
                int row = local.index(1, j, k);
                for (int i = lo[0]; i <= hi[0]; i++) {
                    ijk[0] = i;
                    double v = local.get(row + i - 1);
                    sums[binA[ijk[a]] + (b >= 0 ? binB[ijk[b]] : 0)] += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new LocalBins(sums, min, max);
    }

    /** Every rank calls this with its local field; rank 0 gets the preview, the others null. */
    public static Preview collect(Communicator comm, Decomposition decomposition, Field local, PreviewRequest request,
            long step, double time) {
        Grid global = decomposition.global();
        Location[] loc = local.location();
        int rank = comm.rank();
        Plan plan = plan(decomposition, rank, loc, request);
        LocalBins bins = localBins(local, plan);
        return finish(comm, global, loc, local.name(), plan, bins, step, time);
    }

    /** The reduction across ranks and, on rank 0, the preview: from each rank's {@link LocalBins}. */
    public static Preview finish(Communicator comm, Grid global, Location[] loc, String name, Plan plan,
            LocalBins bins, long step, double time) {
        int rank = comm.rank();
        int a = plan.a();
        int b = plan.b();
        int slice = plan.slice();
        int sliceIndex = plan.sliceIndex();
        int na = plan.na();
        int nb = plan.nb();
        int bx = plan.bx();
        int by = plan.by();
        double[] sums = bins.sums();
        double min = bins.min();
        double max = bins.max();
        double[] total = comm.allReduce(sums, Communicator.ReduceOp.SUM);
        double[] extremes = comm.allReduce(new double[] {min, -max}, Communicator.ReduceOp.MIN);
        if (rank != 0) {
            return null;
        }
        // how many points fall into each bin follows from the sizes alone: no need to reduce counts
        int[] perA = pointsPerBin(na, bx);
        int[] perB = b >= 0 ? pointsPerBin(nb, by) : new int[] {1};
        float[] values = new float[bx * by];
        for (int jb = 0; jb < by; jb++) {
            for (int ib = 0; ib < bx; ib++) {
                int n = ib + bx * jb;
                values[n] = (float) (total[n] / ((double) perA[ib] * perB[jb]));
            }
        }
        double[] x = binCentres(global, a, loc[a], na, bx);
        double[] y = b >= 0 ? binCentres(global, b, loc[b], nb, by) : new double[] {0};
        double sliceCoordinate = slice >= 0 ? global.coordinate(loc[slice], slice, sliceIndex) : Double.NaN;
        return new Preview(name, step, time, bx, by, values, x, y, extremes[0], -extremes[1],
                Dimension.name(a), b >= 0 ? Dimension.name(b) : name, slice, slice >= 0 ? sliceIndex : 0,
                sliceCoordinate);
    }

    /** For local indices lo..hi along an axis with global offset: bin number times {@code scale}. */
    private static int[] localBins(int offset, int lo, int hi, int n, int bins, int scale) {
        int[] result = new int[Math.max(hi, 0) + 1];
        for (int i = lo; i <= hi; i++) {
            result[i] = (int) ((long) (offset + i - 1) * bins / n) * scale;
        }
        return result;
    }

    private static int[] pointsPerBin(int n, int bins) {
        int[] count = new int[bins];
        for (int g = 0; g < n; g++) {
            count[(int) ((long) g * bins / n)]++;
        }
        return count;
    }

    private static double[] binCentres(Grid global, int d, Location loc, int n, int bins) {
        double[] sum = new double[bins];
        int[] count = new int[bins];
        for (int g = 0; g < n; g++) {
            int bin = (int) ((long) g * bins / n);
            sum[bin] += global.coordinate(loc, d, g + 1);
            count[bin]++;
        }
        for (int c = 0; c < bins; c++) {
            sum[c] /= count[c];
        }
        return sum;
    }

    private static int[] pad(int[] values) {
        int[] p = {0, 0, 0};
        System.arraycopy(values, 0, p, 0, values.length);
        return p;
    }

    private static int[] owned(Decomposition d, int rank, Location[] loc) {
        int[] n = {1, 1, 1};
        int[] cells = d.cells(rank);
        int[] coords = d.topology().coordinates(rank);
        for (int dim = 0; dim < loc.length; dim++) {
            boolean last = coords[dim] == d.topology().dims(dim) - 1;
            n[dim] = loc[dim] == Location.VERTEX && last ? cells[dim] + 1 : cells[dim];
        }
        return n;
    }
}
