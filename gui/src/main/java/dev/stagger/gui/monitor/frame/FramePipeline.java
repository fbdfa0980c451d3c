package dev.stagger.gui.monitor.frame;

import dev.stagger.engine.live.Preview;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * From preview to frame, shared by the live feed and the output browser: the current
 * {@link FrameSettings}, the newest preview, and the {@link FrameMailbox} the pulse takes frames
 * from. Previews are colour-mapped on the thread that calls {@link #show} or {@link #rerender}'s
 * executor, never on the FX thread.
 */
public final class FramePipeline {
    private final AtomicReference<FrameSettings> settings = new AtomicReference<>(FrameSettings.initial());
    private final FrameMailbox mailbox = new FrameMailbox();
    private volatile Preview latest;

    public FrameSettings settings() {
        return settings.get();
    }

    public FrameSettings update(UnaryOperator<FrameSettings> change) {
        return settings.updateAndGet(change);
    }

    /** Replaces {@code expected} only if nobody changed it meanwhile: defaults never override a choice. */
    public boolean compareAndSet(FrameSettings expected, FrameSettings next) {
        return settings.compareAndSet(expected, next);
    }

    /** The newest preview, kept to re-colour it when the map or range changes. */
    public Preview latest() {
        return latest;
    }

    /** Keeps {@code p} as the newest and colour-maps it into the mailbox. */
    public void show(Preview p) {
        latest = p;
        render(p);
    }

    /** No preview any more, and no frame waiting: a picture that does not belong must not stay. */
    public void clear() {
        latest = null;
        mailbox.take();
    }

    /** Re-colours the newest preview with the current settings on {@code background}. */
    public void rerender(Executor background) {
        Preview p = latest;
        if (p != null) {
            background.execute(() -> render(p));
        }
    }

    /** Colour-maps {@code p} into the mailbox, unless the field changed while it was on its way. */
    private void render(Preview p) {
        FrameSettings s = settings.get();
        if (p == null || !p.field().equals(s.field())) {
            return;
        }
        mailbox.offer(FrameRenderer.render(p, s.colormap(), s.range(), s.scale()));
    }

    public FrameMailbox mailbox() {
        return mailbox;
    }
}
