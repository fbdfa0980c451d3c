package dev.stagger.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The workbench's seams (DESIGN section 2): the shell ({@code app}) finds the setup editors and the
 * monitor through service providers, so a new editor or a cluster monitor plugs in without the
 * shell changing; the document is toolkit-free so it is tested without a display; and the window
 * never writes to the console or prints stack traces (errors become notices).
 */
class ArchitectureTest {
    private static final JavaClasses GUI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stagger.gui");

    @Test
    void theShellKnowsItsPlugInsOnlyThroughProviders() {
        noClasses().that().resideInAPackage("dev.stagger.gui.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stagger.gui.setup..", "dev.stagger.gui.monitor..")
                .check(GUI);
    }

    @Test
    void theDocumentNeedsNoToolkit() {
        noClasses().that().resideInAPackage("dev.stagger.gui.document..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "dev.stagger.gui.app..", "dev.stagger.gui.setup..")
                .check(GUI);
    }

    @Test
    void theWorkbenchDoesNotWriteToTheConsole() {
        // (the installed launcher, before any window, answers on the terminal like the command line)
        noClasses().that().resideOutsideOfPackage("dev.stagger.gui.launch..").should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(GUI);
    }

    @Test
    void theWorkbenchSpeaksSshOnlyThroughTheRemoteModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.jcraft..").check(GUI);
    }
}
