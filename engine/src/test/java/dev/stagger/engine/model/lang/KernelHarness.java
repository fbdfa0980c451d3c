package dev.stagger.engine.model.lang;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Checker;
import dev.stagger.engine.model.lang.check.Locations;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;
import dev.stagger.engine.model.lang.jvm.CompiledModel;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import java.util.Random;

/**
 * A model's fields and scalars on one grid, without a run: kernels and reductions called one by
 * one, through the reference evaluator or the compiled code, over their whole range.
 */
final class KernelHarness {
    final CheckedModel model;
    final Grid grid;
    final Field[] fields;
    final double[] scalars;
    final boolean f32;

    KernelHarness(String yaml, Grid grid, Precision precision, double dt) throws Exception {
        this(Checker.check(ModelReader.parse(yaml, "test-model.yaml")), grid, precision, dt);
    }

    KernelHarness(CheckedModel model, Grid grid, Precision precision, double dt) {
        this.model = model;
        this.grid = grid;
        this.f32 = precision == Precision.F32;
        fields = new Field[model.fields().size()];
        for (int f = 0; f < fields.length; f++) {
            CheckedModel.Field d = model.fields().get(f);
            fields[f] = Field.create(d.name(), grid, Locations.toLocations(d.location()), model.halo(), precision);
        }
        scalars = new double[model.scalarNames().size()];
        scalars[CheckedModel.DT] = dt;
        dev.stagger.engine.model.lang.run.GridScalars.fill(model, grid, scalars);
        for (ModelFile.Parameter p : model.file().parameters()) {
            scalars[model.slot(p.name())] = p.defaultValue();
        }
        for (CheckedModel.Assignment c : model.constants()) {
            scalars[c.slot()] = ReferenceEvaluator.scalar(c.value(), scalars);
        }
    }

    Field field(String name) {
        return fields[model.fields().stream().map(CheckedModel.Field::name).toList().indexOf(name)];
    }

    /** Every stored value of every field (halos included) random in [-1, 1). */
    void randomize(long seed) {
        Random random = new Random(seed);
        for (Field f : fields) {
            for (int p = 0; p < f.length(); p++) {
                f.set(p, 2 * random.nextDouble() - 1);
            }
        }
    }

    /** A copy of every field's storage. */
    double[][] snapshot() {
        double[][] copy = new double[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            copy[f] = new double[fields[f].length()];
            for (int p = 0; p < copy[f].length; p++) {
                copy[f][p] = fields[f].get(p);
            }
        }
        return copy;
    }

    void restore(double[][] values) {
        for (int f = 0; f < fields.length; f++) {
            for (int p = 0; p < values[f].length; p++) {
                fields[f].set(p, values[f][p]);
            }
        }
    }

    /** The points of a kernel or reduction on this one-rank grid, as the solvers take them. */
    Box range(String range, String location) {
        return new dev.stagger.engine.model.lang.run.ModelRanges(grid,
                dev.stagger.engine.distributed.CartesianExchange.singleRank(grid), 1).range(range, location);
    }

    int kernelIndex(String name) {
        return model.kernels().stream().map(CheckedModel.Kernel::name).toList().indexOf(name);
    }

    void reference(String kernel) {
        CheckedModel.Kernel k = model.kernels().get(kernelIndex(kernel));
        new ReferenceEvaluator(fields, scalars, f32).run(k, range(k.range(), k.location()));
    }

    void compiled(CompiledModel code, String kernel) {
        int index = kernelIndex(kernel);
        CheckedModel.Kernel k = model.kernels().get(index);
        Box b = range(k.range(), k.location());
        code.run(index, arrays(), scalars, geometry(), b.i0(), b.i1(), b.j0(), b.j1(), b.k0(), b.k1());
    }

    double referenceReduction(int index) {
        CheckedModel.Reduction r = model.reductions().get(index);
        return new ReferenceEvaluator(fields, scalars, f32).reduce(r, range(r.range(), r.location()));
    }

    double compiledReduction(CompiledModel code, int index) {
        CheckedModel.Reduction r = model.reductions().get(index);
        Box b = range(r.range(), r.location());
        return code.run(model.kernels().size() + index, arrays(), scalars, geometry(), b.i0(), b.i1(), b.j0(), b.j1(),
                b.k0(), b.k1());
    }

    private Object[] arrays() {
        Object[] a = new Object[fields.length];
        for (int f = 0; f < fields.length; f++) {
            a[f] = fields[f] instanceof DoubleField d ? d.data() : ((FloatField) fields[f]).data();
        }
        return a;
    }

    private int[] geometry() {
        int[] g = new int[3 * fields.length];
        for (int f = 0; f < fields.length; f++) {
            g[3 * f] = fields[f].offset();
            g[3 * f + 1] = fields[f].stride(1);
            g[3 * f + 2] = fields[f].stride(2);
        }
        return g;
    }
}
