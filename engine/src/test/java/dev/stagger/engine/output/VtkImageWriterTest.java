package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VtkImageWriterTest {
    private static final Location C = Location.CENTER;
    private static final Location V = Location.VERTEX;

    @TempDir
    Path dir;

    /** Halo filled with NaN, interior with i + 100(j-1) + 10000(k-1) + 0.25: exact in f32 too. */
    static Field field(String name, Grid grid, Precision precision, Location... location) {
        Field f = Field.create(name, grid, location, 1, precision);
        f.fill(Double.NaN);
        for (int k = 1; k <= f.count(2); k++) {
            for (int j = 1; j <= f.count(1); j++) {
                for (int i = 1; i <= f.count(0); i++) {
                    f.set(f.index(i, j, k), i + 100 * (j - 1) + 10000 * (k - 1) + 0.25);
                }
            }
        }
        return f;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void oneDimensionalCenterAndVertexFieldsRoundTripExactly(Precision precision) throws Exception {
        Grid grid = Grid.of(new double[] {-1}, new double[] {2}, new int[] {5});
        Field c = field("C", grid, precision, C);
        Field v = field("V", grid, precision, V);
        Path file = dir.resolve("run_000007.vti");

        VtkImageWriter.write(file, grid, List.of(c, v), 7, 0.125);

        VtiFile read = VtiReader.read(file);
        assertThat(read.extent()).containsExactly(0, 5, 0, 0, 0, 0);
        assertThat(read.origin()).containsExactly(-1, 0, 0);
        assertThat(read.spacing()).containsExactly(0.4, 1, 1);
        assertThat(read.step()).hasValue(7);
        assertThat(read.time()).hasValue(0.125);
        assertThat(read.association("C")).isEqualTo(DataAssociation.CELL);
        assertThat(read.association("V")).isEqualTo(DataAssociation.POINT);
        assertThat(read.values("C")).containsExactly(1.25, 2.25, 3.25, 4.25, 5.25);
        assertThat(read.values("V")).containsExactly(1.25, 2.25, 3.25, 4.25, 5.25, 6.25);
        String type = precision == Precision.F32 ? "Float32" : "Float64";
        assertThat(read.cellData().get("C").vtkType()).isEqualTo(type);
        assertThat(read.pointData().get("V").vtkType()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void twoDimensionalFieldsKeepXFastestAndLeaveTheHaloOut(Precision precision) throws Exception {
        Grid grid = Grid.of(new double[] {-1, -2}, new double[] {2, 4}, new int[] {5, 20});
        Field c = field("C", grid, precision, C, C);
        Field v = field("V", grid, precision, V, V);
        Path file = dir.resolve("two.vti");

        VtkImageWriter.write(file, grid, List.of(c, v), 0, 0);

        VtiFile read = VtiReader.read(file);
        assertThat(read.extent()).containsExactly(0, 5, 0, 20, 0, 0);
        assertThat(read.origin()).containsExactly(-1, -2, 0);
        assertThat(read.spacing()).containsExactly(0.4, 0.2, 1);
        assertThat(read.values("C")).hasSize(5 * 20).containsExactly(c.interiorValues()).doesNotContain(Double.NaN);
        assertThat(read.values("V")).hasSize(6 * 21).containsExactly(v.interiorValues());
        // x fastest: the second value is i = 2, j = 1
        assertThat(read.values("C")[1]).isEqualTo(2.25);
        assertThat(read.values("C")[5]).isEqualTo(101.25);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void threeDimensionalFieldsRoundTripExactly(Precision precision) throws Exception {
        Grid grid = Grid.of(new double[] {0, 1, 2}, new double[] {3, 2, 1}, new int[] {3, 4, 2});
        Field c = field("P", grid, precision, C, C, C);
        Field v = field("phi", grid, precision, V, V, V);
        Path file = dir.resolve("three.vti");

        VtkImageWriter.write(file, grid, List.of(v, c), 3, 1.5);

        VtiFile read = VtiReader.read(file);
        assertThat(read.extent()).containsExactly(0, 3, 0, 4, 0, 2);
        assertThat(read.origin()).containsExactly(0, 1, 2);
        assertThat(read.spacing()).containsExactly(1, 0.5, 0.5);
        assertThat(read.cellCounts()).containsExactly(3, 4, 2);
        assertThat(read.values("P")).containsExactly(c.interiorValues());
        assertThat(read.values("phi")).hasSize(4 * 5 * 3).containsExactly(v.interiorValues());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void staggeredComponentsAreAveragedOntoCellCenters(Precision precision) throws Exception {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {3, 2});
        Field vx = field("Vx", grid, precision, V, C);
        Field vy = field("Vy", grid, precision, C, V);
        Path file = dir.resolve("stokes.vti");

        VtkImageWriter.write(file, grid, List.of(vx, vy), 0, 0);

        VtiFile read = VtiReader.read(file);
        assertThat(read.association("Vx")).isEqualTo(DataAssociation.CELL);
        assertThat(read.association("Vy")).isEqualTo(DataAssociation.CELL);
        // Vx(i, j) = i + 100(j-1) + 0.25: the mean of vertices i and i+1 is i + 0.75 + 100(j-1)
        assertThat(read.values("Vx")).containsExactly(
                1.75, 2.75, 3.75,
                101.75, 102.75, 103.75);
        double[] expectedVy = new double[6];
        for (int j = 1; j <= 2; j++) {
            for (int i = 1; i <= 3; i++) {
                expectedVy[(i - 1) + 3 * (j - 1)] = (vy.at(i, j) + vy.at(i, j + 1)) / 2;
            }
        }
        assertThat(read.values("Vy")).containsExactly(expectedVy);
    }

    @Test
    void aFieldVertexInTwoOfThreeDimensionsIsTheMeanOfFourVertices() throws Exception {
        Grid grid = Grid.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new int[] {2, 3, 2});
        Field txy = field("txy", grid, Precision.F64, V, V, C);
        Path file = dir.resolve("tensor.vti");

        VtkImageWriter.write(file, grid, List.of(txy), 0, 0);

        double[] values = VtiReader.read(file).values("txy");
        assertThat(values).hasSize(2 * 3 * 2);
        int n = 0;
        for (int k = 1; k <= 2; k++) {
            for (int j = 1; j <= 3; j++) {
                for (int i = 1; i <= 2; i++) {
                    double mean = (txy.at(i, j, k) + txy.at(i + 1, j, k) + txy.at(i, j + 1, k)
                            + txy.at(i + 1, j + 1, k)) / 4;
                    assertThat(values[n++]).isEqualTo(mean);
                }
            }
        }
    }

    @Test
    void theFileIsRawAppendedLittleEndianWithUInt64ByteCounts() throws Exception {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {2, 2});
        Field c = field("C", grid, Precision.F32, C, C);
        Field v = field("V", grid, Precision.F64, V, V);
        Path file = dir.resolve("raw.vti");

        VtkImageWriter.write(file, grid, List.of(c, v), 20, 2.5);

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("type=\"ImageData\"", "byte_order=\"LittleEndian\"", "header_type=\"UInt64\"",
                "WholeExtent=\"0 2 0 2 0 0\"", "Origin=\"0.0 0.0 0.0\"", "Spacing=\"0.5 0.5 1.0\"",
                "<AppendedData encoding=\"raw\">", "Name=\"TimeValue\"", "Name=\"Step\"");
        // point data comes first: V (9 float64 at offset 0), then C (4 float32 at offset 8 + 72)
        assertThat(text).contains("Name=\"V\" format=\"appended\" offset=\"0\"")
                .contains("Name=\"C\" format=\"appended\" offset=\"80\"");
        int start = text.indexOf('_', text.indexOf("<AppendedData")) + 1;
        ByteBuffer data = ByteBuffer.wrap(bytes, start, bytes.length - start).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getLong()).isEqualTo(72);
        assertThat(data.getDouble()).isEqualTo(v.at(1, 1));
        data.position(start + 80);
        assertThat(data.getLong()).isEqualTo(16);
        assertThat(data.getFloat()).isEqualTo((float) c.at(1, 1));
        assertThat(data.getFloat()).isEqualTo((float) c.at(2, 1));
        assertThat(text).endsWith("</AppendedData>\n</VTKFile>\n");
    }

    @Test
    void fieldsThatDoNotMatchThePieceAreRefusedBeforeAnythingIsWritten() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {4, 4});
        Grid other = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {4, 3});
        Field wrong = field("C", other, Precision.F64, C, C);
        Path file = dir.resolve("wrong.vti");

        assertThatThrownBy(() -> VtkImageWriter.write(file, grid, List.of(wrong), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field C has 3 cells in dimension 1");
        Field a = field("A", grid, Precision.F64, C, C);
        assertThatThrownBy(() -> VtkImageWriter.write(file, grid, List.of(a, a), 0, 0))
                .hasMessageContaining("two fields named 'A'");
        assertThat(file).doesNotExist();
    }

    @Test
    void fieldNamesAreEscapedInTheHeader() throws Exception {
        Grid grid = Grid.of(new double[] {0}, new double[] {1}, new int[] {2});
        Field odd = field("a<b & \"c\"", grid, Precision.F64, C);
        Path file = dir.resolve("odd.vti");

        VtkImageWriter.write(file, grid, List.of(odd), 0, 0);

        assertThat(VtiReader.read(file).values("a<b & \"c\"")).containsExactly(1.25, 2.25);
    }

    @Test
    void arraysLargerThanTheIoBuffersRoundTrip() throws Exception {
        // 601 x 601 vertices of 8 bytes: several times the writer's and the reader's buffers
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {600, 600});
        Field v = field("V", grid, Precision.F64, V, V);
        Field c = field("C", grid, Precision.F32, C, C);
        Path file = dir.resolve("large.vti");

        VtkImageWriter.write(file, grid, List.of(c, v), 0, 0);

        VtiFile read = VtiReader.read(file);
        // isEqualTo compares the arrays directly; containsExactly would take seconds at this size
        assertThat(read.values("V")).isEqualTo(v.interiorValues());
        assertThat(read.values("C")).isEqualTo(c.interiorValues());
    }
}
