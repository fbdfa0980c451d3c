package dev.stagger.engine.checkpoint;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.output.OutputNaming;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Writes a checkpoint collectively: every rank of {@code comm} calls {@link #write} at the same step
 * with its own block's fields, and every rank returns only when the checkpoint is complete under
 * its final name, or throws when it is not (then no directory of that name was created or
 * replaced).
 *
 * <p>The sequence, with its three collectives (entered by every rank whatever happened before, so a
 * failure on one rank never leaves the others waiting):
 * <ol>
 *   <li>rank 0 removes a stale {@code <dir>.tmp}, creates it; an allReduce(MIN) of its success tells
 *       every rank whether to go on (otherwise all throw);</li>
 *   <li>each rank writes {@code rank_NNNN.bin} into it, computing its CRC32, and forces it to disk;
 *       a failure is caught, not thrown yet; a gather brings (success, CRC32, bytes) to rank 0;</li>
 *   <li>rank 0, if every rank succeeded, writes the manifest, forces it and the directory, renames
 *       {@code <dir>.tmp} to {@code <dir>} (an older {@code <dir>} is first moved aside to
 *       {@code <dir>.old} and removed afterwards) and forces the parent directory; on any failure
 *       it removes {@code <dir>.tmp}. An allReduce(SUM) then tells every rank the outcome: the
 *       first failed rank, or none;</li>
 *   <li>a rank that failed throws its own exception; the others throw an IOException naming the
 *       failed rank; all return the final directory otherwise.</li>
 * </ol>
 * Only the final rename makes the name {@code <name>_ckpt_<step>} appear, and it appears with its
 * manifest, so a directory of that name is always complete. A process killed mid-write leaves at
 * most a {@code .tmp} (or {@code .old}) directory, which readers ignore and the next write of that
 * step removes.
 */
public final class CheckpointWriter {
    private static final int WRITE_BUFFER = 1 << 20;

    private CheckpointWriter() {}

    /**
     * Writes a checkpoint of {@code fields} (this rank's block of {@code decomposition}) at
     * {@code step} and {@code time} to {@code outputDir/<name>_ckpt_<step>}; keeps every older one.
     *
     * @return the checkpoint's directory, on every rank
     */
    public static Path write(Path outputDir, String name, long step, double time, Decomposition decomposition,
            Communicator comm, List<Field> fields, String modelName) throws IOException {
        return write(outputDir, name, step, time, decomposition, comm, fields, modelName, 0);
    }

    /**
     * As {@link #write(Path, String, long, double, Decomposition, Communicator, List, String)}, then
     * removes older checkpoints of {@code name} (lower steps) so that {@code keep} remain, this one
     * included; {@code keep <= 0} keeps all. Checkpoints of higher steps (left by a run that was
     * restarted from an earlier one) are never removed. A failure to remove one is ignored.
     */
    public static Path write(Path outputDir, String name, long step, double time, Decomposition decomposition,
            Communicator comm, List<Field> fields, String modelName, int keep) throws IOException {
        new OutputNaming(name); // the same rules as output file names
        if (comm.size() != decomposition.topology().size()) {
            throw new IllegalArgumentException("the decomposition has " + decomposition.topology().size()
                    + " blocks, the communicator " + comm.size() + " ranks");
        }
        int rank = comm.rank();
        Path finalDir = outputDir.resolve(Checkpoint.directoryName(name, step));
        Path temp = sibling(finalDir, ".tmp");
        Throwable failure = null;

        // 1. rank 0 prepares the temporary directory; everyone learns whether it could
        if (rank == 0) {
            try {
                Files.createDirectories(outputDir);
                deleteTree(temp);
                Files.createDirectory(temp);
            } catch (Throwable e) {
                failure = e;
            }
        }
        if (comm.allReduce(failure == null ? 1 : 0, Communicator.ReduceOp.MIN) == 0) {
            if (failure != null) {
                throw failed(finalDir, rank, failure);
            }
            throw new IOException("checkpoint " + finalDir + " was not written: rank 0 could not create " + temp);
        }

        // 2. every rank writes its file; failures are reported to rank 0, not thrown yet
        double[] report = new double[3];
        try {
            long[] crcAndBytes = writeRankFile(temp.resolve(Manifest.rankFileName(rank)), decomposition, rank, fields);
            report[0] = 1;
            report[1] = crcAndBytes[0];
            report[2] = crcAndBytes[1];
        } catch (Throwable e) {
            failure = e;
        }
        int[] counts = new int[comm.size()];
        Arrays.fill(counts, report.length);
        double[] reports = comm.gather(report, counts, 0);

        // 3. rank 0 completes (or abandons) the checkpoint and tells everyone
        int failedRank = -1;
        if (rank == 0) {
            for (int r = 0; r < comm.size() && failedRank < 0; r++) {
                if (reports[3 * r] != 1) {
                    failedRank = r;
                }
            }
            if (failedRank < 0) {
                try {
                    Manifest manifest = manifest(name, modelName, step, time, decomposition, fields, reports);
                    writeManifest(temp.resolve(Manifest.FILE), manifest);
                    force(temp);
                    moveIntoPlace(temp, finalDir);
                    force(finalDir.toAbsolutePath().getParent());
                } catch (Throwable e) {
                    failure = e;
                    failedRank = 0;
                }
            }
            if (failedRank >= 0) {
                try {
                    deleteTree(temp);
                } catch (IOException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    }
                }
            } else if (keep > 0) {
                prune(outputDir, name, step, keep);
            }
        }
        double outcome = comm.allReduce(rank == 0 ? failedRank : 0, Communicator.ReduceOp.SUM);

        // 4. everyone returns or throws
        if (failure != null) {
            throw failed(finalDir, rank, failure);
        }
        if (outcome >= 0) {
            throw new IOException("checkpoint " + finalDir + " was not written: rank " + (int) outcome
                    + " failed (its own error says why)");
        }
        return finalDir;
    }

    private static Path sibling(Path dir, String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }

    /** This rank's own failure, as it is thrown: I/O failures with the checkpoint named, others unchanged. */
    private static IOException failed(Path finalDir, int rank, Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        IOException e = (IOException) failure;
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        String what = message == null ? kind : e.getClass() == IOException.class ? message : kind + ": " + message;
        return new IOException("cannot write checkpoint " + finalDir + " (rank " + rank + "): " + what, e);
    }

    /** Writes this rank's fields, interiors one after the other; returns {CRC32, bytes}. */
    private static long[] writeRankFile(Path file, Decomposition decomposition, int rank, List<Field> fields)
            throws IOException {
        check(decomposition, rank, fields);
        CRC32 crc = new CRC32();
        long total = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(WRITE_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (Field f : fields) {
                int bytes = f.precision().bytes();
                int nx = f.count(0);
                for (int k = 1; k <= f.count(2); k++) {
                    for (int j = 1; j <= f.count(1); j++) {
                        int row = f.index(1, j, k);
                        int done = 0;
                        while (done < nx) {
                            if (buffer.remaining() < bytes) {
                                total += drain(buffer, ch, crc);
                            }
                            int n = Math.min(nx - done, buffer.remaining() / bytes);
                            if (f instanceof DoubleField df) {
                                buffer.asDoubleBuffer().put(df.data(), row + done, n);
                            } else {
                                buffer.asFloatBuffer().put(((FloatField) f).data(), row + done, n);
                            }
                            buffer.position(buffer.position() + n * bytes);
                            done += n;
                        }
                    }
                }
            }
            total += drain(buffer, ch, crc);
            ch.force(true);
        }
        return new long[] {crc.getValue(), total};
    }

    private static long drain(ByteBuffer buffer, FileChannel ch, CRC32 crc) throws IOException {
        buffer.flip();
        int n = buffer.remaining();
        crc.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            ch.write(buffer);
        }
        buffer.clear();
        return n;
    }

    /** The fields must be this rank's block, of one precision, with distinct names. */
    private static void check(Decomposition decomposition, int rank, List<Field> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint needs at least one field");
        }
        int[] cells = decomposition.cells(rank);
        Precision precision = fields.get(0).precision();
        Set<String> names = new HashSet<>();
        for (Field f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("field " + f.name() + " is given twice for the checkpoint");
            }
            if (f.precision() != precision) {
                throw new IllegalArgumentException("checkpoint fields mix precisions: " + fields.get(0).name() + " is "
                        + precision.label() + ", " + f.name() + " " + f.precision().label());
            }
            if (f.dims() != cells.length) {
                throw new IllegalArgumentException("field " + f.name() + " is " + f.dims() + "D, the grid "
                        + cells.length + "D");
            }
            for (int d = 0; d < cells.length; d++) {
                if (f.count(d) != f.location(d).count(cells[d])) {
                    throw new IllegalArgumentException("field " + f.name() + " is not on rank " + rank + "'s block "
                            + Arrays.toString(cells) + " of " + decomposition);
                }
            }
        }
    }

    private static Manifest manifest(String name, String modelName, long step, double time, Decomposition d,
            List<Field> fields, double[] reports) {
        List<Manifest.FieldEntry> entries = new ArrayList<>();
        for (Field f : fields) {
            entries.add(new Manifest.FieldEntry(f.name(), List.of(f.location())));
        }
        List<Manifest.RankEntry> ranks = new ArrayList<>();
        for (int r = 0; r < d.topology().size(); r++) {
            ranks.add(new Manifest.RankEntry(Manifest.rankFileName(r), d.offset(r), d.cells(r),
                    (long) reports[3 * r + 2], (long) reports[3 * r + 1]));
        }
        Manifest m = new Manifest(name, modelName, step, time, fields.get(0).precision(), d.global().cells(),
                d.topology().dims(), entries, ranks);
        m.origin = new double[d.global().dims()];
        m.extent = new double[d.global().dims()];
        for (int n = 0; n < m.origin.length; n++) {
            m.origin[n] = d.global().axis(n).origin();
            m.extent[n] = d.global().axis(n).extent();
        }
        for (int r = 0; r < ranks.size(); r++) {
            long expected = m.expectedBytes(d.cells(r));
            if (ranks.get(r).bytes() != expected) {
                throw new IllegalStateException("rank " + r + " wrote " + ranks.get(r).bytes() + " bytes, expected "
                        + expected + ": do all ranks pass the same fields?");
            }
        }
        return m;
    }

    private static void writeManifest(Path file, Manifest manifest) throws IOException {
        ByteBuffer content = ByteBuffer.wrap(manifest.text().getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (content.hasRemaining()) {
                ch.write(content);
            }
            ch.force(true);
        }
    }

    /**
     * Renames the complete temporary directory to its final name. A directory cannot atomically
     * replace a non-empty one, so an existing checkpoint of that step is first moved aside (and
     * back if the second rename fails); in between the name is absent, never incomplete.
     */
    private static void moveIntoPlace(Path temp, Path finalDir) throws IOException {
        if (!Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(temp, finalDir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = sibling(finalDir, ".old");
        deleteTree(old);
        Files.move(finalDir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(old, finalDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException back) {
                e.addSuppressed(back);
            }
            throw e;
        }
        try {
            deleteTree(old);
        } catch (IOException ignored) {
            // the new checkpoint is in place; a leftover .old is removed by the next write of this step
        }
    }

    private static void prune(Path outputDir, String name, long step, int keep) {
        try {
            List<Path> older = new ArrayList<>();
            for (Path p : Checkpoint.list(outputDir, name)) {
                if (Checkpoint.stepOfName(p) < step) {
                    older.add(p);
                }
            }
            for (int n = 0; n < older.size() - (keep - 1); n++) {
                // make it incomplete first: a reader never sees a half-deleted checkpoint as complete
                Path doomed = sibling(older.get(n), ".old");
                deleteTree(doomed);
                Files.move(older.get(n), doomed, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(doomed);
            }
        } catch (IOException | RuntimeException ignored) {
            // pruning is housekeeping: the new checkpoint is complete whatever happens here
        }
    }

    /** Forces a directory's entries to disk where the platform allows it (Linux does). */
    private static void force(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every platform can open a directory; the rename is still atomic
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
