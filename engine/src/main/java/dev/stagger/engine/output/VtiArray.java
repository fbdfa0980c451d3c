package dev.stagger.engine.output;

/**
 * One data array read from a .vti: its VTK type ("Float32", "Float64", ...), components per tuple
 * and values widened to double (exact for Float32). {@code values} is not copied: arrays are large.
 */
public record VtiArray(String name, String vtkType, int components, double[] values) {}
