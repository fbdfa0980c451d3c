/**
 * The JavaFX workbench, in packages by feature: {@code shell} (the window, menus, its view model),
 * {@code start} (the start page), {@code document} (the project being edited), {@code setup} (its
 * editors), {@code run} (the toolkit-free run-target API) with {@code run.local} and
 * {@code run.cluster}, {@code jobs} (the job list, its history), {@code cluster} (profiles and the
 * SSH dialogs), {@code monitor} (the live view), {@code widgets} (shared controls) and
 * {@code plugin} (how setup editors and monitors plug into the shell). {@code ./stagger} with no
 * arguments opens it.
 */
package dev.stagger.gui;
