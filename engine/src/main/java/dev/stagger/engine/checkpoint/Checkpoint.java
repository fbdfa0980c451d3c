package dev.stagger.engine.checkpoint;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A checkpoint opened for reading (the format is described in the package documentation).
 * {@link #open(Path)} reads and checks the manifest and that every rank file is there with its
 * size; a rank file's CRC32 is checked the first time {@link #readInto} needs it (or by
 * {@link #verify()} for all of them), so a restart on R ranks reads each file about once.
 *
 * <p>{@link #readInto} fills one rank's block from whichever rank files overlap it: a restart on the
 * same layout reads its own file, on another rank count or layout it reads the pieces it needs.
 * A Vertex point on the boundary between two blocks is stored by both; it is read from the block
 * with the lower offset there, so every point has exactly one source. Instances are safe for use
 * by several threads.
 */
public final class Checkpoint {
    /** The name of the manifest inside a checkpoint directory. */
    public static final String MANIFEST = Manifest.FILE;
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = Manifest.VERSION;

    private static final int READ_CHUNK = 8 << 20;

    /** A saved field: its model name and location per dimension (x first). */
    public record FieldInfo(String name, List<Location> location) {}

    private final Path dir;
    private final Manifest manifest;
    private final Set<Integer> verified = ConcurrentHashMap.newKeySet();

    private Checkpoint(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Opens the checkpoint in {@code dir}.
     *
     * @throws IOException naming the directory, file and key when the manifest is missing or
     *     damaged, has another format version, or a rank file is missing or has the wrong size
     */
    public static Checkpoint open(Path dir) throws IOException {
        Manifest m = Manifest.read(dir);
        for (Manifest.RankEntry e : m.rankFiles) {
            Path file = dir.resolve(e.file());
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException ex) {
                throw new IOException("checkpoint " + dir + " is damaged: " + e.file() + " is missing", ex);
            }
            if (size != e.bytes()) {
                throw new IOException("checkpoint " + dir + " is damaged: " + e.file() + " has " + size
                        + " bytes, the manifest says " + e.bytes());
            }
        }
        return new Checkpoint(dir, m);
    }

    /** {@code <name>_ckpt_<step, 6 digits or more>}: the directory name of a checkpoint. */
    public static String directoryName(String name, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("negative step " + step);
        }
        return name + String.format(Locale.ROOT, "_ckpt_%06d", step);
    }

    /**
     * The complete checkpoints of {@code name} in {@code outputDir} (directories named like
     * {@link #directoryName} holding a manifest), by increasing step; empty if there are none.
     * Temporary directories of interrupted writes are not listed.
     */
    public static List<Path> list(Path outputDir, String name) throws IOException {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        Pattern pattern = Pattern.compile(Pattern.quote(name) + "_ckpt_(\\d{6,})");
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(outputDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p.resolve(MANIFEST))) {
                    found.add(p);
                }
            }
        }
        found.sort(Comparator.comparingLong(Checkpoint::stepOfName));
        return found;
    }

    /** The complete checkpoint of {@code name} with the highest step in {@code outputDir}, if any. */
    public static Optional<Path> latest(Path outputDir, String name) throws IOException {
        List<Path> all = list(outputDir, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    static long stepOfName(Path p) {
        String n = p.getFileName().toString();
        String digits = n.substring(n.lastIndexOf('_') + 1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    public Path directory() {
        return dir;
    }

    public String projectName() {
        return manifest.project;
    }

    public String modelName() {
        return manifest.model;
    }

    public long step() {
        return manifest.step;
    }

    /** The simulated time reached, exactly as it was (a double survives its decimal text in Java). */
    public double time() {
        return manifest.time;
    }

    /**
     * Whether the manifest carries its own checksum ({@code manifest_sha256}); a checkpoint of an
     * older Stagger has none, so its step, time and names cannot be checked (its rank files can).
     */
    public boolean manifestChecksummed() {
        return manifest.checksummed;
    }

    public Precision precision() {
        return manifest.precision;
    }

    public int dims() {
        return manifest.dims();
    }

    /** Global cells per dimension. */
    public int[] cells() {
        return manifest.cells.clone();
    }

    /** The rank layout it was written with: ranks per dimension. */
    public int[] ranks() {
        return manifest.ranks.clone();
    }

    public int rankCount() {
        return manifest.rankFiles.size();
    }

    public List<FieldInfo> fields() {
        List<FieldInfo> out = new ArrayList<>();
        for (Manifest.FieldEntry f : manifest.fields) {
            out.add(new FieldInfo(f.name(), f.location()));
        }
        return out;
    }

    /** Whether a field of this name was saved. */
    public boolean hasField(String name) {
        return entry(name) >= 0;
    }

    /**
     * Checks that this checkpoint fits a run of {@code modelName} at {@code precision} on
     * {@code globalGrid}, before any rank starts; all problems in one message.
     */
    public void requireCompatible(Grid globalGrid, Precision precision, String modelName)
            throws CheckpointMismatchException {
        requireCompatible(globalGrid, precision, modelName, List.of());
    }

    /**
     * Checks that this checkpoint fits a run of {@code modelName} at {@code precision} on
     * {@code globalGrid} (cells, and origin and extent where the checkpoint records them) that reads
     * {@code needed} from it (name and location), before any rank starts; all problems in one
     * message. The rank count and layout may differ, and so may the project's name.
     */
    public void requireCompatible(Grid globalGrid, Precision precision, String modelName, List<FieldInfo> needed)
            throws CheckpointMismatchException {
        List<String> problems = new ArrayList<>();
        if (!manifest.model.equals(modelName)) {
            problems.add("it is of model " + manifest.model + ", the project's model is " + modelName);
        }
        if (!Arrays.equals(manifest.cells, globalGrid.cells())) {
            problems.add("its grid has " + cellsText(manifest.cells) + " cells, the project's "
                    + cellsText(globalGrid.cells()));
        } else if (manifest.origin != null) {
            double[] origin = new double[globalGrid.dims()];
            double[] extent = new double[globalGrid.dims()];
            for (int d = 0; d < origin.length; d++) {
                origin[d] = globalGrid.axis(d).origin();
                extent[d] = globalGrid.axis(d).extent();
            }
            if (!Arrays.equals(manifest.origin, origin)) {
                problems.add("its grid's origin is " + Arrays.toString(manifest.origin) + ", the project's "
                        + Arrays.toString(origin));
            }
            if (!Arrays.equals(manifest.extent, extent)) {
                problems.add("its grid's extent is " + Arrays.toString(manifest.extent) + ", the project's "
                        + Arrays.toString(extent));
            }
        }
        for (FieldInfo f : needed) {
            int e = entry(f.name());
            if (e < 0) {
                problems.add("it has no field " + f.name() + " (it has "
                        + String.join(", ", manifest.fields.stream().map(Manifest.FieldEntry::name).toList()) + ")");
            } else if (!manifest.fields.get(e).location().equals(f.location())) {
                problems.add("its field " + f.name() + " is at " + manifest.fields.get(e).location()
                        + ", the project's at " + f.location());
            }
        }
        if (manifest.precision != precision) {
            problems.add(precisionProblem(precision));
        }
        if (!problems.isEmpty()) {
            throw new CheckpointMismatchException("cannot restart from checkpoint " + dir + ": "
                    + String.join("; ", problems));
        }
    }

    private String precisionProblem(Precision run) {
        return "it holds " + manifest.precision.label() + " values and this run uses " + run.label()
                + " (restart with --precision " + manifest.precision.label() + ")";
    }

    private static String cellsText(int[] cells) {
        StringBuilder s = new StringBuilder();
        for (int c : cells) {
            s.append(s.length() > 0 ? "x" : "").append(c);
        }
        return s.toString();
    }

    /** Checks the CRC32 of every rank file. */
    public void verify() throws IOException {
        for (int r = 0; r < manifest.rankFiles.size(); r++) {
            verify(r);
        }
    }

    private void verify(int r) throws IOException {
        if (verified.contains(r)) {
            return;
        }
        Manifest.RankEntry e = manifest.rankFiles.get(r);
        CRC32 crc = new CRC32();
        long total = 0;
        try (FileChannel ch = FileChannel.open(dir.resolve(e.file()), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buffer) >= 0) {
                buffer.flip();
                total += buffer.remaining();
                crc.update(buffer);
                buffer.clear();
            }
        } catch (NoSuchFileException ex) {
            throw new IOException("checkpoint " + dir + " is damaged: " + e.file() + " is missing", ex);
        }
        if (total != e.bytes() || crc.getValue() != e.crc32()) {
            throw new IOException("checkpoint " + dir + " is damaged: " + e.file() + " fails its checksum"
                    + (total != e.bytes() ? " (it has " + total + " bytes, the manifest says " + e.bytes() + ")"
                            : String.format(Locale.ROOT, " (crc32 %08x, the manifest says %08x)", crc.getValue(),
                                    e.crc32())));
        }
        verified.add(r);
    }

    /**
     * Fills the interior of {@code target}, a field of the block whose global cell offset the
     * block's grid axes give ({@link dev.stagger.engine.grid.Axis#offset()}); the grid's global cells
     * must be the checkpoint's. The field is found by {@code target.name()}.
     */
    public void readInto(Field target) throws IOException {
        Grid g = target.grid();
        int[] offset = new int[g.dims()];
        int[] global = new int[g.dims()];
        for (int d = 0; d < g.dims(); d++) {
            offset[d] = g.axis(d).offset();
            global[d] = g.axis(d).globalCells();
        }
        if (g.dims() == manifest.dims() && !Arrays.equals(global, manifest.cells)) {
            throw new CheckpointMismatchException("cannot restart from checkpoint " + dir + ": its grid has "
                    + cellsText(manifest.cells) + " cells, this run's " + cellsText(global));
        }
        readInto(target, target.name(), offset);
    }

    /** {@link #readInto(Field, String, int[])} for the field named {@code target.name()}. */
    public void readInto(Field target, int[] blockOffset) throws IOException {
        readInto(target, target.name(), blockOffset);
    }

    /**
     * Fills the interior of {@code target} (halo untouched) with the saved field {@code fieldName},
     * for the block that starts {@code blockOffset} cells from the domain's low corner.
     *
     * @throws CheckpointMismatchException if the checkpoint has no such field, another location,
     *     number of dimensions or precision, or the block does not lie inside its grid
     * @throws IOException if a rank file it reads fails its checksum or cannot be read
     */
    public void readInto(Field target, String fieldName, int[] blockOffset) throws IOException {
        int dims = manifest.dims();
        int f = entry(fieldName);
        if (f < 0) {
            List<String> names = manifest.fields.stream().map(Manifest.FieldEntry::name).toList();
            throw new CheckpointMismatchException("checkpoint " + dir + " has no field " + fieldName + " (it has "
                    + String.join(", ", names) + ")");
        }
        Manifest.FieldEntry entry = manifest.fields.get(f);
        if (target.dims() != dims || blockOffset.length != dims) {
            throw new CheckpointMismatchException("checkpoint " + dir + " is " + dims + "D; field " + fieldName
                    + " of this run is " + target.dims() + "D");
        }
        if (!entry.location().equals(Arrays.asList(target.location()))) {
            throw new CheckpointMismatchException("checkpoint " + dir + ": field " + fieldName + " is at "
                    + entry.location() + ", this run's at " + Arrays.toString(target.location()));
        }
        if (target.precision() != manifest.precision) {
            throw new CheckpointMismatchException("cannot restart from checkpoint " + dir + ": "
                    + precisionProblem(target.precision()));
        }
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int d = 0; d < 3; d++) {
            lo[d] = d < dims ? blockOffset[d] : 0;
            hi[d] = lo[d] + target.count(d);
            int available = d < dims ? entry.location().get(d).count(manifest.cells[d]) : 1;
            if (lo[d] < 0 || hi[d] > available) {
                throw new CheckpointMismatchException("checkpoint " + dir + ": a block of " + target.count(d)
                        + " points at offset " + lo[d] + " along dimension " + d + " does not fit its "
                        + available + " points of field " + fieldName);
            }
        }
        for (int r = 0; r < manifest.rankFiles.size(); r++) {
            Manifest.RankEntry e = manifest.rankFiles.get(r);
            int[] stored = new int[] {1, 1, 1};
            int[] from = new int[3];
            int[] to = new int[3];
            int[] start = new int[3];
            boolean overlaps = true;
            for (int d = 0; d < 3; d++) {
                if (d < dims) {
                    Location loc = entry.location().get(d);
                    stored[d] = loc.count(e.cells()[d]);
                    start[d] = e.offset()[d];
                    // a shared boundary vertex belongs to the block below it
                    int owned = start[d] + (loc == Location.VERTEX && start[d] > 0 ? 1 : 0);
                    from[d] = Math.max(owned, lo[d]);
                    to[d] = Math.min(start[d] + stored[d], hi[d]);
                } else {
                    from[d] = 0;
                    to[d] = 1;
                }
                overlaps &= from[d] < to[d];
            }
            if (overlaps) {
                verify(r);
                copy(r, f, target, lo, start, stored, from, to);
            }
        }
    }

    private int entry(String name) {
        for (int f = 0; f < manifest.fields.size(); f++) {
            if (manifest.fields.get(f).name().equals(name)) {
                return f;
            }
        }
        return -1;
    }

    /**
     * Copies global points {@code from..to} (exclusive) of field {@code f} from rank file {@code r},
     * whose block stores {@code stored} points starting at global point {@code start}, into target,
     * whose interior starts at global point {@code lo}. Reads several rows at once.
     */
    private void copy(int r, int f, Field target, int[] lo, int[] start, int[] stored, int[] from, int[] to)
            throws IOException {
        Manifest.RankEntry e = manifest.rankFiles.get(r);
        int bytes = manifest.precision.bytes();
        long fieldStart = 0;
        for (int g = 0; g < f; g++) {
            fieldStart += Manifest.points(manifest.fields.get(g).location(), e.cells()) * bytes;
        }
        int nx = stored[0];
        int ny = stored[1];
        int run = to[0] - from[0];
        long rowBytes = (long) nx * bytes;
        int rowsPerRead = (int) Math.max(1, Math.min(to[1] - from[1], READ_CHUNK / rowBytes));
        ByteBuffer buffer = ByteBuffer.allocate((int) ((rowsPerRead - 1) * rowBytes + (long) run * bytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(dir.resolve(e.file()), StandardOpenOption.READ)) {
            for (int z = from[2]; z < to[2]; z++) {
                for (int y0 = from[1]; y0 < to[1]; y0 += rowsPerRead) {
                    int rows = Math.min(rowsPerRead, to[1] - y0);
                    long local = ((long) (z - start[2]) * ny + (y0 - start[1])) * nx + (from[0] - start[0]);
                    buffer.clear().limit((int) ((rows - 1) * rowBytes + (long) run * bytes));
                    readFully(ch, buffer, fieldStart + local * bytes, e.file());
                    for (int row = 0; row < rows; row++) {
                        int at = (int) (row * rowBytes);
                        int flat = target.index(from[0] - lo[0] + 1, y0 + row - lo[1] + 1, z - lo[2] + 1);
                        ByteBuffer slice = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                        slice.limit(at + run * bytes).position(at);
                        if (target instanceof DoubleField df) {
                            slice.asDoubleBuffer().get(df.data(), flat, run);
                        } else {
                            slice.asFloatBuffer().get(((FloatField) target).data(), flat, run);
                        }
                    }
                }
            }
        }
    }

    private void readFully(FileChannel ch, ByteBuffer buffer, long position, String file) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, at);
            if (n < 0) {
                throw new EOFException("checkpoint " + dir + " is damaged: " + file + " ends early");
            }
            at += n;
        }
        buffer.flip();
    }

    @Override
    public String toString() {
        return "Checkpoint[" + dir + ": " + manifest.model + " step " + manifest.step + " t=" + manifest.time + "]";
    }
}
