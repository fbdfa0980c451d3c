package dev.stagger.engine.live;

import dev.stagger.engine.output.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;

/**
 * Where a run's live server listens and the token to present: the run directory's endpoint file
 * ({@value #FILE_NAME}), readable by its owner only, because whoever reads it can control the run.
 */
public record RunEndpoint(String host, int port, String token, int protocol, long pid, Instant started,
        String runName, Path runDirectory) {

    public static final String FILE_NAME = "stagger-run.endpoint";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Writes the endpoint file atomically, owner-only from the first byte. */
    public void write() throws IOException {
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("token", token);
        p.setProperty("protocol", Integer.toString(protocol));
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("started", started.toString());
        p.setProperty("run", runName);
        StringBuilder text = new StringBuilder("# Stagger live-run endpoint: keep it private, it controls the run\n");
        for (String key : new String[] {"host", "port", "token", "protocol", "pid", "started", "run"}) {
            text.append(key).append('=').append(p.getProperty(key).replace("\\", "\\\\")).append('\n');
        }
        Path file = runDirectory.resolve(FILE_NAME);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, channel -> channel.write(java.nio.ByteBuffer.wrap(bytes)), OWNER_ONLY);
    }

    /** The endpoint in a file, or in the endpoint file of a run directory. */
    public static RunEndpoint read(Path fileOrDirectory) throws IOException {
        Path file = Files.isDirectory(fileOrDirectory) ? fileOrDirectory.resolve(FILE_NAME) : fileOrDirectory;
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no endpoint file (is this a run directory, and has the run started?)");
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        try {
            return new RunEndpoint(required(p, "host", file), Integer.parseInt(required(p, "port", file)),
                    required(p, "token", file), Integer.parseInt(required(p, "protocol", file)),
                    Long.parseLong(required(p, "pid", file)), Instant.parse(required(p, "started", file)),
                    required(p, "run", file), file.toAbsolutePath().getParent());
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IOException(file + ": malformed endpoint file: " + e.getMessage());
        }
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IOException(file + ": the endpoint file has no '" + key + "'");
        }
        return v.trim();
    }

    /**
     * Connects to the run this endpoint names. A refusal is the run's own answer and comes back as
     * it is; a server that does not answer is explained with what is known for sure (the recorded
     * end of the run, or whether its process is alive).
     */
    public SocketLiveClient connect(String clientName) throws IOException {
        try {
            return SocketLiveClient.connect(host, port, token, clientName);
        } catch (LiveRefusedException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(NotAnswering.explain(this, e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }
}
