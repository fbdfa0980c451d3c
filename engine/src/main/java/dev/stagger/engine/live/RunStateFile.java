package dev.stagger.engine.live;

import dev.stagger.engine.output.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The run directory's record of how the run stands ({@value #FILE_NAME}): written when it starts
 * and when it ends, so a client finds out what happened to a run whose server is gone.
 */
public record RunStateFile(RunState state, long step, double time, Instant updated, String message) {

    public static final String FILE_NAME = "stagger-run.state";

    public void write(Path runDirectory) throws IOException {
        String text = "# Stagger run state\nstate=" + state.name().toLowerCase() + "\nstep=" + step + "\ntime=" + time
                + "\nupdated=" + updated + "\nmessage=" + message.replace("\n", " ") + "\n";
        AtomicFile.write(runDirectory.resolve(FILE_NAME), text.getBytes(StandardCharsets.UTF_8));
    }

    public static RunStateFile read(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(FILE_NAME);
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        try {
            return new RunStateFile(RunState.valueOf(p.getProperty("state", "").toUpperCase()),
                    Long.parseLong(p.getProperty("step", "0")), Double.parseDouble(p.getProperty("time", "0")),
                    Instant.parse(p.getProperty("updated")), p.getProperty("message", ""));
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed run state file: " + e.getMessage());
        }
    }
}
