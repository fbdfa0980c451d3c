package dev.stagger.engine.output;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Location;

/**
 * Whether an array in a VTK file holds one value per point (vertex) or per cell. All-Vertex fields
 * are point data; every other field is cell data: all-Center fields as they are, mixed (staggered)
 * fields averaged onto the cell centers, which is what ParaView can show next to the rest.
 */
public enum DataAssociation {
    POINT("PointData"),
    CELL("CellData");

    private final String element;

    DataAssociation(String element) {
        this.element = element;
    }

    /** Element name in a .vti file ("PointData", "CellData"); a .pvti prefixes "P". */
    public String element() {
        return element;
    }

    public static DataAssociation of(Field field) {
        for (Location location : field.location()) {
            if (location != Location.VERTEX) {
                return CELL;
            }
        }
        return POINT;
    }

    /** True when a cell-data field has to be averaged from vertices in at least one dimension. */
    static boolean needsAveraging(Field field) {
        boolean anyVertex = false;
        boolean anyCenter = false;
        for (Location location : field.location()) {
            anyVertex |= location == Location.VERTEX;
            anyCenter |= location == Location.CENTER;
        }
        return anyVertex && anyCenter;
    }
}
