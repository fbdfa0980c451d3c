package dev.stagger.engine.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers only ever see the old complete version or the new complete one:
 * the content goes to a hidden temporary file in the same directory (so the final rename stays on
 * one file system and can be atomic), is forced to disk, then renamed over the target. A run that
 * is killed mid-write leaves the previous file intact and at worst a stray {@code .*.tmp} file.
 */
public final class AtomicFile {

    /** Produces the content of a file through an open channel. */
    @FunctionalInterface
    public interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code target} atomically. Failures surface as an {@link IOException} naming the target
     * and what failed; a body's unchecked exception propagates unchanged. The temporary file is
     * removed on every failure.
     */
    public static void write(Path target, Body body) throws IOException {
        write(target, body, null);
    }

    /**
     * Writes {@code target} atomically with these POSIX permissions, set when the temporary file is
     * created, so the content is never readable by others, not even for a moment (endpoint files
     * carry secrets). Where POSIX permissions do not exist the file gets the default ones.
     */
    public static void write(Path target, Body body, java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = createTemp(absolute, directory, permissions);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                body.writeTo(channel);
                // without this, a power loss after the rename can leave an empty file on some file systems
                channel.force(false);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            IOException failure = new IOException("cannot write " + target + ": " + describe(e), e);
            deleteTemp(temp, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            deleteTemp(temp, e);
            throw e;
        }
    }

    /** Writes small content, such as an XML index file, atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /**
     * Creates the temporary file with CREATE_NEW rather than Files.createTempFile, which would give
     * it (and so the final output) mode 0600 instead of the user's umask: outputs on a cluster are
     * often read by a group.
     */
    private static Path createTemp(Path target, Path directory,
            java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions) throws IOException {
        boolean posix = permissions != null
                && directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        IOException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path temp = directory.resolve("." + target.getFileName() + "." + suffix + ".tmp");
            try {
                if (posix) {
                    Files.newByteChannel(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(permissions)).close();
                    // the umask may have removed bits we asked for; never added any
                    Files.setPosixFilePermissions(temp, permissions);
                } else {
                    Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                }
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                last = e;
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": cannot create a temporary file in "
                        + directory + " (" + describe(e) + ")", e);
            }
        }
        throw new IOException("cannot write " + target + ": no free temporary file name in " + directory, last);
    }

    private static void deleteTemp(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(new IOException("could not remove temporary file " + temp, e));
        }
    }

    /** NIO exceptions often carry only a path as message; say what kind of failure it was. */
    static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + message;
    }
}
