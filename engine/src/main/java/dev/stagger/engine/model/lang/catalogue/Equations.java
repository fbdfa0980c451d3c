package dev.stagger.engine.model.lang.catalogue;

import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Locations;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import java.util.ArrayList;
import java.util.List;

/** A checked model in words, for {@code stagger models}: its fields with locations, kernels and program. */
public final class Equations {
    private Equations() {}

    public static List<String> lines(CheckedModel model) {
        List<String> out = new ArrayList<>();
        ModelFile file = model.file();
        out.add("fields:");
        for (CheckedModel.Field f : model.fields()) {
            out.add("  " + f.name() + " at " + Locations.describe(f.location())
                    + (f.prognostic() ? ", prognostic" : "") + (f.output() ? "" : ", internal"));
        }
        if (!file.constants().isEmpty()) {
            out.add("constants:");
            file.constants().forEach(c -> out.add("  " + c.name() + " = " + c.expression().text()));
        }
        if (!file.derived().isEmpty()) {
            out.add("derived fields:");
            file.derived().forEach(c -> out.add("  " + c.name() + " = " + c.expression().text()));
        }
        for (ModelFile.Kernel k : file.kernels()) {
            out.add("kernel " + k.name() + " (range " + k.range() + ")" + (k.then().isEmpty() ? ""
                    : ", then halos and boundary conditions of " + String.join(", ", k.then())) + ":");
            k.statements().forEach(s -> out.add("  " + s.text()));
        }
        for (ModelFile.Reduction r : file.reductions()) {
            out.add("reduction " + r.name() + " = " + r.op() + " of " + r.of().text() + " over " + r.range());
        }
        if (!file.init().isEmpty()) {
            out.add("init (once, before the first step):");
            steps(file.init(), "  ", out);
        }
        out.add("step:");
        steps(file.step(), "  ", out);
        out.add("halo width: " + model.halo());
        return out;
    }

    private static void steps(List<ModelFile.Step> steps, String indent, List<String> out) {
        for (ModelFile.Step s : steps) {
            if (s instanceof ModelFile.RunKernel k) {
                out.add(indent + "kernel " + k.kernel());
            } else if (s instanceof ModelFile.Swap w) {
                out.add(indent + "swap " + w.a() + " and " + w.b());
            } else if (s instanceof ModelFile.Copy c) {
                out.add(indent + "copy " + c.from() + " into " + c.to());
            } else if (s instanceof ModelFile.Reduce r) {
                out.add(indent + "reduce " + r.reduction());
            } else if (s instanceof ModelFile.Compute c) {
                out.add(indent + "compute " + c.scalar());
            } else if (s instanceof ModelFile.If f) {
                out.add(indent + "if " + f.condition().text() + ":");
                steps(f.body(), indent + "  ", out);
            } else if (s instanceof ModelFile.Boundary b) {
                out.add(indent + "halos and boundary conditions of " + String.join(", ", b.fields()));
            } else if (s instanceof ModelFile.Loop l) {
                out.add(indent + "loop at most " + l.max().text() + " times, checking every "
                        + (l.checkEvery() == null ? "1" : l.checkEvery().text()) + " until "
                        + String.join(" and ", l.until().stream().map(ModelFile.Text::text).toList()) + ":");
                steps(l.body(), indent + "  ", out);
                if (!l.check().isEmpty()) {
                    out.add(indent + "  at each check:");
                    steps(l.check(), indent + "    ", out);
                }
            }
        }
    }
}
