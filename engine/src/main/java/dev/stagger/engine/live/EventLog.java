package dev.stagger.engine.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The run's numbered stream of events, kept in a ring of the most recent {@code capacity} entries.
 * The time loop appends without ever waiting for a reader; readers (one per client) block until
 * something newer than what they have is there. A reader that fell behind by more than the ring
 * holds is told where the stream now starts, so it can say so instead of silently skipping.
 */
public final class EventLog {
    private final Event[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private long last;

    public EventLog(int capacity) {
        this.ring = new Event[capacity];
    }

    public Event append(Event.Kind kind, Map<String, Double> values, int rank, String level, String text) {
        lock.lock();
        try {
            Event e = new Event(++last, kind, System.currentTimeMillis(), values, rank, level, text);
            ring[(int) (e.sequence() % ring.length)] = e;
            appended.signalAll();
            return e;
        } finally {
            lock.unlock();
        }
    }

    public Event log(int rank, String level, String text) {
        return append(Event.Kind.LOG, Map.of(), rank, level, text);
    }

    /** Sequence number of the newest event (0 before the first). */
    public long last() {
        lock.lock();
        try {
            return last;
        } finally {
            lock.unlock();
        }
    }

    /** Oldest sequence number still held. */
    public long first() {
        lock.lock();
        try {
            return Math.max(1, last - ring.length + 1);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Events after {@code after}, at most {@code max}, waiting up to {@code waitMillis} for the first
     * one. Starts at {@link #first()} when {@code after} is older than the ring holds.
     */
    public List<Event> after(long after, int max, long waitMillis) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (last <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                appended.awaitNanos(left);
            }
            long from = Math.max(after + 1, Math.max(1, last - ring.length + 1));
            List<Event> result = new ArrayList<>();
            for (long s = from; s <= last && result.size() < max; s++) {
                result.add(ring[(int) (s % ring.length)]);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }
}
