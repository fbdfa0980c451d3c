package dev.stagger.engine.project;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What one rank's fields cost and where they have to fit, for {@link RankFit}. A field is one large
 * array, and a large array lives in one part of the heap: with the parallel collector Stagger runs
 * with, the old generation, about two thirds of the heap; with G1 all of it. So the room that
 * counts is that part's size, not the heap's.
 *
 * @param arraysPerRank full-size arrays a rank keeps (fields and work copies, {@code Model.arraysPerRank})
 * @param bytesPerValue 4 or 8
 * @param heap the heap one rank's Java may grow to (what STAGGER_HEAP sets)
 * @param arrayRoom the part of that heap where large arrays can live
 * @param machineTotal this machine's memory, or 0 when unknown
 * @param javaOnMachine the most the heaps of this machine's ranks may add up to: the machine's memory,
 *     or for ranks that {@code run --ranks} starts the shares it hands out (STAGGER_HEAP does not reach them)
 * @param ranksHere how many of the run's ranks share this machine
 */
public record RankMemory(int arraysPerRank, int bytesPerValue, long heap, long arrayRoom, long machineTotal,
        long javaOnMachine, int ranksHere) {

    /** For a rank running in this Java, {@code ranksHere} of them on this machine. */
    public static RankMemory ofThisJava(int arraysPerRank, int bytesPerValue, int ranksHere) {
        long heap = configuredHeap();
        long machine = machineMemory();
        return new RankMemory(arraysPerRank, bytesPerValue, heap, largestHeapPart(heap), machine, machine, ranksHere);
    }

    /**
     * For ranks not started yet that will each have a heap of {@code heapPerRank} bytes and this
     * Java's collector (so the same share of it for large arrays).
     */
    public static RankMemory forRanksToStart(int arraysPerRank, int bytesPerValue, long heapPerRank, int ranksHere) {
        long heap = configuredHeap();
        double share = (double) largestHeapPart(heap) / heap;
        return new RankMemory(arraysPerRank, bytesPerValue, heapPerRank, (long) (heapPerRank * share),
                machineMemory(), heapPerRank * ranksHere, ranksHere);
    }

    /** The share of the heap where large arrays can live. */
    double arrayShare() {
        return heap > 0 ? Math.min(1, (double) arrayRoom / heap) : 1;
    }

    /** This machine's memory in bytes, or 0 when the JVM cannot tell. */
    public static long machineMemory() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
        } catch (RuntimeException | LinkageError unavailable) {
            return 0;
        }
    }

    /** The heap as configured (-Xmx): the sum of the heap pools' limits, which Runtime.maxMemory understates. */
    private static long configuredHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && max > 0) {
                sum += max;
            }
        }
        return sum > 0 ? sum : Runtime.getRuntime().maxMemory();
    }

    /** The largest heap pool's limit: where an array too big for the young generation goes. */
    private static long largestHeapPart(long heap) {
        long largest = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                largest = Math.max(largest, pool.getUsage().getMax());
            }
        }
        return largest > 0 ? Math.min(largest, heap) : heap;
    }
}
