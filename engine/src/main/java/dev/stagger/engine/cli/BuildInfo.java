package dev.stagger.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * What this build of Stagger is: its version and the commit it was built from (written into the
 * jars' manifests at build time), and the Java and JavaFX it runs with. {@code --version} and the
 * workbench's About box show these lines.
 *
 * @param version the project version, or "development build" when not run from a jar
 * @param commit the commit (short hash), or "unknown"
 * @param javafxVersion the JavaFX the workbench of this build uses, or "unknown"
 */
public record BuildInfo(String version, String commit, String javafxVersion) {
    private static final String UNKNOWN = "unknown";

    /** The build of the jar this class was loaded from. */
    public static BuildInfo current() {
        return from(manifestOf(BuildInfo.class));
    }

    /** The build a jar's manifest describes; null (no jar) is a development build. */
    static BuildInfo from(Manifest manifest) {
        if (manifest == null) {
            return new BuildInfo("development build", UNKNOWN, UNKNOWN);
        }
        Attributes main = manifest.getMainAttributes();
        return new BuildInfo(or(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), "development build"),
                or(main.getValue("Stagger-Commit"), UNKNOWN), or(main.getValue("Stagger-JavaFX-Version"), UNKNOWN));
    }

    /**
     * {@code Stagger 0.1.0 (commit 1a2b3c4d)}, the Java running it (version, vendor, home), and the
     * JavaFX of the workbench: the lines {@code --version} prints and About copies.
     */
    public List<String> lines() {
        return List.of("Stagger " + version + " (commit " + commit + ")",
                "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                        + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")",
                "JavaFX " + javafxVersion + " (workbench)",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty(
                        "os.arch"));
    }

    /** The manifest of the jar {@code type} came from; null when it came from a folder (an IDE, the tests). */
    static Manifest manifestOf(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource() == null ? null
                : type.getProtectionDomain().getCodeSource().getLocation();
        if (location == null || !location.getPath().endsWith(".jar")) {
            return null;
        }
        try (InputStream in = location.openStream(); JarInputStream jar = new JarInputStream(in)) {
            return jar.getManifest();
        } catch (IOException e) {
            return null;
        }
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
