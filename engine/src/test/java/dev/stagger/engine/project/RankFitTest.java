package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What run checks once it knows the rank count and the memory: messages with numbers a user can act on. */
class RankFitTest {
    private static final long GIB = 1L << 30;
    private static final SourceMap NO_FILE = SourceMap.none("p.yaml");

    private static Grid grid(int... cells) {
        double[] origin = new double[cells.length];
        double[] extent = new double[cells.length];
        java.util.Arrays.fill(extent, 1);
        return Grid.of(origin, extent, cells);
    }

    private static List<String> problems(Grid grid, int[] given, int ranks, RankMemory memory) {
        return new RankFit(grid, given).problems(ranks, memory, NO_FILE).stream().map(Problem::toString).toList();
    }

    @Test
    void aGridTooLargeForOneRankSaysHowManyRanksOrHowMuchHeap() {
        // two f64 arrays of 100003² values: 160 GB; 18 GiB of heap, a machine large enough for it
        RankMemory memory = new RankMemory(2, 8, 18 * GIB, 18 * GIB, 512 * GIB, 512 * GIB, 1);
        assertThat(problems(grid(100_000, 100_000), null, 1, memory)).containsExactly(
                "p.yaml: grid.cells: 100000 x 100000 cells need about 160 GB on one rank; this Java may use 19 GB:"
                        + " run on 10 or more ranks (--ranks, grid.ranks) or give Java more memory"
                        + " (STAGGER_HEAP=166g)");
    }

    @Test
    void withTheParallelCollectorLargeArraysHaveTwoThirdsOfTheHeap() {
        RankMemory memory = new RankMemory(2, 8, 18 * GIB, 12 * GIB, 512 * GIB, 512 * GIB, 1);
        assertThat(problems(grid(100_000, 100_000), null, 1, memory)).containsExactly(
                "p.yaml: grid.cells: 100000 x 100000 cells need about 160 GB on one rank; this Java may use 19 GB,"
                        + " 13 GB of it for arrays this large: run on 14 or more ranks (--ranks, grid.ranks) or give"
                        + " Java more memory (STAGGER_HEAP=249g)");
    }

    @Test
    void aMachineTooSmallForTheHeapIsToldToUseACluster() {
        RankMemory memory = new RankMemory(2, 8, 18 * GIB, 18 * GIB, 24 * GIB, 24 * GIB, 1);
        assertThat(problems(grid(100_000, 100_000), null, 1, memory)).containsExactly(
                "p.yaml: grid.cells: 100000 x 100000 cells need about 160 GB on one rank; this Java may use 19 GB:"
                        + " run on 10 or more ranks (--ranks, grid.ranks); this machine has 26 GB in all, so that"
                        + " takes a cluster");
    }

    @Test
    void ranksStartedOnThisMachineShareItsMemorySoMoreOfThemCannotHelp() {
        // run --ranks 4 hands each rank 18% of a 24 GiB machine; two thirds of that hold large arrays
        long heap = 24 * GIB / 100 * 18;
        RankMemory memory = new RankMemory(2, 8, heap, heap * 2 / 3, 24 * GIB, 4 * heap, 4);
        assertThat(problems(grid(30_000, 30_000), null, 4, memory)).containsExactly(
                "p.yaml: grid.cells: 30000 x 30000 cells need about 3.6 GB per rank on 4 ranks; this Java may use"
                        + " 4.6 GB, 3.1 GB of it for arrays this large: run on 6 or more ranks (--ranks, grid.ranks);"
                        + " this machine has 26 GB in all, so that takes a cluster");
    }

    @Test
    void theSuggestedRankCountReallyFits() {
        RankMemory memory = new RankMemory(2, 8, 18 * GIB, 18 * GIB, 0, 0, 1);
        RankFit fit = new RankFit(grid(100_000, 100_000), null);
        assertThat(fit.problems(10, memory, NO_FILE)).isEmpty();
        assertThat(problems(grid(100_000, 100_000), null, 9, memory)).singleElement().asString()
                .contains("need about 18 GB per rank on 9 ranks").contains("run on 10 or more ranks")
                .doesNotContain("STAGGER_HEAP");
    }

    @Test
    void singlePrecisionHalvesTheMemory() {
        RankMemory memory = new RankMemory(2, 4, 18 * GIB, 18 * GIB, 0, 0, 1);
        assertThat(problems(grid(100_000, 100_000), null, 1, memory)).singleElement().asString()
                .contains("need about 80 GB on one rank").contains("run on 5 or more ranks");
    }

    @Test
    void arraysLongerThanJavaAllowsEvenWithMemoryToSpare() {
        RankMemory memory = new RankMemory(2, 4, 4096 * GIB, 4096 * GIB, 0, 0, 1);
        assertThat(problems(grid(100_000, 100_000), null, 1, memory)).containsExactly(
                "p.yaml: grid.cells: 100000 x 100000 cells make arrays of 10000600009 values on one rank, more than"
                        + " one Java array holds (2147483639): run on 5 or more ranks (--ranks, grid.ranks)");
        // three dimensions, where the product of three ints overflows an int long before memory runs out
        assertThat(problems(grid(2000, 2000, 2000), null, 1, null)).singleElement().asString()
                .contains("2000 x 2000 x 2000 cells make arrays of 8036054027 values");
    }

    @Test
    void blocksTooSmallForTheRankCount() {
        assertThat(problems(grid(5), null, 4, null)).containsExactly(
                "p.yaml: grid.cells[0]: cannot split the grid over 4 ranks: 4 ranks along x leave blocks of 1 cell(s)"
                        + " of the 5 there; each block needs at least 2: use at most 2 ranks along x or more cells");
    }

    @Test
    void aFixedLayoutThatCannotHoldTheRanks() {
        assertThat(problems(grid(64, 64), new int[] {2, 2}, 3, null)).containsExactly(
                "p.yaml: grid.ranks: [2,2] cannot hold 3 ranks; use grid.ranks: auto or start as many ranks as the"
                        + " layout has");
        // one rank ignores the layout, as RunPlan.ranksFor does
        assertThat(problems(grid(64, 64), new int[] {2, 2}, 1, null)).isEmpty();
    }

    @Test
    void sizesReadLikeAPersonWritesThem() {
        assertThat(RankFit.size(160.0096e9)).isEqualTo("160 GB");
        assertThat(RankFit.size(1.5e9)).isEqualTo("1.5 GB");
        assertThat(RankFit.size(800)).isEqualTo("800 bytes");
    }
}
