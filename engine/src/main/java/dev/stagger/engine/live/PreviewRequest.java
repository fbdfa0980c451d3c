package dev.stagger.engine.live;

/**
 * What a client wants to see: a field at most {@code maxWidth} x {@code maxHeight} values, and for a
 * 3D field the slice at grid index {@code sliceIndex} (1-based) across {@code sliceAxis} (0-2;
 * -1 picks z at its middle).
 */
public record PreviewRequest(String field, int maxWidth, int maxHeight, int sliceAxis, int sliceIndex) {

    public static final int MAX_SIDE = 4096;

    public PreviewRequest {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a preview needs a field name");
        }
        if (maxWidth < 1 || maxHeight < 1 || maxWidth > MAX_SIDE || maxHeight > MAX_SIDE) {
            throw new IllegalArgumentException("preview size must be 1.." + MAX_SIDE + " per side, got " + maxWidth + " x "
                    + maxHeight);
        }
        if (sliceAxis < -1 || sliceAxis > 2) {
            throw new IllegalArgumentException("slice axis must be x, y or z, got " + sliceAxis);
        }
    }

    public static PreviewRequest of(String field, int maxWidth, int maxHeight) {
        return new PreviewRequest(field, maxWidth, maxHeight, -1, 0);
    }
}
