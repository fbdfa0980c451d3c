package dev.stagger.engine.output;

/** Text helpers for the XML we write by hand (we stream binary after it, so no DOM writer). */
final class Xml {
    private Xml() {}

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
}
