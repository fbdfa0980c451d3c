package dev.stagger.engine.cli;

import dev.stagger.engine.backend.CudaProbe;
import dev.stagger.engine.backend.Devices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stagger backends}: where runs can compute on this machine: the CPU, and the GPUs with the
 * CUDA backend, or what keeps it from running here (what {@code backend: auto} then says as it
 * falls back to the CPU). The cluster doctor runs it on the login node.
 */
@Command(name = "backends", description = "Say where runs can compute here: the CPU, and the GPUs (run.backend cuda)"
        + " or what is missing for them.")
final class BackendsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("cpu: usable, " + Runtime.getRuntime().availableProcessors() + " cores");
        CudaProbe probe = CudaProbe.ofThisMachine();
        List<String> missing = probe.missing();
        if (missing.isEmpty()) {
            Devices devices = probe.devices(new StringBuilder());
            out.println("cuda: usable; each rank takes its node's next device:");
            for (String d : devices.describe()) {
                out.println("  " + d);
            }
        } else {
            out.println("cuda: not usable here (missing: " + String.join("; ", missing)
                    + "); backend auto runs on the CPU, backend cuda stops");
        }
        out.flush();
        return StaggerCli.EXIT_OK;
    }
}
