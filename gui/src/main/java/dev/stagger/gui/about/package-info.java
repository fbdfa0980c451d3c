/**
 * The About box: the build (version, commit), the Java and JavaFX that run it, and a button that
 * copies all of it for a bug report.
 */
package dev.stagger.gui.about;
