package dev.stagger.gui.shell;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/** The main class of the workbench ({@code ./stagger} with no arguments runs it). */
public final class WorkbenchLauncher {
    /** JavaFX's logger; held so that its level stays set (loggers are referenced weakly). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private WorkbenchLauncher() {}

    public static void main(String[] args) {
        // JavaFX warns on every start that it was loaded from the class path, which is how Stagger
        // ships it (ControlsFX needs no module flags that way): not news to the user
        JAVAFX_LOG.setLevel(Level.SEVERE);
        // the log file (rotated, in $XDG_STATE_HOME/stagger/logs/) before anything can go wrong
        dev.stagger.gui.diagnostics.WorkbenchLog.install(dev.stagger.gui.diagnostics.WorkbenchLog.defaultDir());
        Application.launch(StaggerWorkbench.class, args);
    }
}
