package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2D grid of 8x6 cells split unevenly (5+3 by 2+4) over four "ranks", each writing its piece. */
class PvtiReaderTest {
    private static final Location C = Location.CENTER;
    private static final Location V = Location.VERTEX;
    private static final Grid GLOBAL = Grid.of(new double[] {-2, 1}, new double[] {4, 3}, new int[] {8, 6});
    private static final OutputNaming NAMES = new OutputNaming("split");
    private static final int[][] X = {{0, 5}, {5, 8}};
    private static final int[][] Y = {{0, 2}, {2, 6}};

    @TempDir
    Path dir;

    private static double vertexValue(int ix, int iy) {
        return ix + 10 * iy;
    }

    private static double centerValue(int cx, int cy) {
        return -(cx + 10 * cy) - 0.25;
    }

    /** Writes the pieces as each rank would (local fields, global indices) and the .pvti; returns it. */
    private Path written() throws IOException {
        List<VtkPiece> pieces = new ArrayList<>();
        List<Field> fields = null;
        int rank = 0;
        for (int[] y : Y) {
            for (int[] x : X) {
                int[] lo = {x[0], y[0]};
                int[] hi = {x[1], y[1]};
                Grid local = GLOBAL.block(lo, new int[] {hi[0] - lo[0], hi[1] - lo[1]});
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
                fields = List.of(t, p);
            }
        }
        Path pvti = dir.resolve(NAMES.pvti(40));
        ParallelVtkWriter.write(pvti, GLOBAL, fields, pieces);
        return pvti;
    }

    @Test
    void joinsThePiecesIntoTheWholeGrid() throws Exception {
        VtiFile whole = PvtiReader.read(written());
        assertThat(whole.extent()).containsExactly(0, 8, 0, 6, 0, 0);
        assertThat(whole.origin()).containsExactly(-2, 1, 0);
        assertThat(whole.spacing()).containsExactly(0.5, 0.5, 1);
        assertThat(whole.step()).hasValue(40);
        assertThat(whole.time()).hasValue(4.0);
        assertThat(whole.association("T")).isEqualTo(DataAssociation.POINT);
        assertThat(whole.association("P")).isEqualTo(DataAssociation.CELL);
        double[] t = whole.values("T");
        assertThat(t).hasSize(9 * 7);
        for (int iy = 0; iy <= 6; iy++) {
            for (int ix = 0; ix <= 8; ix++) {
                assertThat(t[ix + 9 * iy]).as("T at point %d, %d", ix, iy).isEqualTo(vertexValue(ix, iy));
            }
        }
        double[] p = whole.values("P");
        assertThat(p).hasSize(8 * 6);
        for (int cy = 0; cy < 6; cy++) {
            for (int cx = 0; cx < 8; cx++) {
                assertThat(p[cx + 8 * cy]).as("P at cell %d, %d", cx, cy).isEqualTo(centerValue(cx, cy));
            }
        }
        assertThat(whole.cellData().get("P").vtkType()).isEqualTo("Float32");
    }

    @Test
    void readsOnlyTheArraysAskedForAndTellsThePredicateEveryName() throws Exception {
        Path pvti = written();
        List<String> asked = new ArrayList<>();
        VtiFile only = PvtiReader.read(pvti, name -> asked.add(name) && name.equals("P"));
        assertThat(asked).containsExactly("T", "P");
        assertThat(only.pointData()).isEmpty();
        assertThat(only.cellData()).containsOnlyKeys("P");

        List<String> pieceNames = new ArrayList<>();
        VtiFile piece = VtiReader.read(dir.resolve(NAMES.piece(40, 0)), name -> pieceNames.add(name) && false);
        assertThat(pieceNames).containsExactly("T", "P");
        assertThat(piece.pointData()).isEmpty();
        assertThat(piece.cellData()).isEmpty();
    }

    @Test
    void aMissingPieceIsNamedWithItsPvti() throws Exception {
        Path pvti = written();
        Path gone = dir.resolve(NAMES.piece(40, 2));
        Files.delete(gone);
        assertThatThrownBy(() -> PvtiReader.read(pvti)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read " + gone).hasMessageContaining("a piece of " + pvti);
    }

    @Test
    void aBrokenPvtiSaysWhatIsWrongWithWhichFile() throws Exception {
        Path pvti = written();
        String xml = Files.readString(pvti);

        Files.writeString(pvti, xml.substring(0, xml.length() / 2));
        assertThatThrownBy(() -> PvtiReader.read(pvti)).hasMessageStartingWith("cannot read " + pvti + ": it is not"
                + " well-formed XML");

        Files.writeString(pvti, xml.replaceFirst("<Piece [^>]*/>", ""));
        assertThatThrownBy(() -> PvtiReader.read(pvti))
                .hasMessage("cannot read " + pvti + ": its pieces cover 38 cells, the whole extent has 48");

        Files.writeString(pvti, xml.replace("Extent=\"0 5 0 2 0 0\"", "Extent=\"0 5 0 3 0 0\""));
        assertThatThrownBy(() -> PvtiReader.read(pvti)).hasMessage("cannot read " + pvti + ": piece "
                + NAMES.piece(40, 0) + " has extent 0 5 0 2 0 0, the .pvti says 0 5 0 3 0 0");

        Files.writeString(pvti, xml.replace("PImageData", "ImageData"));
        assertThatThrownBy(() -> PvtiReader.read(pvti)).hasMessageContaining("not a parallel VTK ImageData file");
    }
}
