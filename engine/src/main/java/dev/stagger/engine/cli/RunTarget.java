package dev.stagger.engine.cli;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.live.SocketLiveClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run a client command talks to, named by its endpoint file or its run (output) directory. */
final class RunTarget {
    private RunTarget() {}

    /** A connected client, or null after printing why there is none. */
    static SocketLiveClient connect(Path run, PrintWriter err) {
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
            err.println("stagger: " + e.getMessage());
            Path dir = endpoint.runDirectory();
            if (Files.exists(dir.resolve(RunStateFile.FILE_NAME))) {
                try {
                    RunStateFile state = RunStateFile.read(dir);
                    err.println("stagger: the run's state file says: " + state.state().name().toLowerCase() + " at step "
                            + state.step() + (state.message().isBlank() ? "" : " (" + state.message() + ")"));
                } catch (IOException ignored) {
                    // the message above already says what failed
                }
            }
            return null;
        }
    }
}
