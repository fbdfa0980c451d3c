package dev.stagger.engine.checkpoint;

import static dev.stagger.engine.checkpoint.CheckpointFixtures.assertRestored;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.blank;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.decomposition;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointTest {
    private static final Grid GRID_2D = Grid.of(new double[] {-2, -1}, new double[] {4, 3}, new int[] {13, 11});
    private static final Grid GRID_3D = Grid.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new int[] {5, 4, 6});

    @TempDir
    Path out;

    /** Reads every block of layout {@code d} and checks it exactly, with both readInto forms. */
    private static void readAndCheck(Checkpoint c, Decomposition d, Precision precision) throws IOException {
        for (int r = 0; r < d.topology().size(); r++) {
            List<Field> fields = blank(d, r, precision);
            for (int f = 0; f < fields.size(); f++) {
                if (f % 2 == 0) {
                    c.readInto(fields.get(f), d.offset(r));
                } else {
                    c.readInto(fields.get(f));
                }
                assertRestored(fields.get(f), d.offset(r));
            }
        }
    }

    static Stream<Arguments> layouts2d() {
        return Stream.of(Precision.values()).flatMap(p -> Stream.of(
                Arguments.of(p, new int[] {1, 1}),
                Arguments.of(p, new int[] {2, 2})));
    }

    @ParameterizedTest(name = "{0} written on {1}")
    @MethodSource("layouts2d")
    void aCheckpointReadsBackExactlyIntoTheSameAndOtherLayouts(Precision precision, int[] written) throws Exception {
        Decomposition d = decomposition(GRID_2D, written);
        Path dir = write(out, "diffusion-2d", 42, 0.1 + 0.2, d, precision);

        assertThat(dir.getFileName().toString()).isEqualTo("diffusion-2d_ckpt_000042");
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("diffusion-2d_ckpt_000042");
        }
        Checkpoint c = Checkpoint.open(dir);
        assertThat(c.step()).isEqualTo(42);
        assertThat(c.time()).isEqualTo(0.1 + 0.2);
        assertThat(c.precision()).isEqualTo(precision);
        assertThat(c.cells()).containsExactly(13, 11);
        assertThat(c.ranks()).containsExactly(written);
        assertThat(c.rankCount()).isEqualTo(written[0] * written[1]);
        assertThat(c.modelName()).isEqualTo("diffusion");
        assertThat(c.projectName()).isEqualTo("diffusion-2d");
        assertThat(c.fields()).extracting(Checkpoint.FieldInfo::name).containsExactly("T", "qx", "V");
        assertThat(c.fields().get(1).location()).containsExactly(Location.VERTEX, Location.CENTER);
        c.verify();

        readAndCheck(c, decomposition(GRID_2D, written), precision);
        readAndCheck(c, decomposition(GRID_2D, 1, 1), precision);
        readAndCheck(c, decomposition(GRID_2D, 3, 1), precision);
        readAndCheck(c, decomposition(GRID_2D, 2, 3), precision);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void threeDimensionalCheckpointsReadIntoAnotherLayout(Precision precision) throws Exception {
        Path dir = write(out, "cube", 7, 1.5e-3, decomposition(GRID_3D, 2, 1, 2), precision);
        Checkpoint c = Checkpoint.open(dir);
        readAndCheck(c, decomposition(GRID_3D, 1, 2, 1), precision);
        readAndCheck(c, decomposition(GRID_3D, 1, 1, 1), precision);
        readAndCheck(c, decomposition(GRID_3D, 2, 2, 3), precision);
    }

    @Test
    void theManifestIsReadableAndRankFilesHoldLittleEndianInteriors() throws Exception {
        Decomposition d = decomposition(GRID_2D, 2, 2);
        Path dir = write(out, "diffusion-2d", 3, 0.25, d, Precision.F64);
        String manifest = Files.readString(dir.resolve("manifest.properties"));
        assertThat(manifest).contains("format = stagger-checkpoint\n", "version = 1\n", "project = diffusion-2d\n",
                "model = diffusion\n", "step = 3\n", "time = 0.25\n", "precision = f64\n", "cells = 13,11\n",
                "ranks = 2,2\n", "rank.count = 4\n", "field.1.name = qx\n", "field.1.location = vertex,center\n",
                "rank.3.file = rank_0003.bin\n", "rank.3.offset = 7,6\n", "rank.3.cells = 6,5\n");
        assertThat(manifest).containsPattern("rank\\.3\\.crc32 = [0-9a-f]{8}\n");

        // rank 3's file begins with T at its first interior point, global (7, 6)
        ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("rank_0003.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(head.getDouble(0)).isEqualTo(CheckpointFixtures.value(0, 7, 6, 0));
        assertThat(head.getDouble(8)).isEqualTo(CheckpointFixtures.value(0, 8, 6, 0));
        // T (6x5), qx (7x5), V (7x6) doubles
        assertThat(head.capacity()).isEqualTo((6 * 5 + 7 * 5 + 7 * 6) * 8);
    }

    @Test
    void aFlippedByteFailsTheChecksumOfItsFileOnly() throws Exception {
        Decomposition d = decomposition(GRID_2D, 2, 2);
        Path dir = write(out, "diffusion-2d", 5, 1.0, d, Precision.F64);
        Path victim = dir.resolve("rank_0002.bin");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[17] ^= 0x10;
        Files.write(victim, bytes);

        Checkpoint c = Checkpoint.open(dir);
        assertThatThrownBy(c::verify).isInstanceOf(IOException.class)
                .hasMessageContaining("checkpoint " + dir + " is damaged: rank_0002.bin fails its checksum");
        // rank 2 is the block at x-low, y-high; reading x-low y-low needs only rank 0
        List<Field> lowCorner = blank(d, 0, Precision.F64);
        c.readInto(lowCorner.get(0), d.offset(0));
        assertRestored(lowCorner.get(0), d.offset(0));
        Field whole = blank(decomposition(GRID_2D, 1, 1), 0, Precision.F64).get(0);
        assertThatThrownBy(() -> c.readInto(whole, new int[] {0, 0})).isInstanceOf(IOException.class)
                .hasMessageContaining("rank_0002.bin fails its checksum");
    }

    @Test
    void aTruncatedOrMissingRankFileIsFoundOnOpening() throws Exception {
        Path dir = write(out, "p", 5, 1.0, decomposition(GRID_2D, 2, 2), Precision.F32);
        byte[] bytes = Files.readAllBytes(dir.resolve("rank_0001.bin"));
        Files.write(dir.resolve("rank_0001.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> Checkpoint.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is damaged: rank_0001.bin has " + (bytes.length - 4) + " bytes, the manifest says "
                        + bytes.length);
        Files.delete(dir.resolve("rank_0001.bin"));
        assertThatThrownBy(() -> Checkpoint.open(dir)).hasMessageContaining("is damaged: rank_0001.bin is missing");
    }

    @Test
    void aMissingManifestOrKeyOrAnotherVersionIsNamed() throws Exception {
        Path dir = write(out, "p", 5, 1.0, decomposition(GRID_2D, 2, 2), Precision.F64);
        Path manifest = dir.resolve("manifest.properties");
        String text = Files.readString(manifest);

        Files.writeString(manifest, text.replaceAll("rank\\.1\\.crc32 = .*\n", ""));
        assertThatThrownBy(() -> Checkpoint.open(dir)).isInstanceOf(IOException.class)
                .hasMessage("checkpoint " + dir + " is damaged: manifest.properties has no key rank.1.crc32");

        Files.writeString(manifest, text.replace("cells = 13,11", "cells = 13,x"));
        assertThatThrownBy(() -> Checkpoint.open(dir))
                .hasMessageContaining("manifest.properties, key cells: expected 2 whole numbers, got '13,x'");

        Files.writeString(manifest, text.replace("version = 1", "version = 2"));
        assertThatThrownBy(() -> Checkpoint.open(dir))
                .hasMessageContaining("has format version 2 (manifest.properties, key version); this Stagger reads "
                        + "version 1: it was written by a newer Stagger");

        Files.delete(manifest);
        assertThatThrownBy(() -> Checkpoint.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("checkpoint " + dir + " has no manifest.properties");
        assertThatThrownBy(() -> Checkpoint.open(out.resolve("nowhere")))
                .hasMessageContaining("does not exist or is not a directory");
    }

    @Test
    void aRunOfAnotherPrecisionGridOrFieldIsRefused() throws Exception {
        Decomposition d = decomposition(GRID_2D, 2, 2);
        Checkpoint c = Checkpoint.open(write(out, "p", 5, 1.0, d, Precision.F64));
        Field f32 = blank(d, 0, Precision.F32).get(0);
        assertThatThrownBy(() -> c.readInto(f32, d.offset(0))).isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("it holds f64 values and this run uses f32 (restart with --precision f64)");

        Field other = Field.create("C", d.block(0), Location.all(Location.CENTER, 2), 1, Precision.F64);
        assertThatThrownBy(() -> c.readInto(other)).isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("has no field C (it has T, qx, V)");
        Field moved = Field.create("T", d.block(0), Location.all(Location.VERTEX, 2), 1, Precision.F64);
        assertThatThrownBy(() -> c.readInto(moved)).isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("field T is at [CENTER, CENTER], this run's at [VERTEX, VERTEX]");
        Field bigger = blank(decomposition(Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {14, 11}), 1, 1),
                0, Precision.F64).get(0);
        assertThatThrownBy(() -> c.readInto(bigger)).isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("its grid has 13x11 cells, this run's 14x11");

        c.requireCompatible(GRID_2D, Precision.F64, "diffusion");
        assertThatThrownBy(() -> c.requireCompatible(GRID_3D, Precision.F32, "stokes"))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("it is of model diffusion, the project's model is stokes")
                .hasMessageContaining("its grid has 13x11 cells, the project's 5x4x6")
                .hasMessageContaining("restart with --precision f64");
    }

    @Test
    void unusualNamesSurviveTheManifest() throws Exception {
        String name = " Fluss = Ström #1";
        Path dir = write(out, name, 12, 1e-300, decomposition(GRID_2D, 1, 1), Precision.F32);
        Checkpoint c = Checkpoint.open(dir);
        assertThat(c.projectName()).isEqualTo(name);
        assertThat(c.time()).isEqualTo(1e-300);
        assertThat(Checkpoint.latest(out, name)).contains(dir);
    }

    @Test
    void theManifestCarriesItsOwnChecksumAsItsLastLine() throws Exception {
        Path dir = write(out, "p", 5, 1.0, decomposition(GRID_2D, 2, 2), Precision.F64);
        Path manifest = dir.resolve("manifest.properties");
        String text = Files.readString(manifest);
        assertThat(text).containsPattern("\norigin = -2.0,-1.0\nextent = 4.0,3.0\n")
                .containsPattern("\nmanifest_sha256 = [0-9a-f]{64}\n$");
        assertThat(Checkpoint.open(dir).manifestChecksummed()).isTrue();

        Files.writeString(manifest, text.replace("\nstep = 5\n", "\nstep = 6\n"));
        assertThatThrownBy(() -> Checkpoint.open(dir)).isInstanceOf(IOException.class)
                .hasMessage("checkpoint " + dir + " is damaged: " + manifest + " fails its checksum: its content does"
                        + " not match its manifest_sha256 (it was changed or damaged after it was written; a checkpoint"
                        + " cannot be edited by hand)");
        Files.writeString(manifest, text.replace("\nmodel = diffusion\n", "\nmodel = diffusioN\n"));
        assertThatThrownBy(() -> Checkpoint.open(dir)).hasMessageContaining("fails its checksum");
        Files.writeString(manifest, text + "step = 7\n");
        assertThatThrownBy(() -> Checkpoint.open(dir))
                .hasMessageContaining("has text after its manifest_sha256 line, which must be the last");

        // an older Stagger's checkpoint: no checksum, no origin or extent; read, and said so
        Files.writeString(manifest, text.replaceAll("(manifest_sha256|origin|extent) = .*\n", ""));
        Checkpoint old = Checkpoint.open(dir);
        assertThat(old.manifestChecksummed()).isFalse();
        old.requireCompatible(Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {13, 11}), Precision.F64,
                "diffusion");
    }

    @Test
    void aRunOfAnotherOriginExtentOrFieldsIsRefusedBeforeItStarts() throws Exception {
        Checkpoint c = Checkpoint.open(write(out, "p", 5, 1.0, decomposition(GRID_2D, 2, 2), Precision.F64));
        List<Checkpoint.FieldInfo> saved = c.fields();
        c.requireCompatible(GRID_2D, Precision.F64, "diffusion", saved);
        Grid moved = Grid.of(new double[] {-2, 0}, new double[] {4, 3.5}, new int[] {13, 11});
        List<Checkpoint.FieldInfo> other = List.of(new Checkpoint.FieldInfo("C", saved.get(0).location()),
                new Checkpoint.FieldInfo("T", List.of(Location.VERTEX, Location.VERTEX)));
        assertThatThrownBy(() -> c.requireCompatible(moved, Precision.F64, "diffusion", other))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("its grid's origin is [-2.0, -1.0], the project's [-2.0, 0.0]")
                .hasMessageContaining("its grid's extent is [4.0, 3.0], the project's [4.0, 3.5]")
                .hasMessageContaining("it has no field C (it has T, qx, V)")
                .hasMessageContaining("its field T is at [CENTER, CENTER], the project's at [VERTEX, VERTEX]");
    }
}
