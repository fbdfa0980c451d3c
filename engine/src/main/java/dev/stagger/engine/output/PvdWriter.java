package dev.stagger.engine.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The .pvd collection of a run's outputs, one {@code (time, file)} entry per written step. The whole
 * collection is rewritten atomically after every append, so a run killed at any point leaves a
 * valid .pvd that ParaView opens with every step written so far. Entries name their files relative
 * to the .pvd's directory, so a run directory can be moved or copied whole.
 */
public final class PvdWriter {

    /** One written step: simulated time and the file's path relative to the .pvd's directory. */
    public record Entry(double time, String file) {}

    private final Path pvd;
    private final Path directory;
    private final List<Entry> entries = new ArrayList<>();

    /** A new, empty collection; nothing is written until the first {@link #append}. */
    public PvdWriter(Path pvd) {
        this.pvd = pvd;
        this.directory = pvd.toAbsolutePath().normalize().getParent();
    }

    public Path file() {
        return pvd;
    }

    /**
     * Continues an existing collection after a restart: keeps its entries up to {@code time}
     * (those the restarted run will not write again) and drops later ones, which the restarted run
     * writes anew. Nothing is written until the next append.
     */
    public void resumeUpTo(double time) throws IOException {
        entries.clear();
        if (java.nio.file.Files.exists(pvd)) {
            for (Entry e : read(pvd)) {
                if (e.time() <= time) {
                    entries.add(e);
                }
            }
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Adds a written data file (.vti or .pvti) and rewrites the collection. A relative path is taken
     * as usual in Java, relative to the working directory. Appending a file already listed replaces
     * its entry, so a step written again (after a restart) is not listed twice.
     */
    public void append(double time, Path dataFile) throws IOException {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("time of " + dataFile + " must be finite, got " + time);
        }
        String relative = directory.relativize(dataFile.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        entries.removeIf(entry -> entry.file().equals(relative));
        entries.add(new Entry(time, relative));
        byte[] xml = xml().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(pvd, xml);
    }

    /**
     * The entries of an existing .pvd (ours or any ParaView collection), in file order. For the
     * workbench opening results and for runs that continue an existing series.
     */
    public static List<Entry> read(Path pvd) throws IOException {
        try {
            org.w3c.dom.Document doc = Xml.safeBuilder().parse(pvd.toFile());
            org.w3c.dom.Element root = doc.getDocumentElement();
            if (!"VTKFile".equals(root.getTagName()) || !"Collection".equals(root.getAttribute("type"))) {
                throw new IOException("not a ParaView collection (.pvd): " + pvd);
            }
            org.w3c.dom.NodeList sets = root.getElementsByTagName("DataSet");
            List<Entry> result = new ArrayList<>();
            for (int i = 0; i < sets.getLength(); i++) {
                org.w3c.dom.Element set = (org.w3c.dom.Element) sets.item(i);
                String step = set.getAttribute("timestep");
                result.add(new Entry(step.isEmpty() ? 0 : Double.parseDouble(step), set.getAttribute("file")));
            }
            return result;
        } catch (org.xml.sax.SAXException | NumberFormatException e) {
            throw new IOException("cannot read " + pvd + ": " + e.getMessage(), e);
        }
    }

    private String xml() {
        StringBuilder x = new StringBuilder(128 + 80 * entries.size());
        x.append("<?xml version=\"1.0\"?>\n");
        x.append("<VTKFile type=\"Collection\" version=\"0.1\" byte_order=\"LittleEndian\">\n");
        x.append("  <Collection>\n");
        for (Entry entry : entries) {
            x.append("    <DataSet timestep=\"").append(entry.time())
                    .append("\" group=\"\" part=\"0\" file=\"").append(Xml.attribute(entry.file())).append("\"/>\n");
        }
        x.append("  </Collection>\n");
        x.append("</VTKFile>\n");
        return x.toString();
    }
}
