package dev.stagger.engine.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads a .pvti (PImageData) as {@link ParallelVtkWriter} writes it and joins the pieces it names,
 * each read by {@link VtiReader}, into one {@link VtiFile} over the whole extent: what a viewer of
 * one output step of a multi-rank run needs. Neighbouring pieces share their boundary points; a
 * shared point's value comes from the later piece (both ranks write the same value there). The
 * step and time are the first piece's.
 */
public final class PvtiReader {
    private PvtiReader() {}

    public static VtiFile read(Path pvti) throws IOException {
        return read(pvti, name -> true);
    }

    /**
     * Joins only the arrays {@code arrays} accepts; it is asked once per array the .pvti declares, in
     * file order (point data first), so it also learns every name. Pieces' other arrays are not read.
     */
    public static VtiFile read(Path pvti, Predicate<String> arrays) throws IOException {
        Element root = parse(pvti);
        if (!root.getTagName().equals("VTKFile") || !root.getAttribute("type").equals("PImageData")) {
            throw malformed(pvti, "it is not a parallel VTK ImageData file (type '" + root.getAttribute("type") + "')");
        }
        Element image = Xml.onlyChild(root, "PImageData");
        if (image == null) {
            throw malformed(pvti, "it has no <PImageData> element");
        }
        int[] whole = integers(pvti, image, "WholeExtent");
        double[] origin = doubles(pvti, image, "Origin", new double[] {0, 0, 0});
        double[] spacing = doubles(pvti, image, "Spacing", new double[] {1, 1, 1});
        Set<String> chosen = new LinkedHashSet<>();
        for (String element : List.of("PPointData", "PCellData")) {
            Element data = Xml.onlyChild(image, element);
            for (Element array : data == null ? List.<Element>of() : Xml.children(data, "PDataArray")) {
                if (arrays.test(array.getAttribute("Name"))) {
                    chosen.add(array.getAttribute("Name"));
                }
            }
        }
        List<Element> pieces = Xml.children(image, "Piece");
        if (pieces.isEmpty()) {
            throw malformed(pvti, "it names no pieces");
        }
        Path directory = pvti.toAbsolutePath().normalize().getParent();
        Joiner joiner = new Joiner(pvti, whole);
        OptionalLong step = OptionalLong.empty();
        OptionalDouble time = OptionalDouble.empty();
        for (Element piece : pieces) {
            int[] extent = integers(pvti, piece, "Extent");
            String source = piece.getAttribute("Source");
            if (source.isBlank()) {
                throw malformed(pvti, "a <Piece> has no Source");
            }
            VtiFile file;
            try {
                file = VtiReader.read(directory.resolve(source), chosen::contains);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + " (a piece of " + pvti + ")", e);
            }
            if (!Arrays.equals(file.extent(), extent)) {
                throw malformed(pvti, "piece " + source + " has extent " + Xml.numbers(file.extent())
                        + ", the .pvti says " + Xml.numbers(extent));
            }
            joiner.add(source, file, chosen);
            if (step.isEmpty() && time.isEmpty()) {
                step = file.step();
                time = file.time();
            }
        }
        return joiner.finish(origin, spacing, step, time);
    }

    /** Copies pieces' arrays into whole-extent arrays, checking that the pieces tile the whole. */
    private static final class Joiner {
        private final Path pvti;
        private final int[] whole;
        private final Map<String, VtiArray> points = new LinkedHashMap<>();
        private final Map<String, VtiArray> cells = new LinkedHashMap<>();
        private long cellsCovered;

        Joiner(Path pvti, int[] whole) {
            this.pvti = pvti;
            this.whole = whole;
        }

        void add(String source, VtiFile piece, Set<String> chosen) throws IOException {
            int[] e = piece.extent();
            for (int d = 0; d < 3; d++) {
                if (e[2 * d] < whole[2 * d] || e[2 * d + 1] > whole[2 * d + 1]) {
                    throw malformed(pvti, "piece " + source + " (extent " + Xml.numbers(e)
                            + ") lies outside the whole extent " + Xml.numbers(whole));
                }
            }
            long pieceCells = 1;
            for (int c : piece.cellCounts()) {
                pieceCells *= c;
            }
            cellsCovered += pieceCells;
            for (String name : chosen) {
                DataAssociation where = piece.association(name);
                if (where == null) {
                    throw malformed(pvti, "piece " + source + " has no array '" + name + "'");
                }
                boolean point = where == DataAssociation.POINT;
                VtiArray from = (point ? piece.pointData() : piece.cellData()).get(name);
                Map<String, VtiArray> into = point ? points : cells;
                int[] n = counts(whole, point);
                VtiArray to = into.get(name);
                if (to == null) {
                    long size = (long) n[0] * n[1] * n[2] * from.components();
                    if (size > Integer.MAX_VALUE - 8) {
                        throw malformed(pvti, "array '" + name + "' has " + size + " values, too many for one array");
                    }
                    to = new VtiArray(name, from.vtkType(), from.components(), new double[(int) size]);
                    into.put(name, to);
                } else if (to.components() != from.components()) {
                    throw malformed(pvti, "array '" + name + "' has " + from.components() + " components in piece "
                            + source + ", " + to.components() + " in another");
                }
                copy(from, counts(e, point), e, to, n);
            }
        }

        private void copy(VtiArray from, int[] m, int[] pieceExtent, VtiArray to, int[] n) {
            int c = from.components();
            int[] at = new int[3];
            for (int d = 0; d < 3; d++) {
                at[d] = pieceExtent[2 * d] - whole[2 * d];
            }
            int row = m[0] * c;
            int src = 0;
            for (int k = 0; k < m[2]; k++) {
                for (int j = 0; j < m[1]; j++) {
                    int dst = (((at[2] + k) * n[1] + at[1] + j) * n[0] + at[0]) * c;
                    System.arraycopy(from.values(), src, to.values(), dst, row);
                    src += row;
                }
            }
        }

        VtiFile finish(double[] origin, double[] spacing, OptionalLong step, OptionalDouble time) throws IOException {
            long wholeCells = 1;
            for (int c : counts(whole, false)) {
                wholeCells *= c;
            }
            if (cellsCovered != wholeCells) {
                throw malformed(pvti, "its pieces cover " + cellsCovered + " cells, the whole extent has " + wholeCells);
            }
            return new VtiFile(pvti, whole, origin, spacing, step, time, points, cells);
        }
    }

    /** Points (or cells, a flat dimension counting 1) per dimension of an extent. */
    private static int[] counts(int[] extent, boolean points) {
        int[] n = new int[3];
        for (int d = 0; d < 3; d++) {
            int span = extent[2 * d + 1] - extent[2 * d];
            n[d] = points ? span + 1 : Math.max(span, 1);
        }
        return n;
    }

    private static Element parse(Path pvti) throws IOException {
        try {
            DocumentBuilder builder = Xml.safeBuilder();
            return builder.parse(pvti.toFile()).getDocumentElement();
        } catch (SAXException e) {
            throw malformed(pvti, "it is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new IOException("cannot read " + pvti + ": " + AtomicFile.describe(e), e);
        }
    }

    private static int[] integers(Path pvti, Element element, String attribute) throws IOException {
        double[] parsed = doubles(pvti, element, attribute, null);
        int[] values = new int[6];
        for (int n = 0; n < 6; n++) {
            values[n] = (int) parsed[n];
            if (values[n] != parsed[n]) {
                throw malformed(pvti, attribute + " of <" + element.getTagName() + "> must hold integers");
            }
        }
        for (int d = 0; d < 3; d++) {
            if (values[2 * d + 1] < values[2 * d]) {
                throw malformed(pvti, attribute + " " + Xml.numbers(values) + " is reversed in dimension " + d);
            }
        }
        return values;
    }

    /** Six numbers for an extent (fallback null), three otherwise; {@code fallback} when absent. */
    private static double[] doubles(Path pvti, Element element, String attribute, double[] fallback)
            throws IOException {
        int count = fallback == null ? 6 : 3;
        String text = element.getAttribute(attribute).trim();
        if (text.isEmpty()) {
            if (fallback == null) {
                throw malformed(pvti, "<" + element.getTagName() + "> has no " + attribute);
            }
            return fallback;
        }
        String[] tokens = text.split("\\s+");
        if (tokens.length != count) {
            throw malformed(pvti, attribute + " of <" + element.getTagName() + "> has " + tokens.length
                    + " values, expected " + count);
        }
        double[] values = new double[count];
        for (int n = 0; n < count; n++) {
            try {
                values[n] = Double.parseDouble(tokens[n]);
            } catch (NumberFormatException e) {
                throw malformed(pvti, attribute + " of <" + element.getTagName() + "> holds '" + tokens[n]
                        + "', not a number");
            }
        }
        return values;
    }


    private static IOException malformed(Path pvti, String what) {
        return new IOException("cannot read " + pvti + ": " + what);
    }
}
