/**
 * Diagnostics: the workbench's log file (rotated, under {@code $XDG_STATE_HOME/stagger/logs/}),
 * the crash report and dialog for exceptions nobody caught, and the dialog that lists every
 * problem of a project that could not be opened.
 */
package dev.stagger.gui.diagnostics;
