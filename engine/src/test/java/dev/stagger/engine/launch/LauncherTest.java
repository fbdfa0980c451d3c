package dev.stagger.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN section 4, reference 6, and coverage of every index exactly once. */
class LauncherTest {

    @Test
    void innerAndSlabsOfChmysReferenceCase() {
        Box full = Launcher.fullRange(new int[] {126, 126});
        int[] width = {16, 8};
        assertThat(Launcher.inner(full, width)).isEqualTo(new Box(16, 111, 8, 119, 1, 1));
        assertThat(Launcher.slab(full, width, 1, 0)).isEqualTo(new Box(0, 127, 0, 7, 1, 1));
        assertThat(Launcher.slab(full, width, 1, 1)).isEqualTo(new Box(0, 127, 120, 127, 1, 1));
        assertThat(Launcher.slab(full, width, 0, 0)).isEqualTo(new Box(0, 15, 8, 119, 1, 1));
        assertThat(Launcher.slab(full, width, 0, 1)).isEqualTo(new Box(112, 127, 8, 119, 1, 1));
    }

    @Test
    void everyIndexIsCoveredExactlyOnceIn3D() {
        int[] cells = {9, 7, 6};
        Box full = Launcher.fullRange(cells);
        int[][][] hits = new int[11][9][8];
        List<String> order = new ArrayList<>();
        new Launcher(new SerialExecutor()).launch(full, new int[] {2, 3, 1}, box -> {
            for (int k = box.k0(); k <= box.k1(); k++) {
                for (int j = box.j0(); j <= box.j1(); j++) {
                    for (int i = box.i0(); i <= box.i1(); i++) {
                        hits[i][j][k]++;
                    }
                }
            }
        }, d -> order.add("bc" + d));
        for (int[][] plane : hits) {
            for (int[] row : plane) {
                for (int h : row) {
                    assertThat(h).isEqualTo(1);
                }
            }
        }
        assertThat(order).containsExactly("bc2", "bc1", "bc0");
    }

    @Test
    void overlappedLaunchOnAPoolCoversEveryIndexOnceAndRunsHooksBeforeTheInnerRegionIsAwaited() {
        int[] cells = {300, 200};
        Box full = Launcher.fullRange(cells);
        java.util.concurrent.atomic.AtomicIntegerArray hits = new java.util.concurrent.atomic.AtomicIntegerArray(302 * 202);
        List<String> hooks = java.util.Collections.synchronizedList(new ArrayList<>());
        try (WorkerPool pool = new WorkerPool(3, "test")) {
            new Launcher(pool, true).launch(full, new int[] {2, 2}, box -> {
                for (int j = box.j0(); j <= box.j1(); j++) {
                    for (int i = box.i0(); i <= box.i1(); i++) {
                        hits.incrementAndGet(i + 302 * j);
                    }
                }
            }, d -> hooks.add("bc" + d));
        }
        for (int n = 0; n < hits.length(); n++) {
            assertThat(hits.get(n)).isEqualTo(1);
        }
        assertThat(hooks).containsExactly("bc1", "bc0");
    }

    @Test
    void workerPoolSplitsIntoContiguousSlabs() {
        Box[] parts = WorkerPool.split(new Box(0, 9, 0, 10, 1, 1), 3);
        assertThat(parts).containsExactly(new Box(0, 9, 0, 3, 1, 1), new Box(0, 9, 4, 7, 1, 1),
                new Box(0, 9, 8, 10, 1, 1));
    }

    @Test
    void workerPoolRunsEveryPointOnceAndPropagatesFailures() {
        try (WorkerPool pool = new WorkerPool(3, "test")) {
            int[] hits = new int[300 * 300];
            for (int repeat = 0; repeat < 20; repeat++) {
                pool.run(new Box(0, 299, 0, 299, 1, 1), box -> {
                    for (int j = box.j0(); j <= box.j1(); j++) {
                        for (int i = box.i0(); i <= box.i1(); i++) {
                            hits[i + 300 * j]++;
                        }
                    }
                });
            }
            for (int h : hits) {
                assertThat(h).isEqualTo(20);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.run(new Box(0, 299, 0, 299, 1, 1), box -> {
                if (box.j0() > 0) {
                    throw new IllegalStateException("kernel failed in " + box);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("kernel failed");
        }
    }
}
