package dev.stagger.engine.field;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.util.Arrays;

/** A float64 field; kernels read and write {@link #data()} directly. */
public final class DoubleField extends Field {
    private double[] data;

    public DoubleField(String name, Grid grid, Location[] location, int halo) {
        super(name, grid, location, halo);
        this.data = new double[length()];
    }

    public double[] data() {
        return data;
    }

    @Override
    public Precision precision() {
        return Precision.F64;
    }

    @Override
    public double get(int flat) {
        return data[flat];
    }

    @Override
    public void set(int flat, double value) {
        data[flat] = value;
    }

    @Override
    public void fill(double value) {
        Arrays.fill(data, value);
    }

    @Override
    public void copyFrom(Field other) {
        requireSameShape(other);
        if (other instanceof DoubleField d) {
            System.arraycopy(d.data, 0, data, 0, data.length);
        } else {
            float[] src = ((FloatField) other).data();
            for (int n = 0; n < data.length; n++) {
                data[n] = src[n];
            }
        }
    }

    @Override
    public void swapValues(Field other) {
        requireSameShape(other);
        DoubleField o = (DoubleField) other;
        double[] mine = data;
        data = o.data;
        o.data = mine;
    }

    @Override
    public DoubleField like(String newName) {
        return new DoubleField(newName, grid(), location(), halo());
    }
}
