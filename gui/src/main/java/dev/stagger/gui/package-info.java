/**
 * The JavaFX workbench: model setup, run targets, job list and live monitor. It lands with the
 * workbench issue; until then {@code ./stagger} with no arguments prints the CLI help.
 */
package dev.stagger.gui;
