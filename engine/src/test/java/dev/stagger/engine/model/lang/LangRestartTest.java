package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.checkpoint.Checkpoint;
import dev.stagger.engine.checkpoint.CheckpointWriter;
import dev.stagger.engine.distributed.DistributedTestSupport;
import dev.stagger.engine.distributed.Gather;
import dev.stagger.engine.distributed.GatheredField;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model written in the language, checkpointed part way and restarted (on another number of
 * ranks), ends bit for bit like a run that was never interrupted: the checkpoint holds the model's
 * whole state (every output field), the start program does not run again and the step count
 * carries on (Stokes' check cadence depends on it).
 */
class LangRestartTest {
    @TempDir
    Path dir;

    static RunPlan plan(String sample, String cells, int steps) throws Exception {
        String yaml = Files.readString(Path.of("..", "sample-projects", sample));
        yaml = yaml.replaceAll("cells: \\[\\d+, \\d+\\]", "cells: " + cells).replaceAll("steps: \\d+", "steps: " + steps);
        return RunPlanner.plan(ProjectReader.parse(yaml, sample, List.of()).project(), "r",
                new RunPlanner.RunOverrides(1, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "waves-2d.yaml; [40, 33]; 12; 5; P Vx Vy",
        "stokes-2d.yaml; [21, 21]; 4; 2; Pr Vx Vy T τxy"})
    void aRestartedRunEndsLikeAnUninterruptedOne(String sample, String cells, int total, int interruptedAt,
            String fieldList) throws Exception {
        String[] names = fieldList.split(" ");
        RunPlan whole = plan(sample, cells, total);
        double[][] expected = new double[names.length][];
        try (Simulation s = new Simulation(whole, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            for (int f = 0; f < names.length; f++) {
                expected[f] = s.solver().field(names[f]).interiorValues();
            }
        }
        RunPlan first = plan(sample, cells, interruptedAt);
        Path checkpoint;
        try (Simulation s = new Simulation(first, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            checkpoint = CheckpointWriter.write(dir, "r", s.step(), s.time(), s.decomposition(), s.communicator(),
                    s.solver().fields(), whole.model().description().name());
        }
        RunPlan rest = new RunPlan(whole.name(), whole.title(), whole.grid(), new int[] {2, 2}, whole.model(),
                whole.parameters(), whole.initial(), whole.boundaries(), whole.precision(), 1, whole.steps(),
                whole.endTime(), whole.dt(), whole.outputEvery(), whole.outputFields());
        List<double[][]> gathered = DistributedTestSupport.onRanks(4, comm -> {
            try (Simulation s = new Simulation(rest, comm, new SerialExecutor(), false, Checkpoint.open(checkpoint))) {
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
            assertThat(gathered.get(0)[f]).as(names[f]).isEqualTo(expected[f]);
        }
    }

    @org.junit.jupiter.api.Test
    void aModelThatCarriesAScalarBetweenStepsRefusesToRestart() throws Exception {
        RunPlan first = plan("sia-2d.yaml", "[20, 20]", 3);
        Path checkpoint;
        try (Simulation s = new Simulation(first, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            checkpoint = CheckpointWriter.write(dir, "r", s.step(), s.time(), s.decomposition(), s.communicator(),
                    s.solver().fields(), first.model().description().name());
        }
        RunPlan rest = plan("sia-2d.yaml", "[20, 20]", 6);
        // sia.jl's output clock (tout) lives in a scalar, which a checkpoint does not hold
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulation(rest, new SelfCommunicator(),
                new SerialExecutor(), false, Checkpoint.open(checkpoint)))
                .hasMessageContaining("model sia-2d carries the scalar dt from step to step");
    }
}
