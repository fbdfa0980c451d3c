package dev.stagger.engine.launch;

/** The serial reference path: the whole box on the calling thread. Tests compare everything with it. */
public final class SerialExecutor implements KernelExecutor {
    @Override
    public void run(Box box, RangeKernel kernel) {
        if (!box.isEmpty()) {
            kernel.run(box);
        }
    }

    @Override
    public int threads() {
        return 1;
    }
}
