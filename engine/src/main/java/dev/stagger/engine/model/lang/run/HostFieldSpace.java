package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.model.lang.eval.Reductions;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.launch.RangeKernel;
import dev.stagger.engine.launch.SideHook;
import dev.stagger.engine.model.lang.check.CheckedModel;
import java.util.List;

/**
 * A model's fields in host arrays: kernels go through the run's {@link Launcher} with Chmy's
 * inner/outer split; after the slabs of each dimension the fields the kernel lists under
 * {@code then} get their halos exchanged and their boundary conditions applied (z, y, x).
 */
final class HostFieldSpace implements FieldSpace {
    private final CheckedModel model;
    private final Field[] fields;
    private final FieldBoundaries[] boundaries;
    private final Launcher launcher;
    private final HaloExchange exchange;
    private final Execution execution;
    private final ModelRanges ranges;

    HostFieldSpace(CheckedModel model, Field[] fields, FieldBoundaries[] boundaries, Launcher launcher,
            HaloExchange exchange, Execution execution, ModelRanges ranges) {
        this.model = model;
        this.fields = fields;
        this.boundaries = boundaries;
        this.launcher = launcher;
        this.exchange = exchange;
        this.execution = execution;
        this.ranges = ranges;
    }

    @Override
    public void kernel(int index) {
        CheckedModel.Kernel kernel = model.kernels().get(index);
        Box clip = ranges.range(kernel.range(), kernel.location());
        execution.refresh();
        RangeKernel body = box -> {
            Box b = box.intersect(clip);
            if (!b.isEmpty()) {
                execution.kernel(index, b);
            }
        };
        Field[] then = new Field[kernel.then().size()];
        for (int t = 0; t < then.length; t++) {
            then[t] = fields[kernel.then().get(t)];
        }
        SideHook hook = then.length == 0 ? SideHook.NONE : d -> {
            exchange.exchange(d, then);
            for (int f : kernel.then()) {
                boundaries[f].apply(d);
            }
        };
        if (ranges.fitsOuterWidth()) {
            launcher.launch(ranges.full(), ranges.outerWidth(), body, hook);
        } else {
            launcher.launch(ranges.full(), ranges.dims(), body, hook);
        }
    }

    @Override
    public void swap(int a, int b) {
        fields[a].swapValues(fields[b]);
    }

    @Override
    public void copy(int to, int from) {
        fields[to].copyFrom(fields[from]);
    }

    @Override
    public void boundary(List<Integer> which) {
        Field[] targets = new Field[which.size()];
        for (int t = 0; t < targets.length; t++) {
            targets[t] = fields[which.get(t)];
        }
        for (int d = ranges.dims() - 1; d >= 0; d--) {
            exchange.exchange(d, targets);
            for (int f : which) {
                boundaries[f].apply(d);
            }
        }
    }

    @Override
    public double reduce(int index) {
        CheckedModel.Reduction r = model.reductions().get(index);
        Box box = ranges.reductionRange(r.range(), r.location());
        return box.isEmpty() ? Reductions.initial(r.op()) : execution.reduce(index, box);
    }
}
