package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.distributed.DistributedTestSupport;
import dev.stagger.engine.distributed.EquivalenceProjects;
import dev.stagger.engine.distributed.Gather;
import dev.stagger.engine.distributed.GatheredField;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.launch.WorkerPool;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.lang.catalogue.Catalogue;
import dev.stagger.engine.model.lang.run.Execution;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Diffusion written in the model language gives bit for bit the numbers of the hand-written
 * diffusion solver: on the real run path (plan, simulation, launcher, halo exchange, boundary
 * conditions), in 1D, 2D and 3D, in double and single precision, on one rank and on several
 * (uneven blocks, periodic sides), compiled and through the reference evaluator.
 */
class LangDiffusionTest {

    static RunPlan plan(int dims, String cells, String periodic, String boundary, int steps) throws Exception {
        String yaml = EquivalenceProjects.yaml(dims, cells, periodic, boundary, steps);
        return RunPlanner.plan(ProjectReader.parse(yaml, "equivalence.yaml", List.of()).project(), "eq",
                RunPlanner.RunOverrides.NONE);
    }

    static RunPlan with(RunPlan plan, Model model, int[] ranks, Precision precision, int threads) {
        return new RunPlan(plan.name(), plan.title(), plan.grid(), ranks == null ? plan.ranks() : ranks, model,
                plan.parameters(), plan.initial(), plan.boundaries(), precision == null ? plan.precision() : precision,
                threads, plan.steps(), plan.endTime(), plan.dt(), plan.outputEvery(), plan.outputFields());
    }

    static LangModel language(int dims, Execution.Mode mode) {
        return new LangModel(Catalogue.checked("diffusion-" + dims + "d.yaml"), mode);
    }

    static double[] singleRank(RunPlan plan) throws Exception {
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            return s.solver().field("C").interiorValues();
        }
    }

    static double[] onRanks(RunPlan plan, int ranks, int threads) throws Exception {
        List<double[]> gathered = DistributedTestSupport.onRanks(ranks, comm -> {
            try (Simulation s = new Simulation(plan, comm, threads > 1 ? new WorkerPool(threads, "t") : new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field("C"), 0);
                return g == null ? null : g.values();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return gathered.get(0);
    }

    @ParameterizedTest(name = "{0}D, cells {1}, periodic {2}, {4}")
    @CsvSource(delimiter = ';', value = {
        "1; [50]; [false]; '      all: {type: dirichlet, value: 0.25}\n'; F64",
        "1; [37]; [true]; ''; F32",
        "2; [33, 29]; [false, false]; MIXED; F64",
        "2; [31, 27]; [true, false]; '      y-low: {type: dirichlet, value: 1}\n      y-high: {type: neumann, value: \"x^2\"}\n'; F64",
        "2; [24, 20]; [false, false]; MIXED; F32",
        "3; [13, 11, 10]; [false, false, false]; '      all: {type: neumann, value: 0}\n      z-low: {type: dirichlet, value: \"x*y\"}\n'; F64"})
    void sameBitsAsTheHandWrittenSolverOnOneRank(int dims, String cells, String periodic, String boundary,
            Precision precision) throws Exception {
        RunPlan plan = with(plan(dims, cells, periodic, boundary.equals("MIXED") ? EquivalenceProjects.MIXED_2D
                : boundary, 20), new dev.stagger.engine.model.diffusion.DiffusionModel(), null, precision, 1);
        double[] handWritten = singleRank(plan);
        double[] compiled = singleRank(with(plan, language(dims, Execution.Mode.COMPILED), null, null, 1));
        double[] reference = singleRank(with(plan, language(dims, Execution.Mode.REFERENCE), null, null, 1));
        assertThat(compiled).isEqualTo(handWritten);
        assertThat(reference).isEqualTo(handWritten);
        // the run did something: the field changed from its initial values
        RunPlan none = new RunPlan(plan.name(), plan.title(), plan.grid(), plan.ranks(), plan.model(), plan.parameters(),
                plan.initial(), plan.boundaries(), plan.precision(), 1, 0, 0, plan.dt(), 0, plan.outputFields());
        assertThat(singleRank(none)).isNotEqualTo(handWritten);
    }

    @ParameterizedTest(name = "{0} ranks as {1}, {2}D")
    @CsvSource(delimiter = ';', value = {
        "4; [2, 2]; 2; [33, 29]; [false, false]",
        "3; [3, 1]; 2; [31, 20]; [true, false]",
        "4; [4, 1]; 2; [41, 30]; [false, false]",
        "3; [3]; 1; [50]; [false]",
        "4; [2, 2, 1]; 3; [13, 11, 10]; [false, true, false]"})
    void sameBitsOnSeveralRanksAsTheHandWrittenSolverOnOne(int ranks, String layout, int dims, String cells,
            String periodic) throws Exception {
        String boundary = dims == 2 ? (periodic.startsWith("[true") ? "      y-low: {type: dirichlet, value: 1}\n"
                + "      y-high: {type: neumann, value: \"x^2\"}\n" : EquivalenceProjects.MIXED_2D)
                : "      all: {type: neumann, value: 0.5}\n";
        if (dims == 3) {
            boundary = "      x-low: {type: dirichlet, value: \"y+z\"}\n      x-high: {type: neumann, value: 1}\n"
                    + "      z-low: {type: dirichlet, value: 0}\n      z-high: {type: neumann, value: 0}\n";
        }
        RunPlan plan = plan(dims, cells, periodic, boundary, 15);
        double[] handWritten = singleRank(with(plan, new dev.stagger.engine.model.diffusion.DiffusionModel(), null, null, 1));
        String[] parts = layout.replace("[", "").replace("]", "").split(",");
        int[] grid = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            grid[i] = Integer.parseInt(parts[i].trim());
        }
        RunPlan distributed = with(plan, language(dims, Execution.Mode.COMPILED), grid, null, 1);
        assertThat(onRanks(distributed, ranks, 1)).isEqualTo(handWritten);
    }

    @Test
    void threadedRanksWithOverlapGiveTheSameBits() throws Exception {
        RunPlan plan = plan(2, "[120, 90]", "[false, false]", EquivalenceProjects.MIXED_2D, 10);
        double[] handWritten = singleRank(with(plan, new dev.stagger.engine.model.diffusion.DiffusionModel(), null, null, 1));
        RunPlan threaded = with(plan, language(2, Execution.Mode.COMPILED), new int[] {2, 1}, null, 3);
        assertThat(onRanks(threaded, 2, 3)).isEqualTo(handWritten);
    }

    @Test
    void theCatalogueModelsAreInTheRegistryAndMoveTheSameBytes() {
        assertThat(Models.names()).contains("diffusion-eq-1d", "diffusion-eq-2d", "diffusion-eq-3d");
        Model model = Models.find("diffusion-eq-2d").orElseThrow();
        Model hand = new dev.stagger.engine.model.diffusion.DiffusionModel();
        var grid = dev.stagger.engine.grid.Grid.of(new double[] {0, 0}, new double[] {2, 1}, new int[] {40, 30});
        assertThat(model.stableTimeStep(grid, java.util.Map.of("chi", 0.7)))
                .isEqualTo(hand.stableTimeStep(grid, java.util.Map.of("chi", 0.7)));
        assertThat(model.fields(2)).hasSize(1);
        assertThat(model.fields(2).get(0).name()).isEqualTo("C");
        assertThat(model.fields(2).get(0).prognostic()).isTrue();
    }
}
