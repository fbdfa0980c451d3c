/**
 * Edit > Preferences: MPI (which {@code mpirun}, ranks, threads per rank), the workbench's memory
 * and garbage collector (a small file the launcher reads at the next start), theme, default
 * colormap, number format and where runs go. {@link dev.stagger.gui.prefs.PreferencesForm} holds
 * the logic without the toolkit; {@link dev.stagger.gui.prefs.PreferencesDialog} only shows it.
 */
package dev.stagger.gui.prefs;
