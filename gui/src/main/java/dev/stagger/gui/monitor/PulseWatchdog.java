package dev.stagger.gui.monitor;

import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse while it is active: an AnimationTimer notes
 * the time of every pulse and keeps the longest gap. A gap well above the pulse period (about
 * 16.7 ms) means something held the FX thread. Start and stop it on the FX thread; read it anywhere.
 */
public final class PulseWatchdog {
    private final AtomicLong maxGapNanos = new AtomicLong();
    private final AtomicLong pulses = new AtomicLong();
    private long last = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // the timer's argument is the pulse's time, shared by every timer of the pulse; the
            // clock now also counts what earlier timers of this pulse took
            long t = System.nanoTime();
            if (last >= 0) {
                long gap = t - last;
                maxGapNanos.accumulateAndGet(gap, Math::max);
            }
            last = t;
            pulses.incrementAndGet();
        }
    };

    /** Starts measuring afresh (FX thread). */
    public void start() {
        reset();
        timer.start();
    }

    /** Stops measuring (FX thread); the figures stay readable. */
    public void stop() {
        timer.stop();
    }

    /** Forgets the gaps so far; the next pulse starts a new measurement. */
    public void reset() {
        maxGapNanos.set(0);
        pulses.set(0);
        last = -1;
    }

    /** The longest time between two pulses since start or reset, in milliseconds. */
    public double maxGapMillis() {
        return maxGapNanos.get() * 1e-6;
    }

    public long pulses() {
        return pulses.get();
    }
}
