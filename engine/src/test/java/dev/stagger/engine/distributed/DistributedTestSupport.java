package dev.stagger.engine.distributed;

import dev.stagger.engine.distributed.local.LocalGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one function per rank of a {@link LocalGroup}, each on its own thread; returns their results. */
public final class DistributedTestSupport {
    private DistributedTestSupport() {}

    public static <T> List<T> onRanks(int size, Function<Communicator, T> perRank) throws Exception {
        List<Communicator> comms = LocalGroup.create(size);
        ExecutorService threads = Executors.newFixedThreadPool(size);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Communicator c : comms) {
                futures.add(threads.submit(() -> perRank.apply(c)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
