package dev.stagger.engine.yaml;

import dev.stagger.engine.output.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;

/**
 * A text file the user owns and Stagger rewrites (a project, a cluster profile): read together with
 * a fingerprint of what was read, so that a later save can tell whether someone else changed the
 * file in the meantime; written atomically through {@link AtomicFile}, keeping the file's
 * permissions, and through a symbolic link rather than replacing it (dotfiles kept elsewhere).
 */
public final class UserFile {
    /** What a file held when it was read: its text and the SHA-256 of its bytes. */
    public record Snapshot(Path file, String text, byte[] sha256) {
        public Snapshot {
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        /** True when the file on disk now differs from this snapshot (removed, or other bytes). */
        public boolean changedOnDisk() throws IOException {
            byte[] now;
            try {
                now = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return true;
            }
            return !Arrays.equals(sha256, digest(now));
        }
    }

    /** The file changed on disk since it was read: saving now would lose someone else's changes. */
    public static final class ChangedOnDiskException extends IOException {
        private final Path file;

        public ChangedOnDiskException(Path file) {
            super(file.getFileName() + " changed on disk since it was opened: save again to overwrite it, or open it again to load that version");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    private UserFile() {}

    /** Reads {@code file} as UTF-8 text with its fingerprint. */
    public static Snapshot read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
        return new Snapshot(file, text, digest(bytes));
    }

    /**
     * Writes {@code text} to {@code file} atomically. An existing file keeps its permissions (a new
     * one gets the umask's); a symbolic link keeps pointing where it did and its target is written.
     * Returns the snapshot of what is now on disk.
     */
    public static Snapshot write(Path file, String text) throws IOException {
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Set<PosixFilePermission> keep = null;
        if (Files.exists(target) && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            keep = Files.getPosixFilePermissions(target);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }, keep);
        return new Snapshot(file, text, digest(bytes));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
