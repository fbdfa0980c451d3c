package dev.stagger.gui.monitor.feed;

/**
 * How hard the monitor pulls on a run: how often it reads status and events, how often and how
 * large it asks for previews.
 *
 * @param statusIntervalMillis least time between two rounds of events and status; 0: a round as
 *     soon as the last ends (the events long poll paces the loop)
 * @param previewIntervalMillis least time between two previews
 * @param previewResolution values per side asked for in a preview
 * @param adaptToPreviewTime wait after a preview at least as long as it took, so that previews
 *     never take more than half of a slow link
 */
public record FeedPolicy(long statusIntervalMillis, long previewIntervalMillis, int previewResolution,
        boolean adaptToPreviewTime) {

    /** A run on this computer: the loopback costs nothing, so previews as fast as the eye wants them. */
    public static final FeedPolicy LOCAL = new FeedPolicy(0, 200, 512, false);

    /**
     * A run reached through an SSH tunnel. The direct-tcpip window is 128 KiB, about 1.3 MB/s at
     * 100 ms round trip; a 512² float32 preview is 1 MiB, a 256² one 256 KiB. So previews of 256²
     * at most twice a second (slower when the last took longer), and status and events once a
     * second, which leaves the link room for the controls.
     */
    public static final FeedPolicy SLOW_LINK = new FeedPolicy(1_000, 500, 256, true);

    /** The policy for a run that lives elsewhere ({@code remote}: a cluster job) or here. */
    public static FeedPolicy forRun(boolean remote) {
        return remote ? SLOW_LINK : LOCAL;
    }
}
