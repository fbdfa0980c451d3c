package dev.stagger.engine.checkpoint;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Location;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@code manifest.properties} of a checkpoint: what was saved and where each rank's values lie.
 * Written in a fixed key order for people to read, parsed with {@link Properties} (UTF-8).
 */
final class Manifest {
    static final String FILE = "manifest.properties";
    static final String FORMAT = "stagger-checkpoint";
    static final int VERSION = 1;

    /** One saved field: its name and location per dimension. */
    record FieldEntry(String name, List<Location> location) {}

    /** One rank's file: its block (cell offset and cells per dimension), size and CRC32. */
    record RankEntry(String file, int[] offset, int[] cells, long bytes, long crc32) {}

    final String project;
    final String model;
    final long step;
    final double time;
    final Precision precision;
    final int[] cells;
    final int[] ranks;
    final List<FieldEntry> fields;
    final List<RankEntry> rankFiles;
    /** Whether the manifest read had a {@code manifest_sha256} line (older checkpoints have none). */
    boolean checksummed = true;
    /** The grid's origin and extent per dimension; null in a checkpoint of an older Stagger. */
    double[] origin;
    double[] extent;

    Manifest(String project, String model, long step, double time, Precision precision, int[] cells, int[] ranks,
            List<FieldEntry> fields, List<RankEntry> rankFiles) {
        this.project = project;
        this.model = model;
        this.step = step;
        this.time = time;
        this.precision = precision;
        this.cells = cells.clone();
        this.ranks = ranks.clone();
        this.fields = List.copyOf(fields);
        this.rankFiles = List.copyOf(rankFiles);
    }

    int dims() {
        return cells.length;
    }

    /** Values a rank block of {@code blockCells} holds of one field. */
    static long points(List<Location> location, int[] blockCells) {
        long n = 1;
        for (int d = 0; d < blockCells.length; d++) {
            n *= location.get(d).count(blockCells[d]);
        }
        return n;
    }

    /** Bytes of a rank file with this block: every field's interior, one after the other. */
    long expectedBytes(int[] blockCells) {
        long bytes = 0;
        for (FieldEntry f : fields) {
            bytes += points(f.location(), blockCells) * precision.bytes();
        }
        return bytes;
    }

    static String rankFileName(int rank) {
        return String.format(Locale.ROOT, "rank_%04d.bin", rank);
    }

    /** The key of the manifest's last line: the SHA-256 of every byte before that line. */
    static final String SHA_KEY = "manifest_sha256";

    /** The manifest's text, ending with its {@code manifest_sha256} line. */
    String text() {
        String body = body();
        return body + SHA_KEY + " = " + sha256(body.getBytes(StandardCharsets.UTF_8), body.getBytes(
                StandardCharsets.UTF_8).length) + "\n";
    }

    static String sha256(byte[] bytes, int length) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(bytes, length)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private String body() {
        StringBuilder s = new StringBuilder();
        s.append("# Stagger checkpoint. Each rank_NNNN.bin holds, for each field below in order, the interior\n");
        s.append("# values of that rank's block (no halo), x fastest, little-endian, in the given precision.\n");
        s.append("# Lists are x first. Block offsets count cells from the domain's low corner (0-based).\n");
        line(s, "format", FORMAT);
        line(s, "version", Integer.toString(VERSION));
        line(s, "project", project);
        line(s, "model", model);
        line(s, "step", Long.toString(step));
        line(s, "time", Double.toString(time));
        line(s, "precision", precision.label());
        line(s, "dims", Integer.toString(cells.length));
        line(s, "cells", ints(cells));
        if (origin != null) {
            line(s, "origin", reals(origin));
            line(s, "extent", reals(extent));
        }
        line(s, "ranks", ints(ranks));
        line(s, "rank.count", Integer.toString(rankFiles.size()));
        line(s, "field.count", Integer.toString(fields.size()));
        for (int f = 0; f < fields.size(); f++) {
            FieldEntry field = fields.get(f);
            line(s, "field." + f + ".name", field.name());
            StringBuilder loc = new StringBuilder();
            for (Location l : field.location()) {
                loc.append(loc.length() > 0 ? "," : "").append(l.name().toLowerCase(Locale.ROOT));
            }
            line(s, "field." + f + ".location", loc.toString());
        }
        for (int r = 0; r < rankFiles.size(); r++) {
            RankEntry e = rankFiles.get(r);
            String p = "rank." + r + ".";
            line(s, p + "file", e.file());
            line(s, p + "offset", ints(e.offset()));
            line(s, p + "cells", ints(e.cells()));
            line(s, p + "bytes", Long.toString(e.bytes()));
            line(s, p + "crc32", String.format(Locale.ROOT, "%08x", e.crc32()));
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(key).append(" = ").append(escape(value)).append('\n');
    }

    private static String ints(int[] values) {
        StringBuilder s = new StringBuilder();
        for (int v : values) {
            s.append(s.length() > 0 ? "," : "").append(v);
        }
        return s.toString();
    }

    private static String reals(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() > 0 ? "," : "").append(v);
        }
        return s.toString();
    }

    /** Escapes a value for {@link Properties#load(Reader)}; non-ASCII stays UTF-8. */
    private static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < value.length(); n++) {
            char c = value.charAt(n);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\f' -> s.append("\\f");
                case ' ' -> s.append(n == 0 ? "\\ " : " ");
                default -> {
                    if (Character.isISOControl(c)) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** Reads and checks the manifest of the checkpoint in {@code dir}. */
    static Manifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Properties p = new Properties();
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
            p.load(new InputStreamReader(new java.io.ByteArrayInputStream(raw), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("checkpoint " + dir + " does not exist or is not a directory", e);
            }
            throw new IOException("checkpoint " + dir + " has no " + FILE
                    + ": it is incomplete (its writing was interrupted) or not a checkpoint", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("checkpoint " + dir + " is damaged: " + FILE + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
        Keys k = new Keys(dir, p);
        String format = k.string("format");
        if (!FORMAT.equals(format)) {
            throw k.bad("format", "expected " + FORMAT + ", got '" + format + "'");
        }
        int version = k.integer("version", 1);
        if (version != VERSION) {
            throw new IOException("checkpoint " + dir + " has format version " + version + " (" + FILE
                    + ", key version); this Stagger reads version " + VERSION
                    + (version > VERSION ? ": it was written by a newer Stagger" : ""));
        }
        String project = k.string("project");
        String model = k.string("model");
        long step = k.longValue("step", 0);
        double time = k.real("time");
        String precisionText = k.string("precision");
        Precision precision = Precision.parse(precisionText);
        if (precision == null) {
            throw k.bad("precision", "expected f32 or f64, got '" + precisionText + "'");
        }
        int dims = k.integer("dims", 1);
        if (dims > 3) {
            throw k.bad("dims", "expected 1, 2 or 3, got " + dims);
        }
        int[] cells = k.ints("cells", dims, 1);
        int[] ranks = k.ints("ranks", dims, 1);
        int rankCount = k.integer("rank.count", 1);
        long product = 1;
        for (int r : ranks) {
            product *= r;
        }
        if (product != rankCount) {
            throw k.bad("rank.count", rankCount + " ranks, but the layout 'ranks' has " + product);
        }
        int fieldCount = k.integer("field.count", 1);
        List<FieldEntry> fields = new ArrayList<>();
        for (int f = 0; f < fieldCount; f++) {
            String name = k.string("field." + f + ".name");
            for (FieldEntry other : fields) {
                if (other.name().equals(name)) {
                    throw k.bad("field." + f + ".name", "field " + name + " appears twice");
                }
            }
            String key = "field." + f + ".location";
            String[] parts = k.string(key).trim().split("\\s*,\\s*|\\s+");
            if (parts.length != dims) {
                throw k.bad(key, "expected " + dims + " locations (center or vertex), got '" + k.string(key) + "'");
            }
            List<Location> location = new ArrayList<>();
            for (String part : parts) {
                switch (part.toLowerCase(Locale.ROOT)) {
                    case "center" -> location.add(Location.CENTER);
                    case "vertex" -> location.add(Location.VERTEX);
                    default -> throw k.bad(key, "expected center or vertex, got '" + part + "'");
                }
            }
            fields.add(new FieldEntry(name, List.copyOf(location)));
        }
        List<RankEntry> rankFiles = new ArrayList<>();
        for (int r = 0; r < rankCount; r++) {
            String p0 = "rank." + r + ".";
            String fileName = k.string(p0 + "file");
            if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.equals("..")
                    || fileName.equals(".")) {
                throw k.bad(p0 + "file", "'" + fileName + "' is not a file name inside the checkpoint");
            }
            int[] offset = k.ints(p0 + "offset", dims, 0);
            int[] blockCells = k.ints(p0 + "cells", dims, 1);
            for (int d = 0; d < dims; d++) {
                if ((long) offset[d] + blockCells[d] > cells[d]) {
                    throw k.bad(p0 + "cells", "the block of rank " + r + " reaches past the " + cells[d]
                            + " cells of dimension " + d);
                }
            }
            long bytes = k.longValue(p0 + "bytes", 0);
            String crcText = k.string(p0 + "crc32").trim();
            long crc;
            try {
                crc = Long.parseLong(crcText, 16);
            } catch (NumberFormatException e) {
                crc = -1;
            }
            if (crc < 0 || crc > 0xffffffffL) {
                throw k.bad(p0 + "crc32", "expected 8 hexadecimal digits, got '" + crcText + "'");
            }
            rankFiles.add(new RankEntry(fileName, offset, blockCells, bytes, crc));
        }
        Manifest m = new Manifest(project, model, step, time, precision, cells, ranks, fields, rankFiles);
        m.checksummed = checkSha(dir, raw, p);
        if (p.getProperty("origin") != null || p.getProperty("extent") != null) {
            m.origin = k.reals("origin", dims);
            m.extent = k.reals("extent", dims);
        }
        m.checkTiling(dir);
        for (int r = 0; r < rankCount; r++) {
            RankEntry e = rankFiles.get(r);
            long expected = m.expectedBytes(e.cells());
            if (e.bytes() != expected) {
                throw k.bad("rank." + r + ".bytes", e.bytes() + " bytes, but its block and fields make " + expected);
            }
        }
        return m;
    }

    /**
     * Checks the {@code manifest_sha256} line, which must be the last: the SHA-256 of every byte
     * before it. False if there is none (a checkpoint of an older Stagger).
     */
    private static boolean checkSha(Path dir, byte[] raw, Properties p) throws IOException {
        String stated = p.getProperty(SHA_KEY);
        if (stated == null) {
            return false;
        }
        byte[] key = ("\n" + SHA_KEY).getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = raw.length - key.length; i >= 0 && at < 0; i--) {
            if (java.util.Arrays.equals(raw, i, i + key.length, key, 0, key.length)) {
                at = i + 1;
            }
        }
        String damaged = "checkpoint " + dir + " is damaged: " + dir.resolve(FILE) + " ";
        if (at < 0) {
            throw new IOException(damaged + "has a " + SHA_KEY + " that is not on a line of its own");
        }
        String rest = new String(raw, at, raw.length - at, StandardCharsets.UTF_8);
        if (rest.strip().contains("\n")) {
            throw new IOException(damaged + "has text after its " + SHA_KEY + " line, which must be the last");
        }
        String actual = sha256(raw, at);
        if (!actual.equalsIgnoreCase(stated.trim())) {
            throw new IOException(damaged + "fails its checksum: its content does not match its " + SHA_KEY
                    + " (it was changed or damaged after it was written; a checkpoint cannot be edited by hand)");
        }
        return true;
    }

    /** The blocks must cover every cell exactly once: inside the domain, no overlaps, volumes add up. */
    private void checkTiling(Path dir) throws IOException {
        long total = 1;
        for (int c : cells) {
            total *= c;
        }
        long sum = 0;
        for (RankEntry e : rankFiles) {
            long v = 1;
            for (int c : e.cells()) {
                v *= c;
            }
            sum += v;
        }
        String problem = null;
        if (sum != total) {
            problem = "the rank blocks hold " + sum + " cells, the grid has " + total;
        }
        for (int a = 0; a < rankFiles.size() && problem == null; a++) {
            for (int b = a + 1; b < rankFiles.size() && problem == null; b++) {
                if (overlap(rankFiles.get(a), rankFiles.get(b))) {
                    problem = "the blocks of ranks " + a + " and " + b + " overlap";
                }
            }
        }
        if (problem != null) {
            throw new IOException("checkpoint " + dir + " is damaged: " + FILE + ": " + problem);
        }
    }

    private static boolean overlap(RankEntry a, RankEntry b) {
        for (int d = 0; d < a.offset().length; d++) {
            if (a.offset()[d] >= b.offset()[d] + b.cells()[d] || b.offset()[d] >= a.offset()[d] + a.cells()[d]) {
                return false;
            }
        }
        return true;
    }

    /** Typed access to the manifest's keys, with messages naming the checkpoint, file and key. */
    private record Keys(Path dir, Properties p) {
        IOException bad(String key, String why) {
            return new IOException("checkpoint " + dir + " is damaged: " + FILE + ", key " + key + ": " + why);
        }

        String string(String key) throws IOException {
            String v = p.getProperty(key);
            if (v == null) {
                throw new IOException("checkpoint " + dir + " is damaged: " + FILE + " has no key " + key);
            }
            return v;
        }

        long longValue(String key, long min) throws IOException {
            String v = string(key).trim();
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(key, "expected a whole number, got '" + v + "'");
            }
            if (n < min) {
                throw bad(key, "expected at least " + min + ", got " + n);
            }
            return n;
        }

        int integer(String key, int min) throws IOException {
            long n = longValue(key, min);
            if (n > Integer.MAX_VALUE) {
                throw bad(key, n + " is too large");
            }
            return (int) n;
        }

        double real(String key) throws IOException {
            String v = string(key).trim();
            try {
                double x = Double.parseDouble(v);
                if (Double.isFinite(x)) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(key, "expected a finite number, got '" + v + "'");
        }

        double[] reals(String key, int count) throws IOException {
            String v = string(key).trim();
            String[] parts = v.isEmpty() ? new String[0] : v.split("\\s*,\\s*|\\s+");
            if (parts.length != count) {
                throw bad(key, "expected " + count + " numbers, got '" + v + "'");
            }
            double[] out = new double[count];
            for (int n = 0; n < count; n++) {
                try {
                    out[n] = Double.parseDouble(parts[n]);
                } catch (NumberFormatException e) {
                    out[n] = Double.NaN;
                }
                if (!Double.isFinite(out[n])) {
                    throw bad(key, "expected " + count + " finite numbers, got '" + v + "'");
                }
            }
            return out;
        }

        int[] ints(String key, int count, int min) throws IOException {
            String v = string(key).trim();
            String[] parts = v.isEmpty() ? new String[0] : v.split("\\s*,\\s*|\\s+");
            if (parts.length != count) {
                throw bad(key, "expected " + count + " whole numbers, got '" + v + "'");
            }
            int[] out = new int[count];
            for (int n = 0; n < count; n++) {
                try {
                    out[n] = Integer.parseInt(parts[n]);
                } catch (NumberFormatException e) {
                    throw bad(key, "expected " + count + " whole numbers, got '" + v + "'");
                }
                if (out[n] < min) {
                    throw bad(key, "expected numbers of at least " + min + ", got '" + v + "'");
                }
            }
            return out;
        }
    }
}
