package dev.stagger.gui.monitor;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A run that answers from canned status, events and previews: for view-model unit tests only. */
class FakeLiveClient implements LiveClient {
    volatile Status status;
    final List<Event> events = new ArrayList<>();
    final List<PreviewRequest> previewRequests = new ArrayList<>();
    final List<Command> commands = new ArrayList<>();
    long step = 10;
    final AtomicInteger statusCalls = new AtomicInteger();
    final AtomicInteger eventCalls = new AtomicInteger();
    /** When set, every read fails with it: a dropped tunnel. */
    volatile IOException failure;

    FakeLiveClient(RunState state, int dims, int... cells) {
        status = new Status("fake", "Fake run", "diffusion", state, step, 100, 0.1, 1, 2, 3.5e6, 2,
                List.of("rank 0 on here", "rank 1 on here"), List.of("C", "T"), dims, cells);
    }

    /** The run makes a step: its status and its next preview say so. */
    void advance() {
        step++;
        Status s = status;
        status = new Status(s.runName(), s.title(), s.model(), s.state(), step, s.totalSteps(), s.time(), s.endTime(),
                s.wallSeconds(), s.cellUpdatesPerSecond(), s.rankCount(), s.ranks(), s.fields(), s.dims(), s.cells());
    }

    void add(Event.Kind kind, Map<String, Double> values, String text) {
        events.add(new Event(events.size() + 1, kind, 1000L * events.size(), values, 0, "info", text));
    }

    @Override
    public Status status() throws IOException {
        statusCalls.incrementAndGet();
        failIfDropped();
        return status;
    }

    @Override
    public List<Event> events(long after, int max, long waitMillis) throws IOException {
        eventCalls.incrementAndGet();
        failIfDropped();
        return events.stream().filter(e -> e.sequence() > after).limit(max).toList();
    }

    @Override
    public Preview preview(PreviewRequest request, long timeoutMillis) throws IOException {
        failIfDropped();
        previewRequests.add(request);
        if (status.dims() == 1) {
            return Previews.ramp(request.field(), step, 8, 1);
        }
        return Previews.ramp(request.field(), step, 4, 3);
    }

    @Override
    public String control(Command command, long timeoutMillis) {
        commands.add(command);
        return command.name().toLowerCase() + "d at step " + step;
    }

    @Override
    public void close() {}

    private void failIfDropped() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
