package dev.stagger.engine.field;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A symmetric tensor field as Stokes solvers stagger it: diagonal components (xx, yy, zz) on
 * centers, off-diagonal component ab on Vertex in dims a and b and Center elsewhere (2D: xy at (V,V)).
 */
public record TensorField(String name, Map<String, Field> components) {

    public TensorField {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public static TensorField create(String name, Grid grid, int halo, Precision precision) {
        int n = grid.dims();
        String axes = "xyz";
        Map<String, Field> parts = new LinkedHashMap<>();
        for (int a = 0; a < n; a++) {
            String key = "" + axes.charAt(a) + axes.charAt(a);
            parts.put(key, Field.create(name + "." + key, grid, Location.all(Location.CENTER, n), halo, precision));
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                Location[] loc = Location.all(Location.CENTER, n);
                loc[a] = Location.VERTEX;
                loc[b] = Location.VERTEX;
                String key = "" + axes.charAt(a) + axes.charAt(b);
                parts.put(key, Field.create(name + "." + key, grid, loc, halo, precision));
            }
        }
        return new TensorField(name, parts);
    }

    public Field component(String key) {
        Field f = components.get(key);
        if (f == null) {
            throw new IllegalArgumentException("tensor " + name + " has no component " + key);
        }
        return f;
    }
}
