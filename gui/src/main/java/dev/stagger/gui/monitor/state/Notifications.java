package dev.stagger.gui.monitor.state;

import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The monitor's one line of news ("pause: paused at step 120", "saved /tmp/c.png"). Background work
 * {@link #post}s from any thread and only the newest is kept, like frames; the pulse
 * {@link #apply}s it on the FX thread. Answers the FX thread already knows it {@link #show}s at once.
 */
public final class Notifications {
    private final AtomicReference<String> pending = new AtomicReference<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "notification", "");

    /** From any thread: shown at the next pulse unless a newer one comes first. */
    public void post(String message) {
        pending.set(message);
    }

    /** FX thread: shown now. */
    public void show(String message) {
        text.set(message);
    }

    /** FX thread, at the pulse: shows what was posted since. Returns whether there was anything. */
    public boolean apply() {
        String m = pending.getAndSet(null);
        if (m == null) {
            return false;
        }
        text.set(m);
        return true;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
