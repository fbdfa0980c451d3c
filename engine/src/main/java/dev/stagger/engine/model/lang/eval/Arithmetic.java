package dev.stagger.engine.model.lang.eval;

/**
 * The arithmetic both the reference evaluator and the generated code use where Java has no single
 * operator: integer powers as Julia computes them ({@code x^2 = x*x}, {@code x^3 = (x*x)*x}, higher
 * powers by squaring as in {@code Base.power_by_squaring}).
 */
public final class Arithmetic {
    private Arithmetic() {}

    public static double pow(double x, int n) {
        if (n == 1) {
            return x;
        }
        if (n == 2) {
            return x * x;
        }
        if (n == 3) {
            return x * x * x;
        }
        int p = n;
        int t = Integer.numberOfTrailingZeros(p) + 1;
        p >>>= t;
        while (--t > 0) {
            x *= x;
        }
        double y = x;
        while (p > 0) {
            t = Integer.numberOfTrailingZeros(p) + 1;
            p >>>= t;
            while (--t >= 0) {
                x *= x;
            }
            y *= x;
        }
        return y;
    }

    public static float pow(float x, int n) {
        if (n == 1) {
            return x;
        }
        if (n == 2) {
            return x * x;
        }
        if (n == 3) {
            return x * x * x;
        }
        int p = n;
        int t = Integer.numberOfTrailingZeros(p) + 1;
        p >>>= t;
        while (--t > 0) {
            x *= x;
        }
        float y = x;
        while (p > 0) {
            t = Integer.numberOfTrailingZeros(p) + 1;
            p >>>= t;
            while (--t >= 0) {
                x *= x;
            }
            y *= x;
        }
        return y;
    }

    /** The Java source of {@link #pow(double, int)} for the generated classes (which see only the JDK). */
    public static String source(String type) {
        return """
                    private static TYPE pow(TYPE x, int n) {
                        if (n == 1) {
                            return x;
                        }
                        if (n == 2) {
                            return x * x;
                        }
                        if (n == 3) {
                            return x * x * x;
                        }
                        int p = n;
                        int t = Integer.numberOfTrailingZeros(p) + 1;
                        p >>>= t;
                        while (--t > 0) {
                            x *= x;
                        }
                        TYPE y = x;
                        while (p > 0) {
                            t = Integer.numberOfTrailingZeros(p) + 1;
                            p >>>= t;
                            while (--t >= 0) {
                                x *= x;
                            }
                            y *= x;
                        }
                        return y;
                    }
                """.replace("TYPE", type);
    }
}
