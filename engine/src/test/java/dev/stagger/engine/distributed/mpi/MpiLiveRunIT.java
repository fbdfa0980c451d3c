package dev.stagger.engine.distributed.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.checkpoint.Checkpoint;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.live.SocketLiveClient;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.output.VtiReader;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-rank run under real mpirun, watched as a user would from other processes: status, previews,
 * pause/resume, checkpoint, stop, wrong tokens, dead clients, reconnects; and restart bit-for-bit.
 */
class MpiLiveRunIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Path project(String cells, long steps) throws IOException {
        Path file = tmp.resolve("live.yaml");
        Files.writeString(file, "format: 1\ntitle: live\ngrid:\n  origin: [-2, -1]\n  extent: [4, 2]\n  cells: " + cells
                + "\nmodel:\n  name: diffusion\nfields:\n  C:\n    initial: exp(-x^2 - 3*y^2) + 0.2*x\n"
                + "    boundary:\n      x-low: {type: dirichlet, value: \"sin(y)\"}\nrun:\n  steps: " + steps + "\n"
                + "output:\n  every: 0\n");
        return file;
    }

    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    private static RunEndpoint awaitEndpoint(Path out, Process p, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.exists(out.resolve(RunEndpoint.FILE_NAME))) {
            assertThat(p.isAlive()).as("run alive: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            assertThat(Instant.now()).as("endpoint file appears").isBefore(deadline);
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return RunEndpoint.read(out);
    }

    @Test
    void watchAndSteerAFourRankRunFromOutside() throws Exception {
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("run.log");
        Process run = start(log, "run", project("[96, 80]", 100_000_000).toString(), "--out", out.toString(), "--ranks",
                "4", "--threads", "1", "-q");
        try {
            RunEndpoint endpoint = awaitEndpoint(out, run, log);
            assertThat(Files.getPosixFilePermissions(out.resolve(RunEndpoint.FILE_NAME))).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThatThrownBy(() -> SocketLiveClient.connect(endpoint.host(), endpoint.port(), "f".repeat(64), "x"))
                    .hasMessageContaining("wrong token");
            try (SocketLiveClient a = endpoint.connect("a"); SocketLiveClient b = endpoint.connect("b")) {
                Status status = a.status();
                // the endpoint appears while the run is STARTING; its ranks describe themselves as it starts
                Instant running = Instant.now().plusSeconds(60);
                while (status.state() == RunState.STARTING) {
                    assertThat(Instant.now()).as("the run starts").isBefore(running);
                    a.events(0, 1, 200);
                    status = a.status();
                }
                assertThat(status.rankCount()).isEqualTo(4);
                assertThat(status.ranks()).hasSize(4).allMatch(line -> line.contains("cells"));

                // a client that dies in the middle of asking costs the run nothing
                try (Socket dying = new Socket(endpoint.host(), endpoint.port())) {
                    dying.getOutputStream().write("STAGGER-LIVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }

                assertThat(a.control(Command.PAUSE, 60_000)).startsWith("paused at step");
                String checkpoint = b.control(Command.CHECKPOINT, 60_000);
                assertThat(checkpoint).startsWith("checkpoint written at step");
                Preview full = a.preview(PreviewRequest.of("C", 4096, 4096), 60_000);
                Preview small = b.preview(PreviewRequest.of("C", 24, 20), 60_000);
                assertThat(full.step()).isEqualTo(small.step());
                assertThat(small.nx()).isEqualTo(24);

                // full resolution: one point per bin, so the preview is the gathered field itself;
                // the checkpoint written at the same (paused) step holds that field
                Checkpoint ckpt = Checkpoint.open(Path.of(checkpoint.substring(checkpoint.indexOf(": ") + 2)));
                assertThat(ckpt.step()).isEqualTo(full.step());
                Grid grid = Grid.of(new double[] {-2, -1}, new double[] {4, 2}, new int[] {96, 80});
                DoubleField global = new DoubleField("C", grid, Location.all(Location.CENTER, 2), 1);
                ckpt.readInto(global, new int[] {0, 0});
                double[] values = global.interiorValues();
                assertThat(full.nx() * full.ny()).isEqualTo(values.length);
                for (int n = 0; n < values.length; n++) {
                    assertThat(full.values()[n]).isEqualTo((float) values[n]);
                }

                Path png = tmp.resolve("c.png");
                Process preview = new ProcessBuilder(ROOT.resolve("stagger").toString(), "preview", out.toString(),
                        "--png", png.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("p.log").toFile())
                        .start();
                assertThat(preview.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(preview.exitValue()).as(Files.readString(tmp.resolve("p.log"))).isZero();
                assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);

                long pausedAt = a.status().step();
                assertThat(a.control(Command.RESUME, 60_000)).startsWith("resumed");
                long last = 0;
                while (a.status().step() < pausedAt + 50) {
                    List<Event> events = a.events(last, 100, 1_000);
                    last = events.isEmpty() ? last : events.get(events.size() - 1).sequence();
                }
                assertThat(b.control(Command.STOP, 60_000)).startsWith("stopping at step");
            }
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("Stopped after").contains("4 ranks x 1");
            assertThat(RunStateFile.read(out).state()).isEqualTo(RunState.STOPPED);
            assertThatThrownBy(() -> RunEndpoint.read(out).connect("late")).hasMessageContaining("not answering");
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    void aRestartContinuesBitForBitOnTheSameAndOnAnotherRankCount() throws Exception {
        Path project = project("[70, 50]", 40);
        Path straight = tmp.resolve("straight");
        Path log = tmp.resolve("a.log");
        Process a = start(log, "run", project.toString(), "--out", straight.toString(), "--ranks", "4", "--threads", "1",
                "--checkpoint-every", "20", "-q");
        assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(Files.readString(log)).isZero();
        Path checkpoint = straight.resolve("live_ckpt_000020");
        assertThat(checkpoint.resolve("manifest.properties")).exists();
        double[] expected = joined(straight, 40);
        for (String ranks : new String[] {"4", "2"}) {
            Path resumed = tmp.resolve("resumed-" + ranks);
            Process b = start(tmp.resolve("b.log"), "run", project.toString(), "--out", resumed.toString(), "--ranks",
                    ranks, "--threads", "1", "--restart", checkpoint.toString(), "-q");
            assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(b.exitValue()).as(Files.readString(tmp.resolve("b.log"))).isZero();
            assertThat(Files.readString(tmp.resolve("b.log"))).contains("continuing from").contains("Done: 40 steps");
            assertThat(joined(resumed, 40)).as("restarted on %s ranks", ranks).isEqualTo(expected);
        }
    }

    /** The field of a run's .pvti pieces at {@code step}, joined (70 x 50 cells). */
    private static double[] joined(Path dir, int step) throws IOException {
        double[] all = new double[70 * 50];
        String pvti = Files.readString(dir.resolve(String.format("live_%06d.pvti", step)));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Source=\"([^\"]+)\"").matcher(pvti);
        while (m.find()) {
            var piece = VtiReader.read(dir.resolve(m.group(1)));
            int[] e = piece.extent();
            double[] v = piece.values("C");
            int n = 0;
            for (int j = e[2]; j < e[3]; j++) {
                for (int i = e[0]; i < e[1]; i++) {
                    all[i + 70 * j] = v[n++];
                }
            }
        }
        return all;
    }
}
