package dev.stagger.gui.start;

import java.nio.file.Path;

/**
 * One card of the start page's gallery.
 *
 * @param summary a line such as "diffusion · 2D · 128 × 128 cells"
 * @param thumbnail the initial condition, or null when the project could not be read
 * @param problem why the project could not be read, or null
 */
public record SampleCard(Path file, String title, String description, String summary, Thumbnail thumbnail,
        String problem) {}
