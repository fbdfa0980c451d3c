/**
 * The installed application's entry point: one {@code stagger} that is the workbench (no arguments,
 * or a project file to open) or the command line (anything else), as {@code ./stagger} is from the
 * sources.
 */
package dev.stagger.gui.launch;
