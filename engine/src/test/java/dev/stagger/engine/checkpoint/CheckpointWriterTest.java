package dev.stagger.engine.checkpoint;

import static dev.stagger.engine.checkpoint.CheckpointFixtures.assertRestored;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.blank;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.decomposition;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.filled;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.onRanksCatching;
import static dev.stagger.engine.checkpoint.CheckpointFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.checkpoint.CheckpointFixtures.Outcome;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointWriterTest {
    private static final Grid GRID = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {13, 11});

    @TempDir
    Path out;

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A communicator that runs {@code afterFirstCollective} once, right after the first allReduce returns. */
    private static Communicator sabotaged(Communicator inner, IoAction afterFirstCollective) {
        return new Communicator() {
            private boolean done;

            @Override
            public int rank() {
                return inner.rank();
            }

            @Override
            public int size() {
                return inner.size();
            }

            @Override
            public DoubleBuffer allocate(int count) {
                return inner.allocate(count);
            }

            @Override
            public Request send(DoubleBuffer buffer, int count, int destination, int tag) {
                return inner.send(buffer, count, destination, tag);
            }

            @Override
            public Request receive(DoubleBuffer buffer, int count, int source, int tag) {
                return inner.receive(buffer, count, source, tag);
            }

            @Override
            public double[] allReduce(double[] values, ReduceOp op) {
                double[] result = inner.allReduce(values, op);
                if (!done) {
                    done = true;
                    try {
                        afterFirstCollective.run();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return result;
            }

            @Override
            public double[] gather(double[] local, int[] counts, int root) {
                return inner.gather(local, counts, root);
            }

            @Override
            public void barrier() {
                inner.barrier();
            }

            @Override
            public void abort(int exitCode) {
                inner.abort(exitCode);
            }

            @Override
            public String hostName() {
                return inner.hostName();
            }

            @Override
            public void close() {}
        };
    }

    interface IoAction {
        void run() throws IOException;
    }

    @Test
    void aRankThatCannotWriteItsFileFailsTheCheckpointOnEveryRankAndLeavesTheOldOneIntact() throws Exception {
        Decomposition d = decomposition(GRID, 2, 2);
        Path old = write(out, "p", 7, 0.5, d, Precision.F64);
        Path temp = out.resolve("p_ckpt_000007.tmp");

        List<Object> outcomes = onRanksCatching(4, comm -> {
            Communicator c = comm.rank() != 2 ? comm
                    : sabotaged(comm, () -> Files.createDirectory(temp.resolve("rank_0002.bin")));
            List<Field> fields = filled(d, comm.rank(), Precision.F64);
            fields.forEach(f -> f.fill(123.0)); // a state that must never be seen
            return CheckpointWriter.write(out, "p", 7, 0.75, d, c, fields, "diffusion");
        });

        for (int r = 0; r < 4; r++) {
            assertThat(outcomes.get(r)).as("rank %d", r).isInstanceOf(Outcome.Failed.class);
            Throwable e = ((Outcome.Failed) outcomes.get(r)).error();
            assertThat(e).isInstanceOf(IOException.class);
            if (r == 2) {
                assertThat(e).hasMessageContaining("cannot write checkpoint " + old + " (rank 2)")
                        .hasMessageContaining("rank_0002.bin");
            } else {
                assertThat(e).hasMessage("checkpoint " + old + " was not written: rank 2 failed (its own error says why)");
            }
        }
        assertThat(names()).containsExactly("p_ckpt_000007");
        Checkpoint c = Checkpoint.open(old);
        assertThat(c.time()).isEqualTo(0.5);
        c.verify();
        Field t = blank(d, 3, Precision.F64).get(0);
        c.readInto(t);
        assertRestored(t, d.offset(3));
    }

    @Test
    void aFirstCheckpointThatFailsOnOneRankLeavesNoDirectoryAtAll() throws Exception {
        Decomposition d = decomposition(GRID, 2, 2);
        Path temp = out.resolve("p_ckpt_000009.tmp");
        List<Object> outcomes = onRanksCatching(4, comm -> {
            Communicator c = comm.rank() != 0 ? comm
                    : sabotaged(comm, () -> Files.createDirectory(temp.resolve("rank_0000.bin")));
            return CheckpointWriter.write(out, "p", 9, 1.0, d, c, filled(d, comm.rank(), Precision.F32), "m");
        });
        assertThat(outcomes).allMatch(o -> o instanceof Outcome.Failed f && f.error() instanceof IOException);
        assertThat(((Outcome.Failed) outcomes.get(1)).error()).hasMessageContaining("rank 0 failed");
        assertThat(names()).isEmpty();
    }

    @Test
    void whenRankZeroCannotCreateTheDirectoryNoRankWaitsAndAllThrow() throws Exception {
        Path blocked = Files.writeString(out.resolve("not-a-directory"), "x");
        Decomposition d = decomposition(GRID, 2, 2);
        List<Object> outcomes = onRanksCatching(4, comm -> CheckpointWriter.write(blocked, "p", 1, 1.0, d, comm,
                filled(d, comm.rank(), Precision.F64), "m"));
        assertThat(((Outcome.Failed) outcomes.get(0)).error()).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write checkpoint " + blocked.resolve("p_ckpt_000001") + " (rank 0)");
        for (int r = 1; r < 4; r++) {
            assertThat(((Outcome.Failed) outcomes.get(r)).error())
                    .hasMessageContaining("was not written: rank 0 could not create");
        }
    }

    @Test
    void fieldsThatAreNotTheRanksBlockAreRefusedOnThatRankWithoutAHang() throws Exception {
        Decomposition d = decomposition(GRID, 2, 2);
        List<Object> outcomes = onRanksCatching(4, comm -> CheckpointWriter.write(out, "p", 1, 1.0, d, comm,
                filled(d, comm.rank() == 3 ? 0 : comm.rank(), Precision.F64), "m"));
        assertThat(((Outcome.Failed) outcomes.get(3)).error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not on rank 3's block");
        assertThat(((Outcome.Failed) outcomes.get(0)).error()).hasMessageContaining("rank 3 failed");
        assertThat(names()).isEmpty();
    }

    @Test
    void rewritingAStepReplacesItAndLeftoversOfAnInterruptedWriteAreIgnoredThenCleared() throws Exception {
        Decomposition d = decomposition(GRID, 2, 2);
        Files.createDirectories(out.resolve("p_ckpt_000004.tmp"));
        Files.writeString(out.resolve("p_ckpt_000004.tmp").resolve("rank_0000.bin"), "half");
        assertThat(Checkpoint.list(out, "p")).isEmpty();

        write(out, "p", 4, 1.0, d, Precision.F64);
        Path dir = write(out, "p", 4, 2.0, d, Precision.F32);
        assertThat(names()).containsExactly("p_ckpt_000004");
        Checkpoint c = Checkpoint.open(dir);
        assertThat(c.time()).isEqualTo(2.0);
        assertThat(c.precision()).isEqualTo(Precision.F32);
        c.verify();
    }

    @Test
    void oneRankWritesWithoutAGroupAndKeepPrunesOlderSteps() throws Exception {
        Decomposition d = decomposition(GRID, 1, 1);
        for (long step : new long[] {10, 20, 30, 40}) {
            List<Path> p = CheckpointFixtures.onRanks(1, comm -> CheckpointWriter.write(out, "run", step, step * 0.1, d,
                    comm, filled(d, 0, Precision.F64), "diffusion", 2));
            assertThat(p.get(0)).isEqualTo(out.resolve(Checkpoint.directoryName("run", step)));
        }
        assertThat(names()).containsExactly("run_ckpt_000030", "run_ckpt_000040");
        assertThat(Checkpoint.latest(out, "run")).contains(out.resolve("run_ckpt_000040"));
        assertThat(Checkpoint.list(out, "other")).isEmpty();

        // a run restarted from step 30 keeps the abandoned later step 40 and prunes only below its step
        CheckpointFixtures.onRanks(1, comm -> CheckpointWriter.write(out, "run", 35, 3.5, d, comm,
                filled(d, 0, Precision.F64), "diffusion", 1));
        assertThat(names()).containsExactly("run_ckpt_000035", "run_ckpt_000040");
        assertThat(Checkpoint.directoryName("run", 1234567)).isEqualTo("run_ckpt_1234567");
    }

    @Test
    void aNameThatCannotBeAFileNameIsRefused() {
        Decomposition d = decomposition(GRID, 1, 1);
        assertThatThrownBy(() -> CheckpointFixtures.onRanks(1, comm -> CheckpointWriter.write(out, "a/b", 1, 0, d,
                comm, filled(d, 0, Precision.F64), "m"))).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
