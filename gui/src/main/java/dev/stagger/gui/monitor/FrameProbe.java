package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.engine.live.Preview;
import java.util.Arrays;

/** Reads the value under the pointer: which raster point of a frame holds physical coordinates. */
final class FrameProbe {
    private FrameProbe() {}

    /** The raster value whose bin holds (x, y) (y ignored for a 1D field); NaN outside or with no frame. */
    static double valueAt(Frame f, double x, double y) {
        if (f == null) {
            return Double.NaN;
        }
        Preview p = f.preview();
        int i = bin(p.x(), x);
        int j = p.isLine() ? 0 : bin(p.y(), y);
        if (i < 0 || j < 0) {
            return Double.NaN;
        }
        return p.value(i, j);
    }

    /** The index of the raster point nearest {@code v} among increasing centres {@code c}, -1 beyond half a bin outside. */
    static int bin(double[] c, double v) {
        int n = c.length;
        if (n == 1) {
            return 0;
        }
        double lo = c[0] - (c[1] - c[0]) / 2;
        double hi = c[n - 1] + (c[n - 1] - c[n - 2]) / 2;
        if (!(v >= lo && v <= hi)) {
            return -1;
        }
        int k = Arrays.binarySearch(c, v);
        if (k >= 0) {
            return k;
        }
        int after = -k - 1;
        if (after == 0) {
            return 0;
        }
        if (after == n) {
            return n - 1;
        }
        return v - c[after - 1] <= c[after] - v ? after - 1 : after;
    }
}
