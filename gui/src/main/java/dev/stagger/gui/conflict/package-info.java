/**
 * Saving a project whose file changed on disk since it was opened (another program, a
 * {@code stagger edit}, a colleague): the user chooses to reload it or to overwrite it.
 */
package dev.stagger.gui.conflict;
