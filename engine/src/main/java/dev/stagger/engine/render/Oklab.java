package dev.stagger.engine.render;

/**
 * Björn Ottosson's Oklab (2020): a perceptual colour space whose L tracks lightness and whose a
 * (green-red) and b (blue-yellow) axes are opponent colours, with the sRGB matrices he published.
 * Used to derive colour maps by interpolating in a space where equal steps look equal, rather
 * than copying other programs' tables. Channels are in [0, 1]; sRGB values outside it mean the
 * colour is outside the sRGB gamut.
 */
final class Oklab {
    private Oklab() {}

    /** {L, a, b} of the sRGB colour (gamma-encoded channels in [0, 1]). */
    static double[] fromSrgb(double r, double g, double b) {
        double lr = toLinear(r);
        double lg = toLinear(g);
        double lb = toLinear(b);
        double l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
        double m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
        double s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
        return new double[] {
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
    }

    /** The gamma-encoded sRGB {r, g, b} of an Oklab colour; channels outside [0, 1] are out of gamut. */
    static double[] toSrgb(double lightness, double a, double b) {
        double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
        double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
        double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
        return new double[] {
            fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
            fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
            fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s)};
    }

    /** Whether every channel is within [0, 1], allowing for rounding to 8 bits. */
    static boolean inGamut(double[] rgb) {
        for (double c : rgb) {
            if (!(c >= -0.5 / 255 && c <= 1 + 0.5 / 255)) {
                return false;
            }
        }
        return true;
    }

    private static double cube(double v) {
        return v * v * v;
    }

    static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The sRGB transfer curve, odd-extended so that out-of-gamut (negative) values stay visible as such. */
    static double fromLinear(double c) {
        double a = Math.abs(c);
        double e = a <= 0.0031308 ? 12.92 * a : 1.055 * Math.pow(a, 1 / 2.4) - 0.055;
        return Math.copySign(e, c);
    }
}
