package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagger.engine.distributed.DistributedTestSupport;
import dev.stagger.engine.distributed.Gather;
import dev.stagger.engine.distributed.GatheredField;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.model.lang.run.LangSolver;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chmy's sia.jl written in the model language, from its sample project on a coarser grid: the
 * thickness never goes negative; every step the ice volume changes by the mass balance plus what
 * clipping at zero adds, to round-off (the fluxes only move ice, and none leaves the domain); the
 * time step follows sia.jl's loop control, zero-length steps included; several ranks (uneven blocks,
 * a four-rank corner) give the bits of one.
 */
class LangSiaTest {

    static RunPlan plan(int n, int steps) throws Exception {
        String yaml = Files.readString(Path.of("..", "sample-projects", "sia-2d.yaml"))
                .replace("cells: [256, 256]", "cells: [" + n + ", " + n + "]").replace("steps: 400", "steps: " + steps);
        return RunPlanner.plan(ProjectReader.parse(yaml, "sia-2d.yaml", List.of()).project(), "sia",
                RunPlanner.RunOverrides.NONE);
    }

    @Test
    void theVolumeChangesByTheMassBalancePlusClippingAndTheThicknessStaysNonNegative() throws Exception {
        RunPlan plan = plan(64, 160);
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            double area = solver.scalar("dx") * solver.scalar("dy");
            double volume = 0;
            double time = 0;
            int zeroSteps = 0;
            for (int step = 1; step <= plan.steps(); step++) {
                solver.step(plan.dt());
                double dt = solver.lastStepLength();
                if (step == 1) {
                    // H = 0: max(D) = 0, the diffusive limit is infinite and the output interval caps dt
                    assertThat(solver.scalar("dt_diff")).isEqualTo(Double.POSITIVE_INFINITY);
                    assertThat(dt).isEqualTo(0.1);
                }
                zeroSteps += dt == 0.0 ? 1 : 0;
                time += dt;
                double next = solver.scalar("volume");
                double expected = dt * solver.scalar("balance") + solver.scalar("clipped");
                assertThat(next - volume).as("volume change at step %d", step)
                        .isCloseTo(expected, within(1e-12 * Math.max(1, next)));
                volume = next;
                double lowest = Double.POSITIVE_INFINITY;
                boolean negativeZero = false;
                for (double h : solver.field("H").interiorValues()) {
                    lowest = Math.min(lowest, h);
                    negativeZero |= Double.doubleToRawLongBits(h) == Double.doubleToRawLongBits(-0.0);
                }
                // never -0.0 either: max(D) would be -0.0 and the diffusive limit -Inf
                assertThat(lowest).as("thinnest ice at step %d", step).isGreaterThanOrEqualTo(0.0);
                assertThat(negativeZero).isFalse();
            }
            assertThat(time).isGreaterThan(0.5);
            // sia.jl's loop control: once tout reaches the output interval, a step of exactly zero
            assertThat(zeroSteps).isGreaterThanOrEqualTo(3);
            assertThat(volume * area).isGreaterThan(0.01);
            // ice on the big bump at (0, 0.5), none in the low corner (negative mass balance)
            Field h = solver.field("H");
            assertThat(h.at(32, 48)).isGreaterThan(0.05);
            assertThat(h.at(1, 1)).isEqualTo(0.0);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}x{1} ranks")
    @org.junit.jupiter.params.provider.CsvSource({"2,1,2", "1,2,2", "2,2,4"})
    void severalRanksWithUnevenBlocksGiveTheBitsOfOne(int px, int py, int ranks) throws Exception {
        RunPlan plan = plan(37, 12);
        RunPlan laidOut = new RunPlan(plan.name(), plan.title(), plan.grid(), new int[] {px, py}, plan.model(),
                plan.parameters(), plan.initial(), plan.boundaries(), plan.precision(), 1, plan.steps(), plan.endTime(),
                plan.dt(), plan.outputEvery(), plan.outputFields());
        String[] names = {"H", "qx", "qy"};
        double[][] one = new double[names.length][];
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            for (int f = 0; f < names.length; f++) {
                one[f] = s.solver().field(names[f]).interiorValues();
            }
        }
        List<double[][]> gathered = DistributedTestSupport.onRanks(ranks, comm -> {
            try (Simulation s = new Simulation(laidOut, comm, new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                double[][] all = new double[names.length][];
                for (int f = 0; f < names.length; f++) {
                    GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field(names[f]), 0);
                    all[f] = g == null ? null : g.values();
                }
                return all;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int f = 0; f < names.length; f++) {
            assertThat(gathered.get(0)[f]).as(names[f]).isEqualTo(one[f]);
        }
    }
}
