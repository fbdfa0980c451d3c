package dev.stagger.engine.distributed.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.output.VtiFile;
import dev.stagger.engine.output.VtiReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalogue's models written as equations, run as a user would under real mpirun
 * ({@code ./stagger run --ranks 4}): the 2x2 layout with uneven blocks gives, in its parallel VTK
 * output, bit for bit the fields of the single-rank run (cell data; all-vertex fields such as τxy
 * are point data, joined differently, and left out here).
 */
class MpiLangModelsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    private Result stagger(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        boolean done = p.waitFor(Duration.ofSeconds(240).toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(done).as("finished in time: %s", Files.readString(err)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The final values of a field: one .vti, or the pieces of a .pvti joined. */
    private static double[] finalField(Path dir, String name, long steps, String field, int nx, int ny)
            throws IOException {
        String step = String.format("%06d", steps);
        Path single = dir.resolve(name + "_" + step + ".vti");
        if (Files.exists(single)) {
            return VtiReader.read(single).values(field);
        }
        String pvti = Files.readString(dir.resolve(name + "_" + step + ".pvti"));
        double[] joined = new double[nx * ny];
        Matcher m = Pattern.compile("Source=\"([^\"]+)\"").matcher(pvti);
        int pieces = 0;
        while (m.find()) {
            VtiFile piece = VtiReader.read(dir.resolve(m.group(1)));
            int[] e = piece.extent();
            double[] v = piece.values(field);
            int n = 0;
            for (int j = e[2]; j < e[3]; j++) {
                for (int i = e[0]; i < e[1]; i++) {
                    joined[i + nx * j] = v[n++];
                }
            }
            pieces++;
        }
        assertThat(pieces).isEqualTo(4);
        return joined;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "waves-2d; 61; 50; 30; P Vx Vy",
        "stokes-2d; 23; 23; 2; Pr Vx Vy T divV",
        "sia-2d; 37; 37; 12; H qx qy"})
    void fourRanksGiveTheFieldsOfOne(String sample, int nx, int ny, long steps, String fields) throws Exception {
        Path project = ROOT.resolve("sample-projects").resolve(sample + ".yaml");
        List<String> common = List.of("run", project.toString(), "-q", "--threads", "1", "--steps", Long.toString(steps),
                "--set", "grid.cells=[" + nx + ", " + ny + "]", "--set", "output.every=0");
        List<String> single = new ArrayList<>(common);
        single.addAll(List.of("--out", tmp.resolve("one").toString()));
        Result one = stagger(single.toArray(String[]::new));
        assertThat(one.exit()).as(one.err()).isZero();
        List<String> ranked = new ArrayList<>(common);
        ranked.addAll(List.of("--out", tmp.resolve("four").toString(), "--ranks", "4", "--set", "grid.ranks=[2, 2]"));
        Result four = stagger(ranked.toArray(String[]::new));
        assertThat(four.exit()).as(four.err()).isZero();
        for (String field : fields.split(" ")) {
            assertThat(finalField(tmp.resolve("four"), sample, steps, field, nx, ny)).as(field)
                    .isEqualTo(finalField(tmp.resolve("one"), sample, steps, field, nx, ny));
        }
    }
}
