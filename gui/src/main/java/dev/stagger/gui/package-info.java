/**
 * The JavaFX workbench: model setup, run targets, job list and live monitor. It lands with the
 * workbench issue; {@code ./stagger} with no arguments opens it ({@code dev.stagger.gui.app}).
 */
package dev.stagger.gui;
