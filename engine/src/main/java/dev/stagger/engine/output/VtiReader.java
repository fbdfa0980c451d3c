package dev.stagger.engine.output;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads single-piece VTK XML ImageData files as {@link VtkImageWriter} writes them: raw appended
 * data (UInt64 or UInt32 headers, either byte order), ascii arrays, Float32/Float64/Int32/Int64.
 * Compressed or base64 files, which other tools write, are refused with a message saying so.
 *
 * <p>Only the XML header is parsed as XML: the appended block after it is binary, so the reader
 * finds its start, parses the text before it and then reads each array from its offset.
 */
public final class VtiReader {
    /** Where to give up looking for the appended block; our headers are a few KiB. */
    private static final int HEADER_LIMIT = 64 << 20;
    private static final int CHUNK = 1 << 16;
    private static final byte[] APPENDED_TAG = "<AppendedData".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final FileChannel channel;
    private final Predicate<String> wanted;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private int headerBytes = Integer.BYTES;
    private long dataStart = -1;

    private VtiReader(Path file, FileChannel channel, Predicate<String> wanted) {
        this.file = file;
        this.channel = channel;
        this.wanted = wanted;
    }

    public static VtiFile read(Path file) throws IOException {
        return read(file, name -> true);
    }

    /**
     * Reads only the point and cell arrays whose name {@code arrays} accepts; the others are not
     * loaded (a viewer showing one field of a large file reads that field's bytes only). The
     * predicate is asked once per array, in file order, so it also learns every array's name.
     */
    public static VtiFile read(Path file, Predicate<String> arrays) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + AtomicFile.describe(e), e);
        }
        try (channel) {
            return new VtiReader(file, channel, arrays).parse();
        } catch (VtiFormatException e) {
            throw e;
        } catch (IOException e) {
            // a failing read of the channel itself: its message need not name the file
            throw new IOException("cannot read " + file + ": " + AtomicFile.describe(e), e);
        }
    }

    private VtiFile parse() throws IOException {
        Element root = parseHeader().getDocumentElement();
        if (!root.getTagName().equals("VTKFile")) {
            throw notImageData("its root element is <" + root.getTagName() + ">, not <VTKFile>");
        }
        if (!root.getAttribute("type").equals("ImageData")) {
            throw notImageData("it is a VTK file of type '" + root.getAttribute("type") + "'");
        }
        readFormatAttributes(root);
        Element image = Xml.onlyChild(root, "ImageData");
        if (image == null) {
            throw notImageData("it has no <ImageData> element");
        }
        int[] extent = integers(image, "WholeExtent", 6);
        double[] origin = doubles(image, "Origin", new double[] {0, 0, 0}, 3);
        double[] spacing = doubles(image, "Spacing", new double[] {1, 1, 1}, 3);
        Element piece = onlyPiece(image);
        if (piece.hasAttribute("Extent")) {
            extent = integers(piece, "Extent", 6);
        }
        OptionalDouble time = OptionalDouble.empty();
        OptionalLong step = OptionalLong.empty();
        Element fieldData = Xml.onlyChild(image, "FieldData");
        if (fieldData != null) {
            for (Element array : Xml.children(fieldData, "DataArray")) {
                String name = array.getAttribute("Name");
                if (name.equals(VtkImageWriter.TIME_ARRAY) || name.equals(VtkImageWriter.STEP_ARRAY)) {
                    double[] values = readArray(array, -1).values();
                    if (values.length != 1) {
                        throw malformed("field data " + name + " has " + values.length + " values, expected 1");
                    }
                    if (name.equals(VtkImageWriter.TIME_ARRAY)) {
                        time = OptionalDouble.of(values[0]);
                    } else {
                        step = OptionalLong.of((long) values[0]);
                    }
                }
            }
        }
        long points = 1;
        long cells = 1;
        for (int d = 0; d < 3; d++) {
            int span = extent[2 * d + 1] - extent[2 * d];
            if (span < 0) {
                throw malformed("extent " + Xml.numbers(extent) + " is reversed in dimension " + d);
            }
            points *= span + 1;
            cells *= Math.max(span, 1);
        }
        Map<String, VtiArray> pointData = readArrays(Xml.onlyChild(piece, "PointData"), points);
        Map<String, VtiArray> cellData = readArrays(Xml.onlyChild(piece, "CellData"), cells);
        return new VtiFile(file, extent, origin, spacing, step, time, pointData, cellData);
    }

    /** Parses the XML before the binary block, closing the elements the cut leaves open. */
    private Document parseHeader() throws IOException {
        byte[] bytes = new byte[CHUNK];
        int length = 0;
        int tag = -1;
        int underscore = -1;
        boolean end = false;
        while (underscore < 0 && !end && length < HEADER_LIMIT) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, 2 * bytes.length);
            }
            int read = channel.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
            end = read < 0;
            if (read > 0) {
                // search only the new bytes (and a tag's length before them): large ascii files stay linear
                int from = Math.max(0, length - APPENDED_TAG.length);
                length += read;
                if (tag < 0) {
                    tag = indexOf(bytes, length, APPENDED_TAG, from);
                }
                if (tag >= 0) {
                    underscore = rawDataStart(bytes, length, tag);
                }
            }
        }
        String xml;
        if (underscore >= 0) {
            dataStart = underscore + 1L;
            xml = new String(bytes, 0, underscore, StandardCharsets.UTF_8) + "</AppendedData></VTKFile>";
        } else if (end) {
            xml = new String(bytes, 0, length, StandardCharsets.UTF_8);
        } else {
            throw notImageData("no XML header ending within its first " + HEADER_LIMIT + " bytes");
        }
        return parseXml(xml);
    }

    private static int indexOf(byte[] bytes, int length, byte[] pattern, int from) {
        outer:
        for (int n = from; n <= length - pattern.length; n++) {
            for (int m = 0; m < pattern.length; m++) {
                if (bytes[n + m] != pattern[m]) {
                    continue outer;
                }
            }
            return n;
        }
        return -1;
    }

    /** Position of the '_' that opens the appended data after its tag, or -1 while not (yet) seen. */
    private static int rawDataStart(byte[] bytes, int length, int tag) {
        int n = tag;
        while (n < length && bytes[n] != '>') {
            n++;
        }
        for (n++; n < length; n++) {
            if (bytes[n] == '_') {
                return n;
            }
            if (!Character.isWhitespace(bytes[n])) {
                // not appended data as VTK writes it; parsing the whole file will say what is wrong
                return -1;
            }
        }
        return -1;
    }

    private Document parseXml(String xml) throws IOException {
        try {
            DocumentBuilder builder = Xml.safeBuilder();
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw notImageData("its header is not well-formed XML: " + e.getMessage());
        }
    }

    private void readFormatAttributes(Element root) throws IOException {
        String byteOrder = root.getAttribute("byte_order");
        if (byteOrder.equals("BigEndian")) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (!byteOrder.isEmpty() && !byteOrder.equals("LittleEndian")) {
            throw unsupported("byte_order '" + byteOrder + "'");
        }
        String headerType = root.getAttribute("header_type");
        if (headerType.equals("UInt64")) {
            headerBytes = Long.BYTES;
        } else if (!headerType.isEmpty() && !headerType.equals("UInt32")) {
            throw unsupported("header_type '" + headerType + "'");
        }
        if (!root.getAttribute("compressor").isEmpty()) {
            throw unsupported("compressor '" + root.getAttribute("compressor") + "'");
        }
        Element appended = Xml.onlyChild(root, "AppendedData");
        if (appended != null && !appended.getAttribute("encoding").equals("raw")) {
            throw unsupported("encoding '" + appended.getAttribute("encoding") + "'");
        }
    }

    private Element onlyPiece(Element image) throws IOException {
        var pieces = Xml.children(image, "Piece");
        if (pieces.size() != 1) {
            throw unsupported(pieces.size() + " pieces (only single-piece files are read)");
        }
        return pieces.get(0);
    }

    private Map<String, VtiArray> readArrays(Element data, long tuples) throws IOException {
        Map<String, VtiArray> arrays = new LinkedHashMap<>();
        if (data != null) {
            for (Element element : Xml.children(data, "DataArray")) {
                if (!wanted.test(element.getAttribute("Name"))) {
                    continue;
                }
                VtiArray array = readArray(element, tuples);
                arrays.put(array.name(), array);
            }
        }
        return arrays;
    }

    /** Reads one DataArray; {@code tuples} is the count it must have, or -1 when any will do. */
    private VtiArray readArray(Element element, long tuples) throws IOException {
        String name = element.getAttribute("Name");
        String type = element.getAttribute("type");
        int size = switch (type) {
            case "Float32", "Int32" -> 4;
            case "Float64", "Int64" -> 8;
            default -> throw unsupported("type '" + type + "' of array '" + name + "'");
        };
        int components = element.hasAttribute("NumberOfComponents")
                ? integers(element, "NumberOfComponents", 1)[0] : 1;
        long expected = tuples < 0 ? -1 : tuples * components;
        String format = element.getAttribute("format");
        double[] values = switch (format) {
            case "ascii" -> ascii(element, name);
            case "appended" -> appended(element, name, type, size);
            default -> throw unsupported("format '" + format + "' of array '" + name + "'");
        };
        if (expected >= 0 && values.length != expected) {
            throw malformed("array '" + name + "' has " + values.length + " values, its extent needs " + expected);
        }
        return new VtiArray(name, type, components, values);
    }

    private double[] ascii(Element element, String name) throws IOException {
        String text = element.getTextContent().trim();
        if (text.isEmpty()) {
            return new double[0];
        }
        String[] tokens = text.split("\\s+");
        double[] values = new double[tokens.length];
        for (int n = 0; n < tokens.length; n++) {
            try {
                values[n] = Double.parseDouble(tokens[n]);
            } catch (NumberFormatException e) {
                throw malformed("array '" + name + "' holds '" + tokens[n] + "', not a number");
            }
        }
        return values;
    }

    private double[] appended(Element element, String name, String type, int size) throws IOException {
        if (dataStart < 0) {
            throw malformed("array '" + name + "' refers to appended data but the file has none");
        }
        long offset;
        try {
            offset = Long.parseLong(element.getAttribute("offset").trim());
        } catch (NumberFormatException e) {
            throw malformed("array '" + name + "' has offset '" + element.getAttribute("offset")
                    + "', not a byte offset");
        }
        long position = dataStart + offset;
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(order);
        readFully(header, position, name);
        header.flip();
        long bytes = headerBytes == Long.BYTES ? header.getLong() : Integer.toUnsignedLong(header.getInt());
        if (bytes < 0 || bytes % size != 0 || bytes / size > Integer.MAX_VALUE - 8) {
            throw malformed("array '" + name + "' announces " + bytes + " bytes, not a whole number of "
                    + type + " values that fits in one array");
        }
        long end = position + headerBytes + bytes;
        if (end > channel.size()) {
            throw malformed("it is truncated: array '" + name + "' needs bytes up to " + end
                    + " but the file has " + channel.size());
        }
        double[] values = new double[(int) (bytes / size)];
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * size).order(order);
        long at = position + headerBytes;
        int n = 0;
        while (n < values.length) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), (long) (values.length - n) * size));
            readFully(chunk, at, name);
            at += chunk.limit();
            chunk.flip();
            while (chunk.hasRemaining()) {
                values[n++] = switch (type) {
                    case "Float32" -> chunk.getFloat();
                    case "Float64" -> chunk.getDouble();
                    case "Int32" -> chunk.getInt();
                    default -> chunk.getLong();
                };
            }
        }
        return values;
    }

    private void readFully(ByteBuffer buffer, long position, String name) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw malformed("it is truncated within array '" + name + "'");
            }
            at += read;
        }
    }

    private int[] integers(Element element, String attribute, int count) throws IOException {
        double[] parsed = doubles(element, attribute, null, count);
        int[] values = new int[count];
        for (int n = 0; n < count; n++) {
            values[n] = (int) parsed[n];
            if (values[n] != parsed[n]) {
                throw malformed(attribute + " of <" + element.getTagName() + "> must hold integers");
            }
        }
        return values;
    }

    /** A required attribute of {@code count} numbers, or {@code fallback} when absent (null: required). */
    private double[] doubles(Element element, String attribute, double[] fallback, int count) throws IOException {
        String text = element.getAttribute(attribute).trim();
        if (text.isEmpty()) {
            if (fallback == null) {
                throw malformed("<" + element.getTagName() + "> has no " + attribute);
            }
            return fallback;
        }
        String[] tokens = text.split("\\s+");
        if (tokens.length != count) {
            throw malformed(attribute + " of <" + element.getTagName() + "> has " + tokens.length
                    + " values, expected " + count);
        }
        double[] values = new double[count];
        for (int n = 0; n < count; n++) {
            try {
                values[n] = Double.parseDouble(tokens[n]);
            } catch (NumberFormatException e) {
                throw malformed(attribute + " of <" + element.getTagName() + "> holds '" + tokens[n]
                        + "', not a number");
            }
        }
        return values;
    }


    /** A format problem; its message already names the file. */
    private static final class VtiFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        VtiFormatException(String message) {
            super(message);
        }
    }

    private IOException notImageData(String why) {
        return new VtiFormatException("not a VTK ImageData file: " + file + " (" + why + ")");
    }

    private IOException unsupported(String what) {
        return new VtiFormatException("unsupported " + what + " in " + file);
    }

    private IOException malformed(String what) {
        return new VtiFormatException("cannot read " + file + ": " + what);
    }
}
