package dev.stagger.engine.field;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.util.List;

/** A vector field: component d sits on Vertex in dimension d and on Center in the others (a flux). */
public record VectorField(String name, List<Field> components) {

    public VectorField {
        components = List.copyOf(components);
    }

    public static VectorField create(String name, Grid grid, int halo, Precision precision) {
        Field[] parts = new Field[grid.dims()];
        for (int d = 0; d < grid.dims(); d++) {
            Location[] loc = Location.all(Location.CENTER, grid.dims());
            loc[d] = Location.VERTEX;
            parts[d] = Field.create(name + "." + "xyz".charAt(d), grid, loc, halo, precision);
        }
        return new VectorField(name, List.of(parts));
    }

    public Field component(int d) {
        return components.get(d);
    }

    public int dims() {
        return components.size();
    }
}
