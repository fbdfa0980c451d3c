package dev.stagger.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NonFiniteScanTest {
    private static final Grid GRID = Grid.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new int[] {5, 4, 3});

    private static Field field(Precision precision) {
        Field f = Field.create("C", GRID, new Location[] {Location.CENTER, Location.VERTEX, Location.CENTER}, 1,
                precision);
        // the largest finite values are numbers too
        f.fill(precision == Precision.F64 ? Double.MAX_VALUE : Float.MAX_VALUE);
        return f;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void finiteValuesHowEverLargeAreFine(Precision precision) {
        assertThat(NonFiniteScan.first(field(precision))).isNull();
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void theHaloIsNotTheFieldsValue(Precision precision) {
        Field f = field(precision);
        f.set(f.index(0, 1, 1), Double.NaN);
        f.set(f.index(6, 5, 4), Double.POSITIVE_INFINITY);
        assertThat(NonFiniteScan.first(f)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void theFirstInStorageOrderIsFoundWhateverItIs(Precision precision) {
        Field f = field(precision);
        f.set(f.index(2, 5, 3), Double.NaN);
        f.set(f.index(4, 2, 2), Double.NEGATIVE_INFINITY);
        assertThat(NonFiniteScan.first(f)).containsExactly(4, 2, 2);
        f.set(f.index(5, 1, 2), Double.POSITIVE_INFINITY);
        assertThat(NonFiniteScan.first(f)).containsExactly(5, 1, 2);
        f.set(f.index(1, 1, 1), Double.NaN);
        assertThat(NonFiniteScan.first(f)).containsExactly(1, 1, 1);
    }
}
