package dev.stagger.engine.output;

/**
 * Text helpers for the XML we write by hand (we stream binary after it, so no DOM writer), and the
 * one parser setup every reader of results files uses.
 */
final class Xml {
    private Xml() {}

    /**
     * A DOM parser for results files: they are data, so no DTDs and no external entities; and the
     * default error handler, which prints "[Fatal Error]" to stderr, is replaced so that a failure is
     * reported by the exception alone.
     */
    static javax.xml.parsers.DocumentBuilder safeBuilder() {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {}

                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** Escapes text for use inside a double-quoted attribute. */
    static String attribute(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int n = 0; n < text.length(); n++) {
            char c = text.charAt(n);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\n' -> s.append("&#10;");
                case '\t' -> s.append("&#9;");
                case '\r' -> s.append("&#13;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Numbers joined by single spaces; Double.toString round-trips exactly and VTK parses it. */
    static String numbers(double... values) {
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < values.length; n++) {
            s.append(n == 0 ? "" : " ").append(values[n]);
        }
        return s.toString();
    }

    static String numbers(int... values) {
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < values.length; n++) {
            s.append(n == 0 ? "" : " ").append(values[n]);
        }
        return s.toString();
    }

    /** The first child element of {@code parent} named {@code tag}, or null. */
    static org.w3c.dom.Element onlyChild(org.w3c.dom.Element parent, String tag) {
        java.util.List<org.w3c.dom.Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements of {@code parent} named {@code tag}, in document order (not deeper ones). */
    static java.util.List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String tag) {
        java.util.List<org.w3c.dom.Element> found = new java.util.ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof org.w3c.dom.Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}
