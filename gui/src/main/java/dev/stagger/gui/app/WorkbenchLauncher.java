package dev.stagger.gui.app;

import javafx.application.Application;

/** The main class of the workbench ({@code ./stagger} with no arguments runs it). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {}

    public static void main(String[] args) {
        Application.launch(StaggerWorkbench.class, args);
    }
}
