package dev.stagger.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderLockTest {
    @TempDir
    Path tmp;

    @Test
    void ofRunsStartingAtOnceInOneFolderExactlyOneGetsIt() throws Exception {
        Path folder = tmp.resolve("out/nested");
        int runs = 8;
        CyclicBarrier start = new CyclicBarrier(runs);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String holder = "run " + i;
                Callable<Object> attempt = () -> {
                    start.await();
                    try {
                        return RunFolderLock.acquire(folder, holder);
                    } catch (RunFolderLock.BusyException e) {
                        return e;
                    }
                };
                results.add(pool.submit(attempt));
            }
            List<RunFolderLock> won = new ArrayList<>();
            List<RunFolderLock.BusyException> refused = new ArrayList<>();
            for (Future<Object> f : results) {
                Object o = f.get();
                if (o instanceof RunFolderLock lock) {
                    won.add(lock);
                } else {
                    refused.add((RunFolderLock.BusyException) o);
                }
            }
            assertThat(won).hasSize(1);
            assertThat(refused).hasSize(runs - 1).allSatisfy(e -> assertThat(e.getMessage())
                    .startsWith(folder + " already has a live run (run ").endsWith(")"));
            won.get(0).close();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFolderIsFreeAgainOnceTheRunEnds() throws Exception {
        Path folder = tmp.resolve("out");
        try (RunFolderLock first = RunFolderLock.acquire(folder, "pid 1, project a.yaml")) {
            assertThatThrownBy(() -> RunFolderLock.acquire(folder, "pid 2, project b.yaml"))
                    .isInstanceOf(RunFolderLock.BusyException.class)
                    .hasMessage(folder + " already has a live run (pid 1, project a.yaml)");
        }
        try (RunFolderLock second = RunFolderLock.acquire(folder, "pid 2, project b.yaml")) {
            assertThat(folder.resolve(RunFolderLock.FILE_NAME)).content().isEqualTo("pid 2, project b.yaml\n");
        }
    }
}
