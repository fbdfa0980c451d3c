package dev.stagger.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.run.RunSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rank 0's server and the socket client, over a run on four in-process ranks. */
class LiveServerTest {

    @Test
    void aWrongTokenIsRefusedWithAReason() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000)) {
            assertThatThrownBy(() -> SocketLiveClient.connect("127.0.0.1", run.server.port(), "0".repeat(64), "intruder"))
                    .isInstanceOf(LiveRefusedException.class)
                    .hasMessage("the run refused the connection: wrong token: this run's token is in its endpoint file");
            try (SocketLiveClient c = run.client()) {
                c.control(Command.STOP, 30_000);
            }
            run.awaitEnd();
        }
    }

    @Test
    void aVersionMismatchIsAClearMessageNotAHang() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000)) {
            assertThatThrownBy(() -> SocketLiveClient.connect("127.0.0.1", run.server.port(), run.token, "future", 7, 9))
                    .isInstanceOf(LiveRefusedException.class).hasMessageContaining("protocol mismatch")
                    .hasMessageContaining("7..9");
            try (SocketLiveClient c = run.client()) {
                c.control(Command.STOP, 30_000);
            }
            run.awaitEnd();
        }
    }

    @Test
    void aPreviewIsTheGatheredFieldBlockAveraged() throws Exception {
        try (LiveHarness run = new LiveHarness(4, "[101, 83]", 100_000_000); SocketLiveClient client = run.client()) {
            assertThat(client.control(Command.PAUSE, 30_000)).startsWith("paused at step");
            Preview p = client.preview(new PreviewRequest("C", 30, 20, -1, 0), 30_000);
            // paused: the fields stand still; assemble them here and average 4x4-ish blocks as specified
            Decomposition d = run.simulations.get(0).decomposition();
            Grid g = d.global();
            double[] global = new double[101 * 83];
            for (int r = 0; r < 4; r++) {
                Field f = run.simulations.get(r).solver().field("C");
                int[] off = d.offset(r);
                for (int j = 1; j <= f.count(1); j++) {
                    for (int i = 1; i <= f.count(0); i++) {
                        global[(off[0] + i - 1) + 101 * (off[1] + j - 1)] = f.at(i, j);
                    }
                }
            }
            double[] sum = new double[30 * 20];
            int[] count = new int[30 * 20];
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int j = 0; j < 83; j++) {
                for (int i = 0; i < 101; i++) {
                    int bin = i * 30 / 101 + 30 * (j * 20 / 83);
                    sum[bin] += global[i + 101 * j];
                    count[bin]++;
                    min = Math.min(min, global[i + 101 * j]);
                    max = Math.max(max, global[i + 101 * j]);
                }
            }
            assertThat(p.nx()).isEqualTo(30);
            assertThat(p.ny()).isEqualTo(20);
            assertThat(p.min()).isEqualTo(min);
            assertThat(p.max()).isEqualTo(max);
            for (int b = 0; b < sum.length; b++) {
                float expected = (float) (sum[b] / count[b]);
                assertThat(p.values()[b]).isCloseTo(expected, org.assertj.core.api.Assertions.within(Math.ulp(expected)));
            }
            assertThat(p.x()[0]).isCloseTo((g.coordinate(dev.stagger.engine.grid.Location.CENTER, 0, 1)
                    + g.coordinate(dev.stagger.engine.grid.Location.CENTER, 0, 4)) / 2, org.assertj.core.api.Assertions.within(1e-12));
            client.control(Command.STOP, 30_000);
            RunSummary summary = run.awaitEnd();
            assertThat(summary.stoppedEarly()).isTrue();
        }
    }

    @Test
    void twoClientsPauseResumeAndBothSeeTheRunEnd() throws Exception {
        try (LiveHarness run = new LiveHarness(4, "[64, 48]", 100_000_000);
                SocketLiveClient a = run.client(); SocketLiveClient b = run.client()) {
            assertThat(a.control(Command.PAUSE, 30_000)).startsWith("paused at step");
            long pausedAt = b.status().step();
            assertThat(b.status().state()).isEqualTo(RunState.PAUSED);
            assertThat(b.preview(PreviewRequest.of("C", 16, 16), 30_000).step()).isEqualTo(pausedAt);
            assertThat(b.status().step()).isEqualTo(pausedAt);
            assertThat(b.control(Command.RESUME, 30_000)).startsWith("resumed at step " + pausedAt);
            long seen = a.status().step();
            List<Event> later = a.events(0, 10_000, 100);
            while (a.status().step() <= seen) {
                a.events(later.isEmpty() ? 0 : later.get(later.size() - 1).sequence(), 1, 200);
            }
            assertThat(a.control(Command.STOP, 30_000)).startsWith("stopping at step");
            run.awaitEnd();
            assertThat(ended(a)).isTrue();
            assertThat(ended(b)).isTrue();
        }
    }

    private static boolean ended(SocketLiveClient c) throws IOException {
        long after = 0;
        while (true) {
            List<Event> events = c.events(after, 1000, 2_000);
            if (events.isEmpty()) {
                return false;
            }
            for (Event e : events) {
                after = e.sequence();
                if (e.kind() == Event.Kind.STATE && e.text().startsWith("stopped")) {
                    return true;
                }
            }
        }
    }

    @Test
    void aReconnectingClientResumesWithoutGapsOrDuplicates() throws Exception {
        try (LiveHarness run = new LiveHarness(2, "[64, 48]", 100_000_000)) {
            List<Long> sequences = new ArrayList<>();
            long last = 0;
            for (int connection = 0; connection < 4; connection++) {
                try (SocketLiveClient c = run.client()) {
                    for (int poll = 0; poll < 3; poll++) {
                        for (Event e : c.events(last, 50, 2_000)) {
                            sequences.add(e.sequence());
                            last = e.sequence();
                        }
                    }
                }
            }
            try (SocketLiveClient c = run.client()) {
                c.control(Command.STOP, 30_000);
            }
            run.awaitEnd();
            assertThat(sequences).isNotEmpty();
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(sequences.get(0) + i);
            }
        }
    }

    @Test
    void aClientKilledMidRequestDoesNotStallTheRun() throws Exception {
        try (LiveHarness run = new LiveHarness(2, "[400, 300]", 100_000_000)) {
            for (int k = 0; k < 5; k++) {
                try (Socket raw = new Socket("127.0.0.1", run.server.port())) {
                    OutputStream out = raw.getOutputStream();
                    out.write(Wire.MAGIC);
                    java.io.DataOutputStream data = new java.io.DataOutputStream(out);
                    Wire.send(data, Wire.HELLO, o -> {
                        o.writeInt(1);
                        o.writeInt(1);
                        Wire.writeString(o, run.token);
                        Wire.writeString(o, "dies");
                    });
                    Wire.receive(new java.io.DataInputStream(raw.getInputStream()));
                    Wire.send(data, Wire.PREVIEW, o -> {
                        Wire.writeRequest(o, PreviewRequest.of("C", 400, 300));
                        o.writeLong(30_000);
                    });
                    raw.setSoLinger(true, 0);
                }
            }
            // garbage from something that is not a client changes nothing either
            try (Socket raw = new Socket("127.0.0.1", run.server.port())) {
                raw.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            try (SocketLiveClient c = run.client()) {
                long before = c.status().step();
                long after = before;
                for (int poll = 0; poll < 100 && after < before + 20; poll++) {
                    c.events(Long.MAX_VALUE - 1, 1, 50);
                    after = c.status().step();
                }
                assertThat(after).isGreaterThanOrEqualTo(before + 20);
                c.control(Command.STOP, 30_000);
            }
            run.awaitEnd();
        }
    }
}
