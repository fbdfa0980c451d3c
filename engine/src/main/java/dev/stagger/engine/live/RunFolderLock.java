package dev.stagger.engine.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One live run per output folder: an OS lock on the folder's {@value #FILE_NAME}, held for as long
 * as the run lasts. The operating system drops the lock when its holder dies, however it dies, so a
 * killed run never leaves a stale lock behind; the file's text only names the holder for whoever is
 * refused. The file itself is never deleted: a run that deleted it on its way out could let two
 * later runs lock two different files of the same name and both win.
 */
public final class RunFolderLock implements AutoCloseable {
    public static final String FILE_NAME = "stagger-run.lock";

    /**
     * The pid of a process that holds the lock for a whole MPI job (the {@code --ranks} parent): rank 0
     * of that job runs under it and must not try to take the lock a second time.
     */
    public static final String HOLDER_ENV = "STAGGER_RUN_LOCK_HOLDER";

    /** How long a refused run waits for the winner to write its name into the lock file. */
    private static final long HOLDER_TEXT_WAIT_MILLIS = 500;

    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another live run holds the folder; {@link #holder()} says who, as far as is known. */
    public static final class BusyException extends IOException {
        private final String holder;

        BusyException(Path folder, String holder) {
            super(folder + " already has a live run (" + holder + ")");
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }
    }

    /**
     * Creates {@code folder} if needed and locks it for this process, writing {@code holder} (who
     * runs, e.g. "pid 12, started ..., project x.yaml") into the lock file.
     *
     * @throws BusyException when another run holds the lock (in this JVM or another process)
     */
    public static RunFolderLock acquire(Path folder, String holder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new BusyException(folder, holderOf(file));
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new RunFolderLock(channel, lock);
    }

    /** The holder's own words; the winner of a simultaneous start writes them a moment after locking. */
    private static String holderOf(Path file) {
        long deadline = System.currentTimeMillis() + HOLDER_TEXT_WAIT_MILLIS;
        while (true) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!text.isEmpty() || System.currentTimeMillis() > deadline) {
                    return text.isEmpty() ? "a run that has not named itself yet" : text;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                return "a run whose lock file cannot be read: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "a run that has not named itself yet";
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
