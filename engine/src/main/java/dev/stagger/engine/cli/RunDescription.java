package dev.stagger.engine.cli;

import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.run.RunPlan;
import java.util.Locale;
import java.util.StringJoiner;

/** A short human description of a run plan, for {@code validate} and the start of {@code run}. */
final class RunDescription {
    private RunDescription() {}

    static String of(RunPlan plan) {
        Grid g = plan.grid();
        StringJoiner cells = new StringJoiner(" x ");
        StringJoiner domain = new StringJoiner(" x ");
        for (int d = 0; d < g.dims(); d++) {
            cells.add(Integer.toString(g.cells(d)));
            domain.add(String.format(Locale.ROOT, "%s[%.4g, %.4g]%s", Dimension.name(d), g.axis(d).origin(),
                    g.axis(d).end(), g.periodic(d) ? " periodic" : ""));
        }
        String length = plan.endTime() > 0
                ? String.format(Locale.ROOT, "to t = %.6g (%d steps)", plan.endTime(), plan.totalSteps())
                : plan.totalSteps() + " steps";
        String outputs = plan.outputEvery() > 0 ? "output every " + plan.outputEvery() + " steps" : "output at the end";
        return String.format(Locale.ROOT, "  %s: %s, %dD, %s cells on %s%n  %s, %s, %s, %d thread(s); fields %s",
                plan.title(), plan.model().description().title(), g.dims(), cells, domain, length,
                plan.precision().label(), outputs, plan.threads(), plan.outputFields());
    }
}
