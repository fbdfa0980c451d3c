package dev.stagger.engine.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import dev.stagger.engine.run.VtkOutput;
import dev.stagger.engine.output.VtiReader;
import dev.stagger.engine.output.VtiFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Many ranks give bit-for-bit the numbers of one rank: every layout, even and uneven blocks,
 * Dirichlet (with expressions), Neumann and periodic sides, in 1D, 2D and 3D. The ranks here are
 * threads ({@code LocalGroup}); the same code runs under real mpirun in the MPI integration tests.
 */
class DistributedDiffusionTest {

    @TempDir
    Path tmp;

    static RunPlan plan(int dims, String cells, String periodic, String boundary, int steps) throws Exception {
        String yaml = EquivalenceProjects.yaml(dims, cells, periodic, boundary, steps);
        return RunPlanner.plan(ProjectReader.parse(yaml, "equivalence.yaml", List.of()).project(), "eq",
                RunPlanner.RunOverrides.NONE);
    }

    static double[] singleRank(RunPlan plan) throws Exception {
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            return s.solver().field("C").interiorValues();
        }
    }

    static double[] onRanks(RunPlan plan, int ranks) throws Exception {
        List<double[]> gathered = DistributedTestSupport.onRanks(ranks, comm -> {
            try (Simulation s = new Simulation(plan, comm, new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field("C"), 0);
                return g == null ? null : g.values();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return gathered.get(0);
    }

    private static final String MIXED_2D = EquivalenceProjects.MIXED_2D;

    @ParameterizedTest(name = "{0} ranks as {1}, cells {2}, periodic {3}")
    @CsvSource(delimiter = ';', value = {
        "4; [1, 4]; [40, 37]; [false, false]",
        "4; [4, 1]; [41, 30]; [false, false]",
        "4; [2, 2]; [33, 29]; [false, false]",
        "3; [3, 1]; [31, 20]; [false, false]",
        "2; [2, 1]; [30, 20]; [false, false]",
        "4; [2, 2]; [32, 28]; [true, false]",
        "4; [2, 2]; [31, 27]; [true, true]",
        "3; [1, 3]; [20, 31]; [false, true]",
        "4; [4, 1]; [30, 25]; [true, false]"})
    void twoDimensionalLayoutsMatchOneRank(int ranks, String layout, String cells, String periodic) throws Exception {
        StringBuilder boundary = new StringBuilder();
        boolean px = periodic.startsWith("[true");
        boolean py = periodic.endsWith("true]");
        for (String line : MIXED_2D.split("\n")) {
            if ((px && line.contains("x-")) || (py && line.contains("y-"))) {
                continue;
            }
            boundary.append(line).append('\n');
        }
        RunPlan plan = plan(2, cells, periodic, boundary.toString(), 25);
        RunPlan laidOut = withRanks(plan, layout);
        assertThat(onRanks(laidOut, ranks)).isEqualTo(singleRank(plan));
    }

    private static RunPlan withRanks(RunPlan plan, String layout) {
        String[] parts = layout.replace("[", "").replace("]", "").split(",");
        int[] ranks = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ranks[i] = Integer.parseInt(parts[i].trim());
        }
        return new RunPlan(plan.name(), plan.title(), plan.grid(), ranks, plan.model(), plan.parameters(),
                plan.initial(), plan.boundaries(), plan.precision(), plan.threads(), plan.steps(), plan.endTime(),
                plan.dt(), plan.outputEvery(), plan.outputFields());
    }

    @ParameterizedTest(name = "{0} ranks as {1}")
    @CsvSource(delimiter = ';', value = {
        "4; [2, 2, 1]; [false, false, false]",
        "3; [1, 1, 3]; [false, false, false]",
        "4; [2, 2, 1]; [false, true, false]",
        "3; [1, 1, 3]; [false, false, true]"})
    void threeDimensionalLayoutsMatchOneRank(int ranks, String layout, String periodic) throws Exception {
        String boundary = periodic.contains("true")
                ? "      x-low: {type: dirichlet, value: \"y+z\"}\n      x-high: {type: neumann, value: 1}\n"
                : "      all: {type: neumann, value: 0}\n      z-low: {type: dirichlet, value: \"x*y\"}\n";
        RunPlan plan = plan(3, "[13, 11, 10]", periodic, boundary, 12);
        assertThat(onRanks(withRanks(plan, layout), ranks)).isEqualTo(singleRank(plan));
    }

    @Test
    void oneDimensionalPeriodicAndDirichlet() throws Exception {
        RunPlan periodic = plan(1, "[50]", "[true]", "", 40);
        assertThat(onRanks(periodic, 3)).isEqualTo(singleRank(periodic));
        RunPlan walls = plan(1, "[50]", "[false]", "      all: {type: dirichlet, value: 0.25}\n", 40);
        assertThat(onRanks(walls, 4)).isEqualTo(singleRank(walls));
    }

    @Test
    void overlapOnAndOffGiveIdenticalNumbersOnThreadedRanks() throws Exception {
        RunPlan plan = plan(2, "[300, 260]", "[true, false]", MIXED_2D.replace("      x-low: {type: dirichlet, value: \"sin(3*y)\"}\n",
                "").replace("      x-high: {type: neumann, value: 0.5}\n", ""), 15);
        List<double[]> results = new java.util.ArrayList<>();
        for (boolean overlap : new boolean[] {true, false}) {
            List<double[]> gathered = DistributedTestSupport.onRanks(2, comm -> {
                try (Simulation s = new Simulation(plan, comm, new dev.stagger.engine.launch.WorkerPool(3, "t"), overlap)) {
                    s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                    GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field("C"), 0);
                    return g == null ? null : g.values();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            results.add(gathered.get(0));
        }
        assertThat(results.get(0)).isEqualTo(results.get(1)).isEqualTo(singleRank(plan));
    }

    @Test
    void parallelVtkPiecesJoinToTheSingleRankField() throws Exception {
        RunPlan plan = plan(2, "[21, 17]", "[false, false]", "      all: {type: neumann, value: 0}\n", 5);
        Path one = tmp.resolve("one");
        Path four = tmp.resolve("four");
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(new VtkOutput(one, "eq", s.decomposition(), s.communicator()), RunListener.NONE, () -> false);
        }
        DistributedTestSupport.onRanks(4, comm -> {
            try (Simulation s = new Simulation(plan, comm, new SerialExecutor())) {
                s.run(new VtkOutput(four, "eq", s.decomposition(), comm), RunListener.NONE, () -> false);
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String pvd = Files.readString(four.resolve("eq.pvd"));
        assertThat(pvd).contains("eq_000000.pvti").contains("eq_000005.pvti");
        String pvti = Files.readString(four.resolve("eq_000005.pvti"));
        assertThat(pvti).contains("eq_000005_r0000.vti").contains("eq_000005_r0003.vti");
        VtiFile whole = VtiReader.read(one.resolve("eq_000005.vti"));
        double[] joined = new double[21 * 17];
        for (int r = 0; r < 4; r++) {
            VtiFile piece = VtiReader.read(four.resolve("eq_000005_r000" + r + ".vti"));
            int[] e = piece.extent();
            double[] v = piece.values("C");
            int nx = e[1] - e[0];
            int n = 0;
            for (int j = e[2]; j < e[3]; j++) {
                for (int i = e[0]; i < e[1]; i++) {
                    joined[i + 21 * j] = v[n++];
                }
            }
            assertThat(n).isEqualTo(nx * (e[3] - e[2]));
        }
        assertThat(joined).isEqualTo(whole.values("C"));
    }
}
