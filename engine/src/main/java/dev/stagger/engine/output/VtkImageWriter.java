package dev.stagger.engine.output;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes fields of one grid at one step as a VTK XML ImageData file (.vti) that ParaView opens:
 * little-endian raw appended data with UInt64 byte-count headers, all-Vertex fields as point data,
 * all other fields as cell data (staggered ones averaged onto cell centers), interior values only,
 * in each field's precision. The step and simulated time go into the file's field data
 * ({@code TimeValue}, which ParaView shows as the time, and {@code Step}).
 *
 * <p>The file is written atomically (see {@link AtomicFile}) and streamed: no copy of a field is
 * made, whatever its size.
 */
public final class VtkImageWriter {
    static final String TIME_ARRAY = "TimeValue";
    static final String STEP_ARRAY = "Step";

    private VtkImageWriter() {}

    /** Writes the fields of a whole (single-rank) grid. */
    public static void write(Path file, Grid grid, List<? extends Field> fields, long step, double time)
            throws IOException {
        write(file, grid, new int[grid.dims()], grid.cells(), fields, step, time);
    }

    /**
     * Writes one rank's piece of a global grid: cells {@code pieceLo[d] <= c < pieceHi[d]} (0-based).
     * The fields live on the rank's local grid of {@code pieceHi - pieceLo} cells. The file's extent
     * is the piece's extent in global point indices and its origin the global origin, so the pieces
     * fit together when a {@link ParallelVtkWriter .pvti} names them.
     */
    public static void write(Path file, Grid globalGrid, int[] pieceLo, int[] pieceHi,
            List<? extends Field> fields, long step, double time) throws IOException {
        VtkPiece piece = new VtkPiece(pieceLo, pieceHi, String.valueOf(file.getFileName()));
        piece.requireWithin(globalGrid.cells());
        requireFieldsFit(globalGrid, piece, fields);
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("simulated time must be finite, got " + time);
        }
        List<Field> ordered = new ArrayList<>();
        for (DataAssociation association : DataAssociation.values()) {
            for (Field field : fields) {
                if (DataAssociation.of(field) == association) {
                    ordered.add(field);
                }
            }
        }
        byte[] header = header(globalGrid, piece, ordered, step, time).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, channel -> {
            LittleEndianSink sink = new LittleEndianSink(channel);
            sink.putBytes(header);
            for (Field field : ordered) {
                sink.putLong(FieldValues.bytes(field));
                FieldValues.write(field, sink);
            }
            sink.putBytes("\n  </AppendedData>\n</VTKFile>\n".getBytes(StandardCharsets.UTF_8));
            sink.flush();
        });
    }

    /** VTK's name for the binary type of a field's values. */
    static String vtkType(Precision precision) {
        return precision == Precision.F64 ? "Float64" : "Float32";
    }

    static double[] origin(Grid grid) {
        double[] origin = new double[3];
        for (int d = 0; d < grid.dims(); d++) {
            origin[d] = grid.axis(d).origin();
        }
        return origin;
    }

    static double[] spacing(Grid grid) {
        double[] spacing = {1, 1, 1};
        for (int d = 0; d < grid.dims(); d++) {
            spacing[d] = grid.spacing(d);
        }
        return spacing;
    }

    private static String header(Grid grid, VtkPiece piece, List<Field> ordered, long step, double time) {
        String extent = Xml.numbers(piece.pointExtent());
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\"?>\n");
        x.append("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\""
                + " header_type=\"UInt64\">\n");
        x.append("  <ImageData WholeExtent=\"").append(extent)
                .append("\" Origin=\"").append(Xml.numbers(origin(grid)))
                .append("\" Spacing=\"").append(Xml.numbers(spacing(grid))).append("\">\n");
        x.append("    <FieldData>\n");
        x.append("      <DataArray type=\"Float64\" Name=\"" + TIME_ARRAY
                + "\" NumberOfTuples=\"1\" format=\"ascii\">").append(time).append("</DataArray>\n");
        x.append("      <DataArray type=\"Int64\" Name=\"" + STEP_ARRAY
                + "\" NumberOfTuples=\"1\" format=\"ascii\">").append(step).append("</DataArray>\n");
        x.append("    </FieldData>\n");
        x.append("    <Piece Extent=\"").append(extent).append("\">\n");
        long offset = 0;
        for (DataAssociation association : DataAssociation.values()) {
            x.append("      <").append(association.element()).append(">\n");
            for (Field field : ordered) {
                if (DataAssociation.of(field) == association) {
                    x.append("        <DataArray type=\"").append(vtkType(field.precision()))
                            .append("\" Name=\"").append(Xml.attribute(field.name()))
                            .append("\" format=\"appended\" offset=\"").append(offset).append("\"/>\n");
                    offset += Long.BYTES + FieldValues.bytes(field);
                }
            }
            x.append("      </").append(association.element()).append(">\n");
        }
        x.append("    </Piece>\n");
        x.append("  </ImageData>\n");
        // raw appended data starts right after the underscore; offsets above count from there
        x.append("  <AppendedData encoding=\"raw\">\n   _");
        return x.toString();
    }

    private static void requireFieldsFit(Grid global, VtkPiece piece, List<? extends Field> fields) {
        int[] lo = piece.cellLo();
        int[] hi = piece.cellHi();
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (field.name() == null || field.name().isEmpty()) {
                throw new IllegalArgumentException("a field written to VTK needs a name");
            }
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("two fields named '" + field.name() + "' in one output");
            }
            Grid local = field.grid();
            if (local.dims() != global.dims()) {
                throw new IllegalArgumentException("field " + field.name() + " is " + local.dims()
                        + "D, the grid " + global.dims() + "D");
            }
            for (int d = 0; d < global.dims(); d++) {
                if (local.cells(d) != hi[d] - lo[d]) {
                    throw new IllegalArgumentException("field " + field.name() + " has " + local.cells(d)
                            + " cells in dimension " + d + " but the piece " + Arrays.toString(lo) + ".."
                            + Arrays.toString(hi) + " has " + (hi[d] - lo[d]));
                }
                double relative = Math.abs(local.spacing(d) - global.spacing(d)) / global.spacing(d);
                if (relative > 1e-9) {
                    throw new IllegalArgumentException("field " + field.name() + " has spacing "
                            + local.spacing(d) + " in dimension " + d + ", the grid " + global.spacing(d));
                }
            }
        }
    }
}
