package dev.stagger.engine.field;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.util.Arrays;

/** A float32 field; half the memory traffic of float64, kernels read {@link #data()} directly. */
public final class FloatField extends Field {
    private float[] data;

    public FloatField(String name, Grid grid, Location[] location, int halo) {
        super(name, grid, location, halo);
        this.data = new float[length()];
    }

    public float[] data() {
        return data;
    }

    @Override
    public Precision precision() {
        return Precision.F32;
    }

    @Override
    public double get(int flat) {
        return data[flat];
    }

    @Override
    public void set(int flat, double value) {
        data[flat] = (float) value;
    }

    @Override
    public void fill(double value) {
        Arrays.fill(data, (float) value);
    }

    @Override
    public void copyFrom(Field other) {
        requireSameShape(other);
        if (other instanceof FloatField f) {
            System.arraycopy(f.data, 0, data, 0, data.length);
        } else {
            double[] src = ((DoubleField) other).data();
            for (int n = 0; n < data.length; n++) {
                data[n] = (float) src[n];
            }
        }
    }

    @Override
    public void swapValues(Field other) {
        requireSameShape(other);
        FloatField o = (FloatField) other;
        float[] mine = data;
        data = o.data;
        o.data = mine;
    }

    @Override
    public FloatField like(String newName) {
        return new FloatField(newName, grid(), location(), halo());
    }
}
