package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A 2D grid of 8x6 cells split 2x2 over four "ranks", each writing its piece. */
class ParallelVtkWriterTest {
    private static final Location C = Location.CENTER;
    private static final Location V = Location.VERTEX;
    private static final Grid GLOBAL = Grid.of(new double[] {-2, 1}, new double[] {4, 3}, new int[] {8, 6});
    private static final OutputNaming NAMES = new OutputNaming("split");

    @TempDir
    Path dir;

    /** Global value of point (ix, iy) (0-based global point indices) of the vertex field. */
    private static double vertexValue(int ix, int iy) {
        return ix + 10 * iy;
    }

    private static double centerValue(int cx, int cy) {
        return -(cx + 10 * cy);
    }

    /** Writes the four pieces as each rank would: local fields on a local grid, global indices. */
    private List<VtkPiece> writePieces() throws Exception {
        List<VtkPiece> pieces = new ArrayList<>();
        int rank = 0;
        for (int ry = 0; ry < 2; ry++) {
            for (int rx = 0; rx < 2; rx++) {
                int[] lo = {4 * rx, 3 * ry};
                int[] hi = {lo[0] + 4, lo[1] + 3};
                Grid local = Grid.of(new double[] {-2 + lo[0] * 0.5, 1 + lo[1] * 0.5}, new double[] {2, 1.5},
                        new int[] {4, 3});
                Field t = Field.create("T", local, new Location[] {V, V}, 1, Precision.F64);
                for (int j = 1; j <= t.count(1); j++) {
                    for (int i = 1; i <= t.count(0); i++) {
                        t.set(t.index(i, j), vertexValue(lo[0] + i - 1, lo[1] + j - 1));
                    }
                }
                Field p = Field.create("P", local, new Location[] {C, C}, 1, Precision.F32);
                for (int j = 1; j <= p.count(1); j++) {
                    for (int i = 1; i <= p.count(0); i++) {
                        p.set(p.index(i, j), centerValue(lo[0] + i - 1, lo[1] + j - 1));
                    }
                }
                String source = NAMES.piece(40, rank++);
                VtkImageWriter.write(dir.resolve(source), GLOBAL, lo, hi, List.of(t, p), 40, 4.0);
                pieces.add(new VtkPiece(lo, hi, source));
                if (pieces.size() == 4) {
                    ParallelVtkWriter.write(dir.resolve(NAMES.pvti(40)), GLOBAL, List.of(t, p), pieces);
                }
            }
        }
        return pieces;
    }

    @Test
    void thePvtiNamesEveryPieceWithItsOverlappingPointExtent() throws Exception {
        writePieces();

        Document pvti = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("split_000040.pvti").toFile());
        Element root = pvti.getDocumentElement();
        assertThat(root.getAttribute("type")).isEqualTo("PImageData");
        Element image = (Element) root.getElementsByTagName("PImageData").item(0);
        assertThat(image.getAttribute("WholeExtent")).isEqualTo("0 8 0 6 0 0");
        assertThat(image.getAttribute("Origin")).isEqualTo("-2.0 1.0 0.0");
        assertThat(image.getAttribute("Spacing")).isEqualTo("0.5 0.5 1.0");
        Element pointData = (Element) image.getElementsByTagName("PPointData").item(0);
        Element cellData = (Element) image.getElementsByTagName("PCellData").item(0);
        Element t = (Element) pointData.getElementsByTagName("PDataArray").item(0);
        Element p = (Element) cellData.getElementsByTagName("PDataArray").item(0);
        assertThat(t.getAttribute("Name") + " " + t.getAttribute("type")).isEqualTo("T Float64");
        assertThat(p.getAttribute("Name") + " " + p.getAttribute("type")).isEqualTo("P Float32");

        NodeList pieces = image.getElementsByTagName("Piece");
        List<String> described = new ArrayList<>();
        for (int n = 0; n < pieces.getLength(); n++) {
            Element piece = (Element) pieces.item(n);
            described.add(piece.getAttribute("Source") + ": " + piece.getAttribute("Extent"));
            assertThat(dir.resolve(piece.getAttribute("Source"))).isRegularFile();
        }
        assertThat(described).containsExactly(
                "split_000040_r0000.vti: 0 4 0 3 0 0",
                "split_000040_r0001.vti: 4 8 0 3 0 0",
                "split_000040_r0002.vti: 0 4 3 6 0 0",
                "split_000040_r0003.vti: 4 8 3 6 0 0");
    }

    @Test
    void thePiecesTogetherHoldTheGlobalFieldsAndAgreeOnSharedPoints() throws Exception {
        List<VtkPiece> pieces = writePieces();

        double[][] points = new double[7][9];
        double[][] cells = new double[6][8];
        for (double[] row : points) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (VtkPiece piece : pieces) {
            VtiFile read = VtiReader.read(dir.resolve(piece.source()));
            int[] e = read.extent();
            assertThat(e).containsExactly(piece.pointExtent());
            assertThat(read.origin()).containsExactly(-2, 1, 0);
            assertThat(read.step()).hasValue(40);
            double[] t = read.values("T");
            int n = 0;
            for (int iy = e[2]; iy <= e[3]; iy++) {
                for (int ix = e[0]; ix <= e[1]; ix++) {
                    if (!Double.isNaN(points[iy][ix])) {
                        assertThat(t[n]).as("shared point (%d, %d)", ix, iy).isEqualTo(points[iy][ix]);
                    }
                    points[iy][ix] = t[n++];
                }
            }
            double[] p = read.values("P");
            n = 0;
            for (int cy = e[2]; cy < e[3]; cy++) {
                for (int cx = e[0]; cx < e[1]; cx++) {
                    cells[cy][cx] = p[n++];
                }
            }
        }
        for (int iy = 0; iy <= 6; iy++) {
            for (int ix = 0; ix <= 8; ix++) {
                assertThat(points[iy][ix]).isEqualTo(vertexValue(ix, iy));
            }
        }
        for (int cy = 0; cy < 6; cy++) {
            for (int cx = 0; cx < 8; cx++) {
                assertThat(cells[cy][cx]).isEqualTo(centerValue(cx, cy));
            }
        }
    }

    @Test
    void piecesThatDoNotTileTheGridAreRefused() {
        List<VtkPiece> three = List.of(
                new VtkPiece(new int[] {0, 0}, new int[] {4, 3}, "a.vti"),
                new VtkPiece(new int[] {4, 0}, new int[] {8, 3}, "b.vti"),
                new VtkPiece(new int[] {0, 3}, new int[] {8, 6}, "c.vti"),
                new VtkPiece(new int[] {4, 3}, new int[] {8, 6}, "d.vti"));
        assertThatThrownBy(() -> ParallelVtkWriter.write(dir.resolve("x.pvti"), GLOBAL, List.of(), three))
                .hasMessageContaining("cover 60 cells, the grid has 48");
        List<VtkPiece> outside = List.of(new VtkPiece(new int[] {0, 0}, new int[] {9, 6}, "a.vti"));
        assertThatThrownBy(() -> ParallelVtkWriter.write(dir.resolve("x.pvti"), GLOBAL, List.of(), outside))
                .hasMessageContaining("beyond the grid's 8 cells");
        assertThat(Files.exists(dir.resolve("x.pvti"))).isFalse();
    }
}
