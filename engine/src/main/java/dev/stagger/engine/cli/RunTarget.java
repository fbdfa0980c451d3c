package dev.stagger.engine.cli;

import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.RunEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The run a client command talks to, named by its endpoint file or its run (output) directory, or by
 * a run id that a registered {@link RunLocator} claims (cluster runs). A local path wins over a run
 * id of the same spelling.
 */
public final class RunTarget {
    private static final List<RunLocator> LOCATORS = new CopyOnWriteArrayList<>();

    private RunTarget() {}

    /** Lets the commands reach the runs {@code locator} knows (called once by a front end's main). */
    public static void register(RunLocator locator) {
        LOCATORS.add(locator);
    }

    /** Undoes {@link #register} (a front end that is done with its locator). */
    public static void unregister(RunLocator locator) {
        LOCATORS.remove(locator);
    }

    /** A connected client, or null after printing why there is none. */
    static LiveClient connect(String name, PrintWriter err) {
        Path local = Path.of(name);
        if (!Files.exists(local)) {
            for (RunLocator locator : LOCATORS) {
                if (locator.claims(name)) {
                    try {
                        return locator.connect(name, "stagger-cli");
                    } catch (IOException e) {
                        err.println("stagger: " + e.getMessage());
                        return null;
                    }
                }
            }
        }
        return connect(local, err);
    }

    private static LiveClient connect(Path run, PrintWriter err) {
        RunEndpoint endpoint;
        try {
            endpoint = RunEndpoint.read(run);
        } catch (IOException e) {
            err.println("stagger: " + e.getMessage());
            return null;
        }
        try {
            return endpoint.connect("stagger-cli");
        } catch (IOException e) {
            // the message says it all: the run's refusal, or why it did not answer (its recorded end, or
            // whether its process lives); the state file alone would say "running at step 0" of a live run
            err.println("stagger: " + e.getMessage());
            return null;
        }
    }
}
