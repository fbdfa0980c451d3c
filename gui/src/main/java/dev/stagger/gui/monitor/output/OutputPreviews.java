package dev.stagger.gui.monitor.output;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewBinning;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.output.DataAssociation;
import dev.stagger.engine.output.PvtiReader;
import dev.stagger.engine.output.VtiArray;
import dev.stagger.engine.output.VtiFile;
import dev.stagger.engine.output.VtiReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One field of one output file as a {@link Preview}, binned exactly as the live server bins a
 * running field ({@link PreviewBinning} on a single rank), so a finished run's output and a live
 * run's frames look and read alike. Only the chosen field's bytes are read. Background threads only.
 */
public final class OutputPreviews {
    private OutputPreviews() {}

    /** A file's chosen field as a preview, with every field the file holds and its grid's shape. */
    public record Loaded(Preview preview, List<String> fields, int dims, int[] cells) {}

    /**
     * Reads {@code field} of {@code file} (.vti or .pvti; the file's first field when it lacks that
     * one or {@code field} is null) and bins it to at most {@code resolution} values per side, the
     * 3D slice across {@code sliceAxis} at 1-based {@code sliceIndex} (0: the middle). Every
     * problem is an exception whose message names the file.
     */
    static Loaded read(Path file, String field, int sliceAxis, int sliceIndex, int resolution, OutputSeries.Step entry)
            throws IOException {
        List<String> names = new ArrayList<>();
        VtiFile vti = readArrays(file, name -> {
            names.add(name);
            return name.equals(field);
        });
        if (names.isEmpty()) {
            throw new IOException("nothing to show in " + file + ": it holds no point or cell data");
        }
        String shown = names.contains(field) ? field : names.get(0);
        if (!shown.equals(field)) {
            vti = readArrays(file, shown::equals);
        }
        return new Loaded(bin(vti, shown, sliceAxis, sliceIndex, resolution, entry), List.copyOf(names), dims(vti),
                cells(vti));
    }

    private static VtiFile readArrays(Path file, Predicate<String> wanted) throws IOException {
        return file.getFileName().toString().endsWith(".pvti") ? PvtiReader.read(file, wanted)
                : VtiReader.read(file, wanted);
    }

    private static Preview bin(VtiFile vti, String name, int sliceAxis, int sliceIndex, int resolution,
            OutputSeries.Step entry) throws IOException {
        boolean point = vti.association(name) == DataAssociation.POINT;
        VtiArray array = point ? vti.pointData().get(name) : vti.cellData().get(name);
        if (array.components() != 1) {
            throw new IOException("cannot show '" + name + "' of " + vti.file() + ": it has " + array.components()
                    + " components; the monitor shows scalar fields");
        }
        int dims = dims(vti);
        int[] cells = cells(vti);
        int[] extent = vti.extent();
        double[] origin = new double[dims];
        double[] length = new double[dims];
        for (int d = 0; d < dims; d++) {
            origin[d] = vti.origin()[d] + extent[2 * d] * vti.spacing()[d];
            length[d] = cells[d] * vti.spacing()[d];
        }
        try {
            Grid grid = Grid.of(origin, length, cells);
            // point data are the values at vertices, cell data at cell centres (staggered fields were
            // averaged onto the cells when written)
            DoubleField values = new DoubleField(name, grid, Location.all(point ? Location.VERTEX : Location.CENTER,
                    dims), 0);
            if (values.data().length != array.values().length) {
                throw new IOException("cannot show '" + name + "' of " + vti.file() + ": " + array.values().length
                        + " values for a " + values.data().length + "-point raster");
            }
            System.arraycopy(array.values(), 0, values.data(), 0, values.data().length);
            Decomposition one = new Decomposition(grid, new Topology(ones(dims), new boolean[dims]));
            PreviewRequest request = dims == 3
                    ? new PreviewRequest(name, resolution, resolution, sliceAxis < 0 ? 2 : sliceAxis, sliceIndex)
                    : PreviewRequest.of(name, resolution, resolution);
            long step = vti.step().orElse(entry == null ? -1 : entry.step());
            double time = vti.time().orElse(entry == null ? Double.NaN : entry.time());
            return PreviewBinning.collect(new SelfCommunicator(), one, values, request, step, time);
        } catch (IllegalArgumentException e) {
            // a grid the engine would not make (fewer than 2 cells along a side, say): not ours to show
            throw new IOException("cannot show '" + name + "' of " + vti.file() + ": " + e.getMessage(), e);
        }
    }

    /** The grid's dimensions: up to the last axis with more than one point. */
    static int dims(VtiFile vti) {
        int[] e = vti.extent();
        int dims = 1;
        for (int d = 0; d < 3; d++) {
            if (e[2 * d + 1] > e[2 * d]) {
                dims = d + 1;
            }
        }
        return dims;
    }

    private static int[] cells(VtiFile vti) {
        int dims = dims(vti);
        int[] all = vti.cellCounts();
        int[] cells = new int[dims];
        System.arraycopy(all, 0, cells, 0, dims);
        return cells;
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
