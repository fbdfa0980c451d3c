package dev.stagger.remote.cli;

import dev.stagger.engine.cli.RunLocator;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.remote.job.RunId;
import java.io.IOException;

/** Lets {@code attach}, {@code preview}, {@code pause} ... take cluster run ids: their live server through the tunnel. */
final class ClusterRunLocator implements RunLocator {
    private final ClusterContext context;

    ClusterRunLocator(ClusterContext context) {
        this.context = context;
    }

    @Override
    public boolean claims(String name) {
        RunId id = RunId.parse(name);
        return id != null && context.profiles().exists(id.cluster());
    }

    @Override
    public LiveClient connect(String name, String clientName) throws IOException {
        RunId id = RunId.parse(name);
        return context.runs(id).live(id, clientName);
    }
}
