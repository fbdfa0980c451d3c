package dev.stagger.engine.distributed.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gather and reductions over Open MPI itself, 4 ranks under mpirun. */
class MpiCollectivesIT {
    @TempDir
    Path tmp;

    @Test
    void chmysGatherReferenceAndReductionsUnderMpirun() throws Exception {
        List<String> command = new ArrayList<>(List.of("mpirun", "-np", "4", "--oversubscribe", "--bind-to", "none"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-run-as-root");
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "--add-modules", "jdk.incubator.vector",
                MpiGatherCheck.class.getName()));
        Path out = tmp.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("ranks 4\n")
                .contains("row 1 3 5 101 103 105\n")
                .contains("row 2 4 6 102 104 106\n")
                .contains("row 201 203 205 301 303 305\n")
                .contains("row 202 204 206 302 304 306\n")
                .contains("max 3 0\n")
                .contains("sum 10 min 1\n");
    }
}
