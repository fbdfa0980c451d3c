package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtiReaderTest {
    @TempDir
    Path dir;

    private Path written() throws IOException {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {4, 4});
        Field c = Field.create("C", grid, Location.all(Location.CENTER, 2), 1, Precision.F64);
        c.fill(3);
        Path file = dir.resolve("good.vti");
        VtkImageWriter.write(file, grid, List.of(c), 5, 0.5);
        return file;
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.vti");
        assertThatThrownBy(() -> VtiReader.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read " + file).hasMessageContaining("NoSuchFile");
    }

    @Test
    void textThatIsNotXmlIsNotImageData() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.vti"), "step,time\n1,0.5\n");
        assertThatThrownBy(() -> VtiReader.read(file))
                .hasMessageStartingWith("not a VTK ImageData file: " + file);
    }

    @Test
    void otherVtkDataSetsAreNotImageData() throws Exception {
        Path file = Files.writeString(dir.resolve("mesh.vtu"),
                "<?xml version=\"1.0\"?><VTKFile type=\"UnstructuredGrid\" version=\"1.0\"><UnstructuredGrid/></VTKFile>");
        assertThatThrownBy(() -> VtiReader.read(file))
                .hasMessage("not a VTK ImageData file: " + file + " (it is a VTK file of type 'UnstructuredGrid')");
    }

    @Test
    void base64AppendedDataIsRefusedByName() throws Exception {
        Path file = written();
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("encoding=\"raw\"",
                "encoding=\"base64\"");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> VtiReader.read(file)).hasMessage("unsupported encoding 'base64' in " + file);
    }

    @Test
    void compressedFilesAreRefusedByName() throws Exception {
        Path file = written();
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("header_type=\"UInt64\"",
                "header_type=\"UInt64\" compressor=\"vtkZLibDataCompressor\"");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> VtiReader.read(file))
                .hasMessage("unsupported compressor 'vtkZLibDataCompressor' in " + file);
    }

    @Test
    void aTruncatedFileSaysSo() throws Exception {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 60));
        assertThatThrownBy(() -> VtiReader.read(file))
                .hasMessageContaining("cannot read " + file).hasMessageContaining("truncated");
    }

    @Test
    void anArrayWhoseSizeDoesNotMatchTheExtentIsRefused() throws Exception {
        Path file = written();
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("0 4 0 4 0 0", "0 4 0 3 0 0");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> VtiReader.read(file))
                .hasMessage("cannot read " + file + ": array 'C' has 16 values, its extent needs 12");
    }

    @Test
    void asciiArraysAndFilesWithoutTimeAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("ascii.vti"), """
                <?xml version="1.0"?>
                <VTKFile type="ImageData" version="0.1" byte_order="LittleEndian">
                  <ImageData WholeExtent="0 2 0 1 0 0" Origin="1 2 0" Spacing="0.5 0.25 1">
                    <Piece Extent="0 2 0 1 0 0">
                      <PointData><DataArray type="Float32" Name="h" format="ascii">1 2 3 4 5 6</DataArray></PointData>
                      <CellData><DataArray type="Int32" Name="id" format="ascii">7 8</DataArray></CellData>
                    </Piece>
                  </ImageData>
                </VTKFile>
                """);
        VtiFile read = VtiReader.read(file);
        assertThat(read.time()).isEmpty();
        assertThat(read.step()).isEmpty();
        assertThat(read.pointCounts()).containsExactly(3, 2, 1);
        assertThat(read.values("h")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(read.values("id")).containsExactly(7, 8);
        assertThatThrownBy(() -> read.values("T")).hasMessageContaining("no array named 'T'");
    }
}
