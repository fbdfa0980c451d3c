package dev.stagger.engine.output;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the .pvti (PImageData) of a step run on several ranks: the global extent, origin and
 * spacing, the arrays every piece holds, and one {@code <Piece Extent Source>} per rank, each
 * piece written by its rank with {@link VtkImageWriter#write(Path, Grid, int[], int[], List, long,
 * double)}. Rank 0 writes it once the pieces' extents are known (they follow from the topology, so
 * it need not wait for the pieces themselves).
 */
public final class ParallelVtkWriter {
    private ParallelVtkWriter() {}

    /**
     * @param fields the fields as on any rank: only their names, locations and precisions are used
     * @param pieces one per rank, each naming its .vti relative to the .pvti's directory
     */
    public static void write(Path file, Grid globalGrid, List<? extends Field> fields, List<VtkPiece> pieces)
            throws IOException {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a .pvti needs at least one piece");
        }
        long covered = 0;
        for (VtkPiece piece : pieces) {
            piece.requireWithin(globalGrid.cells());
            covered += piece.cellCount();
        }
        if (covered != globalGrid.totalCells()) {
            throw new IllegalArgumentException("the pieces cover " + covered + " cells, the grid has "
                    + globalGrid.totalCells() + ": they must tile it");
        }
        byte[] xml = xml(globalGrid, fields, pieces).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, xml);
    }

    private static String xml(Grid grid, List<? extends Field> fields, List<VtkPiece> pieces) {
        int[] whole = VtkPiece.pointExtent(new int[grid.dims()], grid.cells());
        StringBuilder x = new StringBuilder(512 + 96 * pieces.size());
        x.append("<?xml version=\"1.0\"?>\n");
        x.append("<VTKFile type=\"PImageData\" version=\"1.0\" byte_order=\"LittleEndian\""
                + " header_type=\"UInt64\">\n");
        x.append("  <PImageData WholeExtent=\"").append(Xml.numbers(whole))
                .append("\" GhostLevel=\"0\" Origin=\"").append(Xml.numbers(VtkImageWriter.origin(grid)))
                .append("\" Spacing=\"").append(Xml.numbers(VtkImageWriter.spacing(grid))).append("\">\n");
        for (DataAssociation association : DataAssociation.values()) {
            x.append("    <P").append(association.element()).append(">\n");
            for (Field field : fields) {
                if (DataAssociation.of(field) == association) {
                    x.append("      <PDataArray type=\"").append(VtkImageWriter.vtkType(field.precision()))
                            .append("\" Name=\"").append(Xml.attribute(field.name())).append("\"/>\n");
                }
            }
            x.append("    </P").append(association.element()).append(">\n");
        }
        for (VtkPiece piece : pieces) {
            x.append("    <Piece Extent=\"").append(Xml.numbers(piece.pointExtent()))
                    .append("\" Source=\"").append(Xml.attribute(piece.source())).append("\"/>\n");
        }
        x.append("  </PImageData>\n");
        x.append("</VTKFile>\n");
        return x.toString();
    }
}
