package dev.stagger.gui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shows a folder in the desktop's file manager. Blocks (starting a program, waiting for its answer),
 * so the workbench calls it off the FX thread; a failure says why, and the caller shows the path.
 */
@FunctionalInterface
public interface FolderOpener {

    void open(Path folder) throws IOException;

    /**
     * {@code xdg-open} (Linux desktops) or {@code open} (macOS) when on the PATH, judged by its exit
     * status; else {@link java.awt.Desktop}. AWT is the last resort: it starts a second toolkit
     * beside JavaFX's.
     */
    static FolderOpener system() {
        return folder -> {
            if (!Files.isDirectory(folder)) {
                throw new IOException(folder + " does not exist (any more)");
            }
            // on Linux `open` is openvt (a virtual console), so macOS's `open` only on macOS
            boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
            for (String program : mac ? List.of("open") : List.of("xdg-open")) {
                Path p = ProgramSearch.onPath(program).orElse(null);
                if (p != null) {
                    Process proc = new ProcessBuilder(p.toString(), folder.toString())
                            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    try {
                        // xdg-open hands the folder to the file manager and returns; a failure is its exit status
                        if (proc.waitFor(15, TimeUnit.SECONDS) && proc.exitValue() != 0) {
                            throw new IOException(program + " found no program to show folders (exit " + proc.exitValue() + ")");
                        }
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                java.awt.Desktop.getDesktop().open(folder.toFile());
                return;
            }
            throw new IOException("this desktop has no file manager the workbench can start (no xdg-open)");
        };
    }
}
