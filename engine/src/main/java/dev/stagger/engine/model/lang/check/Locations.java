package dev.stagger.engine.model.lang.check;

import dev.stagger.engine.grid.Location;

/**
 * Locations as the checker handles them: one letter per dimension, C (center) or V (vertex), e.g.
 * "VC" for the x component of a 2D vector; null for a value that is the same everywhere (numbers,
 * parameters), which combines with any location.
 */
public final class Locations {
    private Locations() {}

    public static String flip(String loc, int d) {
        char c = loc.charAt(d) == 'C' ? 'V' : 'C';
        return loc.substring(0, d) + c + loc.substring(d + 1);
    }

    public static String describe(String loc) {
        if (loc == null) {
            return "(everywhere)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int d = 0; d < loc.length(); d++) {
            s.append(d == 0 ? "" : ", ").append(loc.charAt(d) == 'C' ? "Center" : "Vertex");
        }
        return s.append(")").toString();
    }

    public static Location[] toLocations(String loc) {
        Location[] result = new Location[loc.length()];
        for (int d = 0; d < loc.length(); d++) {
            result[d] = loc.charAt(d) == 'C' ? Location.CENTER : Location.VERTEX;
        }
        return result;
    }

    public static String all(char c, int dims) {
        return String.valueOf(c).repeat(dims);
    }
}
