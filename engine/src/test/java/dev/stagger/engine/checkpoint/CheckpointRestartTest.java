package dev.stagger.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.CartesianExchange;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.SolverContext;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RankContext;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole point: a run interrupted by a checkpoint and restarted from it, on the same or another
 * number of ranks, ends with bit-for-bit the values of a run that was never interrupted. This wires
 * a checkpoint in as the run loop will: the restarted solver's context initialises its fields from
 * the checkpoint instead of the initial conditions, so the solver fills halos and boundaries as usual.
 */
class CheckpointRestartTest {
    private static final Path SAMPLE = Path.of("..", "sample-projects", "diffusion-2d.yaml");
    private static final int TOTAL = 24;
    private static final int INTERRUPTED_AT = 9;

    @TempDir
    Path out;

    private record Block(int[] offset, int[] cells, double[] values, double time) {}

    private static RunPlan plan(Precision precision) throws Exception {
        return RunPlanner.plan(ProjectReader.read(SAMPLE, List.of("grid.cells=[37, 29]",
                "fields.C.boundary.x-low={type: dirichlet, value: \"sin(3*y)\"}")).project(), "d",
                new RunPlanner.RunOverrides(1, null, precision));
    }

    /** Steps one rank from {@code from} to {@code to}; starts from the checkpoint when given one. */
    private static Block run(RunPlan plan, Communicator comm, Checkpoint restart, long to, Path checkpointDir)
            throws Exception {
        Topology topology = new Topology(plan.ranksFor(comm.size()), plan.grid().periodic());
        Decomposition d = new Decomposition(plan.grid(), topology);
        int rank = comm.rank();
        RankContext base = new RankContext(d.block(rank), plan.precision(), plan.parameters(),
                new Launcher(new SerialExecutor()), new CartesianExchange(comm, topology), plan.initial(),
                plan.boundaries());
        SolverContext context = restart == null ? base : new Restoring(base, restart, d.offset(rank));
        Solver solver = plan.model().createSolver(context);
        long step = restart == null ? 0 : restart.step();
        double time = restart == null ? 0 : restart.time();
        while (step < to) {
            double dt = plan.stepLength(step, time);
            solver.step(dt);
            step++;
            time += dt;
        }
        if (checkpointDir != null) {
            CheckpointWriter.write(checkpointDir, plan.name(), step, time, d, comm, solver.fields(),
                    plan.model().description().name());
        }
        return new Block(d.offset(rank), d.cells(rank), solver.field("C").interiorValues(), time);
    }

    /** A context that initialises fields from a checkpoint: the restart's only difference. */
    private record Restoring(SolverContext base, Checkpoint checkpoint, int[] blockOffset) implements SolverContext {
        @Override
        public void initialize(Field field, String modelFieldName) {
            try {
                checkpoint.readInto(field, modelFieldName, blockOffset);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Grid grid() {
            return base.grid();
        }

        @Override
        public Precision precision() {
            return base.precision();
        }

        @Override
        public double parameter(String name) {
            return base.parameter(name);
        }

        @Override
        public Launcher launcher() {
            return base.launcher();
        }

        @Override
        public HaloExchange exchange() {
            return base.exchange();
        }

        @Override
        public Field newField(String name, Location[] location) {
            return base.newField(name, location);
        }

        @Override
        public FieldBoundaries boundaries(Field target, String modelFieldName) {
            return base.boundaries(target, modelFieldName);
        }
    }

    private static void assertMatches(List<Block> blocks, Block reference) {
        int nx = reference.cells()[0];
        for (Block b : blocks) {
            assertThat(b.time()).isEqualTo(reference.time());
            int n = 0;
            for (int j = 0; j < b.cells()[1]; j++) {
                for (int i = 0; i < b.cells()[0]; i++) {
                    double expected = reference.values()[(b.offset()[1] + j) * nx + b.offset()[0] + i];
                    assertThat(b.values()[n++]).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aRunRestartedFromACheckpointOnAnyRankCountEndsBitForBitLikeAnUninterruptedOne(Precision precision)
            throws Exception {
        RunPlan plan = plan(precision);
        Block reference = CheckpointFixtures.onRanks(1, comm -> run(plan, comm, null, TOTAL, null)).get(0);

        CheckpointFixtures.onRanks(4, comm -> run(plan, comm, null, INTERRUPTED_AT, out));
        Path dir = Checkpoint.latest(out, plan.name()).orElseThrow();
        Checkpoint checkpoint = Checkpoint.open(dir);
        assertThat(checkpoint.step()).isEqualTo(INTERRUPTED_AT);
        assertThat(checkpoint.ranks()).containsExactly(2, 2);
        checkpoint.requireCompatible(plan.grid(), precision, plan.model().description().name());

        for (int ranks : new int[] {1, 3, 4}) {
            List<Block> restarted = CheckpointFixtures.onRanks(ranks,
                    comm -> run(plan, comm, Checkpoint.open(dir), TOTAL, null));
            assertMatches(restarted, reference);
        }
    }
}
