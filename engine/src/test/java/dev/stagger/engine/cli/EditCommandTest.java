package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagger edit PROJECT --set KEY=VALUE}: values change in place, or nothing is written. */
class EditCommandTest {
    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private static Result stagger(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private Path readmeExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        Path file = Files.writeString(tmp.resolve("commented.yaml"), readme.substring(start, readme.indexOf("```", start)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        return file;
    }

    @Test
    void changesOnlyTheValuesGivenKeepingCommentsAndPermissions() throws Exception {
        Path file = readmeExample();
        String before = Files.readString(file);
        Result r = stagger("edit", file.toString(), "--set", "parameters.chi=0.25", "--set", "run.threads=2");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("changed parameters.chi, run.threads");
        assertThat(Files.readString(file)).isEqualTo(before.replace("chi: 1.0 ", "chi: 0.25")
                .replace("threads: auto   ", "threads: 2      "));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
        // and what it wrote is a project the engine runs as it is
        assertThat(stagger("validate", file.toString()).exit()).isZero();
    }

    @Test
    void refusesAnInvalidResultWithLineAndColumnAndWritesNothing() throws Exception {
        Path file = readmeExample();
        byte[] before = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Result r = stagger("edit", file.toString(), "--set", "grid.cells=[128, 0]", "--set", "run.dt=1");
        assertThat(r.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(r.err()).containsPattern("grid\\.cells=\\[128, 0\\]'?:1:\\d+: grid\\.cells\\[1\\]: ")
                .contains("commented.yaml").contains("nothing was written").doesNotContain("Exception");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("commented.yaml");
        }
        Result unknown = stagger("edit", file.toString(), "--set", "grid.cels=[4, 4]");
        assertThat(unknown.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(unknown.err()).contains("unknown key 'cels'").contains("did you mean");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesAFileItCannotEditInPlace() throws Exception {
        Path file = Files.writeString(tmp.resolve("aliased.yaml"), Files.readString(Path.of("..", "sample-projects",
                "diffusion-2d.yaml")).replace("origin: [-2, -2]", "origin: &o [2, 2]").replace("extent: [4, 4]",
                        "extent: *o"));
        assertThat(stagger("validate", file.toString()).exit()).isZero();
        byte[] before = Files.readAllBytes(file);
        Result r = stagger("edit", file.toString(), "--set", "run.steps=5");
        assertThat(r.err()).contains("aliased.yaml:").contains("anchors and aliases");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void helpAndMissingArgumentsSayWhatToWrite() {
        Result help = stagger("edit", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--set=KEY=VALUE").contains("keeping its comments");
        Result none = stagger("edit", "missing.yaml", "--set", "run.steps=5");
        assertThat(none.exit()).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(none.err()).isEqualTo("stagger: missing.yaml: no such project file" + System.lineSeparator());
        assertThat(stagger("edit", "x.yaml").err()).contains("Missing required option: '--set=KEY=VALUE'");
    }
}
