package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;
import dev.stagger.engine.model.lang.jvm.CompiledModel;

/** How a model's kernels and reductions run over a box: compiled JVM code, or the slow reference. */
public interface Execution {

    /** Called on the stepping thread before a kernel is launched: the fields' arrays may have been swapped. */
    void refresh();

    void kernel(int index, Box box);

    double reduce(int index, Box box);

    /** How the model runs: {@link #COMPILED} always, except in tests that compare with the reference. */
    enum Mode {
        COMPILED,
        REFERENCE
    }

    static Execution create(Mode mode, CheckedModel model, CompiledModel compiled, Field[] fields, double[] scalars) {
        boolean f32 = fields.length > 0 && fields[0] instanceof FloatField;
        if (mode == Mode.REFERENCE) {
            ReferenceEvaluator evaluator = new ReferenceEvaluator(fields, scalars, f32);
            return new Execution() {
                @Override
                public void refresh() {}

                @Override
                public void kernel(int index, Box box) {
                    evaluator.run(model.kernels().get(index), box);
                }

                @Override
                public double reduce(int index, Box box) {
                    return evaluator.reduce(model.reductions().get(index), box);
                }
            };
        }
        Object[] arrays = new Object[fields.length];
        int[] geometry = new int[3 * fields.length];
        for (int f = 0; f < fields.length; f++) {
            geometry[3 * f] = fields[f].offset();
            geometry[3 * f + 1] = fields[f].stride(1);
            geometry[3 * f + 2] = fields[f].stride(2);
        }
        int kernels = model.kernels().size();
        return new Execution() {
            @Override
            public void refresh() {
                for (int f = 0; f < fields.length; f++) {
                    arrays[f] = fields[f] instanceof DoubleField d ? d.data() : ((FloatField) fields[f]).data();
                }
            }

            @Override
            public void kernel(int index, Box box) {
                compiled.run(index, arrays, scalars, geometry, box.i0(), box.i1(), box.j0(), box.j1(), box.k0(),
                        box.k1());
            }

            @Override
            public double reduce(int index, Box box) {
                refresh();
                return compiled.run(kernels + index, arrays, scalars, geometry, box.i0(), box.i1(), box.j0(), box.j1(),
                        box.k0(), box.k1());
            }
        };
    }
}
