/**
 * Help > Manual: the project format, the expression functions, the models with their equations and
 * parameters, and the keyboard shortcuts, generated from the engine's own descriptions (and the
 * menus' accelerators) so they cannot drift from what the program does.
 */
package dev.stagger.gui.help;
