package dev.stagger.engine.cli;

import dev.stagger.engine.live.LiveClient;
import java.io.IOException;

/**
 * Finds runs that are not local folders: the remote module registers one that takes cluster run ids
 * ({@code hpc1/diffusion-2d-20261129-1652-7f3a}) and reaches their live server through an SSH
 * tunnel. The engine knows nothing of SSH; it asks the locators it was given, in order.
 */
public interface RunLocator {

    /** Whether {@code name} is one of this locator's runs (a run id), without connecting. */
    boolean claims(String name);

    /**
     * A connected client of the run so named.
     *
     * @throws IOException with a message for the user when the run cannot be reached
     */
    LiveClient connect(String name, String clientName) throws IOException;
}
