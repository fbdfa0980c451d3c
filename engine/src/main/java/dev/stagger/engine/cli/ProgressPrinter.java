package dev.stagger.engine.cli;

import dev.stagger.engine.run.Progress;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.Units;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The CLI's progress: on a terminal a bar redrawn in place at most ten times a second; in a log
 * (no terminal) one line per tenth of the run, so a batch log stays readable.
 */
final class ProgressPrinter implements RunListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean lineMode;
    private final boolean silent;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean drawn;

    ProgressPrinter(PrintWriter err, boolean lineMode, boolean silent) {
        this(err, lineMode, silent, 10);
    }

    /** @param linesPerRun in line mode, how many lines the whole run prints (10; 100 with --verbose) */
    ProgressPrinter(PrintWriter err, boolean lineMode, boolean silent, int linesPerRun) {
        this.err = err;
        this.lineMode = lineMode;
        this.silent = silent;
        this.linesPerRun = linesPerRun;
    }

    private final int linesPerRun;

    @Override
    public void started(RunPlan plan, long totalSteps) {
        lastDraw = System.nanoTime();
    }

    @Override
    public void stepped(Progress p) {
        if (silent) {
            return;
        }
        if (lineMode) {
            int tenth = (int) Math.floor(p.fraction() * linesPerRun);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(text(p));
                err.flush();
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || p.step() == p.totalSteps()) {
            lastDraw = now;
            int filled = (int) Math.round(p.fraction() * BAR_WIDTH);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + text(p) + "   ");
            err.flush();
            drawn = true;
        }
    }

    private static String text(Progress p) {
        double eta = p.step() > 0 ? p.wallSeconds() / p.step() * (p.totalSteps() - p.step()) : 0;
        return String.format(Locale.ROOT, "%3.0f%%  step %d/%d  t = %.4g  %scells/s  ETA %.0f s", p.fraction() * 100,
                p.step(), p.totalSteps(), p.time(), Units.si(p.cellUpdatesPerSecond()), eta);
    }

    /** Ends the bar's line so the summary starts on its own. */
    void clear() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
