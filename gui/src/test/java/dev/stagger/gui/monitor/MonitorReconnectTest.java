package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.monitor.feed.LiveFeed;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dropped tunnel, without the toolkit: the real poll loop on its own thread, pulse() by hand. */
class MonitorReconnectTest {
    private final ExecutorService background = MonitorViewModel.newBackgroundExecutor();
    private MonitorViewModel vm;

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.stop();
        }
        background.shutdownNow();
    }

    @Test
    void aDroppedConnectionSaysTheRunGoesOnAndTheNewClientIsFollowed() throws Exception {
        FakeLiveClient dropped = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        dropped.failure = new IOException("channel closed by the SSH server");
        vm = new MonitorViewModel(dropped, null, "remote-run", FeedPolicy.SLOW_LINK, background);
        vm.start();

        await(() -> vm.notificationProperty().get().startsWith(LiveFeed.CONNECTION_LOST));
        assertThat(vm.notificationProperty().get())
                .isEqualTo("connection lost, the run goes on; reconnecting (channel closed by the SSH server)");
        assertThat(vm.isPolling()).as("still trying").isTrue();
        assertThat(vm.stateProperty().get()).as("no end is made up").isEqualTo(RunState.STARTING);

        FakeLiveClient reconnected = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        vm.switchClient(reconnected);

        await(() -> "step 10 / 100".equals(vm.stepTextProperty().get()));
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(vm.notificationProperty().get()).isEqualTo(LiveFeed.CONNECTION_BACK);
        assertThat(reconnected.statusCalls.get()).isPositive();
        int droppedReads = dropped.statusCalls.get() + dropped.eventCalls.get();
        Thread.sleep(1_200); // past a retry pause: the dead client is not tried again
        assertThat(dropped.statusCalls.get() + dropped.eventCalls.get()).isEqualTo(droppedReads);
    }

    @Test
    void aRunKnownToBeOverEndsTheLoopInsteadOfReconnecting() throws Exception {
        FakeLiveClient dropped = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        dropped.failure = new IOException("connection refused");
        vm = new MonitorViewModel(dropped, null, "remote-run", FeedPolicy.SLOW_LINK, background);
        vm.runEnded(RunState.FINISHED);
        vm.start();

        await(() -> !vm.isPolling());
        vm.pulse();
        assertThat(vm.notificationProperty().get()).doesNotContain("reconnecting");
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
    }

    /** Pulses, as the view would, until {@code condition} holds; fails after ten seconds. */
    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            vm.pulse();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out; notification: " + vm.notificationProperty().get());
    }
}
