package dev.stagger.engine.backend;

import java.util.List;

/**
 * The backend a run gets for the one it asked for: {@code cpu} is always granted; {@code cuda}
 * is granted or refused with what is missing; {@code auto} takes the GPU when it can and falls back
 * to the CPU with a notice that says why (to be shown, never swallowed).
 *
 * @param used the backend the run computes on
 * @param notice what to tell the user about the choice, or null
 * @param devices the GPUs a {@code cuda} run opens its ranks' devices on; null for the CPU
 */
public record BackendChoice(Backend used, String notice, Devices devices) {

    /** The CPU, as asked for or as the fallback of {@code auto} (with its notice). */
    public static BackendChoice cpu(String notice) {
        return new BackendChoice(Backend.CPU, notice, null);
    }

    /** {@code cuda} asked for and not usable: the message names everything missing. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message) {
            super(message);
        }
    }

    public static BackendChoice resolve(Backend requested, CudaProbe probe) throws UnavailableException {
        if (requested == Backend.CPU) {
            return cpu(null);
        }
        List<String> missing = probe.missing();
        if (missing.isEmpty()) {
            return new BackendChoice(Backend.CUDA, null, probe.devices(new StringBuilder()));
        }
        if (requested == Backend.CUDA) {
            throw new UnavailableException("backend cuda cannot run here; missing: " + String.join("; ", missing)
                    + ". Use backend cpu (or auto, which falls back to the CPU).");
        }
        return cpu("backend auto: no usable GPU (missing: " + String.join("; ", missing)
                + "); running on the CPU");
    }
}
