package dev.stagger.remote.testcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Liveness of processes that are not our children. PID 1 on these machines reaps orphans only
 * every ~2 s, so a killed process lingers as a zombie that {@link ProcessHandle#isAlive()} (and
 * {@code kill -0}) still report as alive: read its state from /proc instead.
 */
final class ProcessStates {
    private ProcessStates() {
    }

    static boolean isRunning(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return false;
        }
        // "pid (command name, may hold spaces or parentheses) S ..."
        int end = stat.lastIndexOf(") ");
        if (end < 0 || end + 2 >= stat.length()) {
            return false;
        }
        char state = stat.charAt(end + 2);
        return state != 'Z' && state != 'X';
    }

    /** Waits until none of {@code pids} runs; true when that happened within {@code timeout}. */
    static boolean awaitGone(Iterable<Long> pids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean anyRunning = false;
            for (long pid : pids) {
                anyRunning |= isRunning(pid);
            }
            if (!anyRunning) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
