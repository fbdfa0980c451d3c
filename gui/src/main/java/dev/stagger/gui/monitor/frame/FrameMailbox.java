package dev.stagger.gui.monitor.frame;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A latest-value mailbox: producers {@link #offer} frames from any thread, the FX pulse
 * {@link #take}s the newest. A frame not taken before the next arrives is dropped, never queued;
 * the slot being non-empty is the dirty flag.
 */
public final class FrameMailbox {
    private final AtomicReference<Frame> slot = new AtomicReference<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public void offer(Frame frame) {
        offered.incrementAndGet();
        if (slot.getAndSet(frame) != null) {
            dropped.incrementAndGet();
        }
    }

    /** The newest frame since the last take, or null when nothing new came. */
    public Frame take() {
        return slot.getAndSet(null);
    }

    public boolean isDirty() {
        return slot.get() != null;
    }

    public long offered() {
        return offered.get();
    }

    /** Frames replaced by a newer one before anyone took them. */
    public long dropped() {
        return dropped.get();
    }
}
