package dev.stagger.gui.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse while it is active: an AnimationTimer notes
 * the time of every pulse and keeps the longest gap. A gap well above the pulse period (about
 * 16.7 ms) means something held the FX thread, or kept it from running. To tell the two apart it
 * also notes the FX thread's own CPU time: the CPU the thread used within the longest gap, and the
 * most it used between any two pulses, are the work done on it (handlers, CSS, layout); the rest
 * of a gap is waiting (for the renderer, for a core on a busy machine, for a garbage collection).
 * Start and stop it on the FX thread; read it anywhere.
 */
public final class PulseWatchdog {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong maxGapNanos = new AtomicLong();
    private final AtomicLong cpuInMaxGapNanos = new AtomicLong();
    private final AtomicLong maxCpuNanos = new AtomicLong();
    private final AtomicLong pulses = new AtomicLong();
    private final boolean cpuTimes = THREADS.isCurrentThreadCpuTimeSupported();
    private long last = -1;
    private long lastCpu;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // the timer's argument is the pulse's time, shared by every timer of the pulse; the
            // clock now also counts what earlier timers of this pulse took
            long t = System.nanoTime();
            long cpu = cpuTimes ? THREADS.getCurrentThreadCpuTime() : 0;
            if (last >= 0) {
                long gap = t - last;
                long used = cpu - lastCpu;
                if (gap > maxGapNanos.get()) {
                    maxGapNanos.set(gap);
                    cpuInMaxGapNanos.set(used);
                }
                maxCpuNanos.accumulateAndGet(used, Math::max);
            }
            last = t;
            lastCpu = cpu;
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
        cpuInMaxGapNanos.set(0);
        maxCpuNanos.set(0);
        pulses.set(0);
        last = -1;
    }

    /** The longest time between two pulses since start or reset, in milliseconds. */
    public double maxGapMillis() {
        return maxGapNanos.get() * 1e-6;
    }

    /** CPU time the FX thread used within the longest gap, in milliseconds (0 where the JVM cannot tell). */
    public double cpuInMaxGapMillis() {
        return cpuInMaxGapNanos.get() * 1e-6;
    }

    /** The most CPU time the FX thread used between two pulses, in milliseconds: the largest piece of work on it. */
    public double maxCpuBetweenPulsesMillis() {
        return maxCpuNanos.get() * 1e-6;
    }

    public long pulses() {
        return pulses.get();
    }
}
