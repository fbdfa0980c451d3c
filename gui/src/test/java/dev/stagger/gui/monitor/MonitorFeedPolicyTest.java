package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.FramePipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.monitor.feed.LiveFeed;
import dev.stagger.gui.monitor.state.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How hard the feed pulls on a run, on a fake clock: ten simulated seconds of rounds 100 ms apart
 * (what a loop that ignored the policy would do), counting the requests the run sees.
 */
class MonitorFeedPolicyTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private static final long TICK_NANOS = 100_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private LiveFeed feed(FakeLiveClient run, FeedPolicy policy) {
        return new LiveFeed(run, policy, SAME_THREAD, new FramePipeline(), new Notifications(), () -> {},
                clock::get);
    }

    /** Calls the feed every 100 ms for 10 s; the run makes a step per call, so every preview is new. */
    private void tenSeconds(FakeLiveClient run, LiveFeed feed) throws Exception {
        for (int k = 0; k < 100; k++) {
            feed.pollOnce();
            run.advance();
            clock.addAndGet(TICK_NANOS);
        }
    }

    @Test
    void throughATunnelStatusAndEventsOnceASecondAndSmallPreviewsAtMostTwiceASecond() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 1000, 1000);
        LiveFeed feed = feed(run, FeedPolicy.SLOW_LINK);

        tenSeconds(run, feed);

        assertThat(run.statusCalls).hasValue(10);
        assertThat(run.eventCalls).hasValue(10);
        assertThat(run.previewRequests).as("one per half second").hasSize(20)
                .allSatisfy(r -> assertThat(r.maxWidth()).isEqualTo(256))
                .allSatisfy(r -> assertThat(r.maxHeight()).isEqualTo(256));
    }

    @Test
    void throughATunnelAPausedRunIsPreviewedOnce() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.PAUSED, 2, 1000, 1000);
        LiveFeed feed = feed(run, FeedPolicy.SLOW_LINK);
        for (int k = 0; k < 30; k++) {
            feed.pollOnce();
            clock.addAndGet(TICK_NANOS);
        }
        assertThat(run.statusCalls).hasValue(3);
        assertThat(run.previewRequests).as("nothing new to see between rounds or at them").hasSize(1);
    }

    @Test
    void aLocalRunIsReadEveryRoundWithLargePreviews() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 1000, 1000);
        LiveFeed feed = feed(run, FeedPolicy.LOCAL);

        tenSeconds(run, feed);

        assertThat(run.statusCalls).hasValue(100);
        assertThat(run.previewRequests).hasSize(50)
                .allSatisfy(r -> assertThat(r.maxWidth()).isEqualTo(512));
        assertThat(feed.millisUntilDue()).as("the events long poll paces a local loop").isZero();
    }

    @Test
    void aSlowPreviewSpacesTheNextOneAtLeastAsLongAsItTook() throws Exception {
        List<Long> starts = new ArrayList<>();
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 1000, 1000) {
            @Override
            public dev.stagger.engine.live.Preview preview(PreviewRequest request, long timeoutMillis)
                    throws java.io.IOException {
                starts.add(clock.get());
                clock.addAndGet(800_000_000L); // 256² floats through a congested tunnel
                return super.preview(request, timeoutMillis);
            }
        };
        LiveFeed feed = feed(run, FeedPolicy.SLOW_LINK);

        tenSeconds(run, feed);

        assertThat(starts).hasSizeGreaterThan(2);
        for (int n = 1; n < starts.size(); n++) {
            assertThat(starts.get(n) - starts.get(n - 1)).as("start of preview " + n + " after the last")
                    .isGreaterThanOrEqualTo(1_600_000_000L);
        }
    }

    @Test
    void betweenRoundsTheLoopSleepsUntilThePreviewOrTheNextRoundIsDue() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 1000, 1000);
        LiveFeed feed = feed(run, FeedPolicy.SLOW_LINK);
        feed.pollOnce();
        assertThat(feed.millisUntilDue()).as("the next preview").isEqualTo(500);

        feed.visibilityChanged(false);
        assertThat(feed.millisUntilDue()).as("hidden: only the next round").isEqualTo(1_000);
        clock.addAndGet(300_000_000L);
        assertThat(feed.millisUntilDue()).isEqualTo(700);
        assertThat(feed.pollOnce()).isTrue();
        assertThat(run.statusCalls).as("no round before its second is up").hasValue(1);
    }
}
