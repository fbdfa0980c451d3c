package dev.stagger.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedded runs: the same client interface in process, no socket. */
class InProcessClientTest {

    @Test
    void theInProcessClientDoesWhatTheSocketClientDoes() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[60, 40]", 100_000_000)) {
            LiveClient client = run.live.client();
            assertThat(client.control(Command.PAUSE, 30_000)).startsWith("paused at step");
            Preview p = client.preview(PreviewRequest.of("C", 30, 20), 30_000);
            assertThat(p.nx()).isEqualTo(30);
            assertThat(p.ny()).isEqualTo(20);
            assertThat(client.status().state()).isEqualTo(RunState.PAUSED);
            assertThatThrownBy(() -> client.preview(PreviewRequest.of("T", 8, 8), 30_000))
                    .isInstanceOf(IOException.class).hasMessageContaining("no field 'T'");
            List<Event> events = client.events(0, 1000, 1_000);
            assertThat(events).anyMatch(e -> e.kind() == Event.Kind.LOG && e.text().startsWith("rank 0 on"));
            assertThat(client.control(Command.RESUME, 30_000)).startsWith("resumed");
            // progress is reported from the first step on, not only at the end
            assertThat(firstProgress(client)).isNotNull();
            assertThat(client.control(Command.STOP, 30_000)).startsWith("stopping");
            run.awaitEnd();
            assertThat(client.status().state()).isEqualTo(RunState.STOPPED);
            assertThat(client.control(Command.RESUME, 1_000)).contains("already ended");
        }
    }

    /** Waits (long-polling the events, up to 30 s) for the run's first progress event. */
    private static Event firstProgress(LiveClient client) throws IOException {
        long after = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Event e : client.events(after, 1000, 1_000)) {
                if (e.kind() == Event.Kind.PROGRESS) {
                    return e;
                }
                after = e.sequence();
            }
        }
        return null;
    }
}
