package dev.stagger.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.stagger.gui.common.Themed;
import org.junit.jupiter.api.Test;

/**
 * The workbench's seams (DESIGN section 2): the shell finds the setup editors and the
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
        noClasses().that().resideInAPackage("dev.stagger.gui.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stagger.gui.setup..", "dev.stagger.gui.monitor..",
                        "dev.stagger.gui.run.local..", "dev.stagger.gui.run.cluster..", "dev.stagger.gui.cluster..")
                .check(GUI);
    }

    @Test
    void theRunAndJobModelsUseNoSceneGraph() {
        noClasses().that().resideInAnyPackage("dev.stagger.gui.run..")
                .or().haveSimpleNameEndingWith("Board").or().haveSimpleNameEndingWith("Registry")
                .or().haveSimpleNameEndingWith("History").or().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(GUI);
    }

    @Test
    void featurePackagesDoNotReachIntoTheShell() {
        // the launcher (the program's entry point) starts the shell; nothing else knows it
        noClasses().that().resideOutsideOfPackages("dev.stagger.gui.shell..", "dev.stagger.gui.launch..")
                .should().dependOnClassesThat().resideInAPackage("dev.stagger.gui.shell..")
                .check(GUI);
    }

    @Test
    void theMonitorsPartsDependOnEachOtherOneWayOnly() {
        // frame (pictures), feed, state, output, export and chart under the monitor's views: no cycle among them
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.stagger.gui.monitor.(*)..").should().beFreeOfCycles().check(GUI);
        noClasses().that().resideInAPackage("dev.stagger.gui.monitor.frame..")
                .should().dependOnClassesThat().resideInAPackage("dev.stagger.gui.monitor")
                .check(GUI);
    }

    @Test
    void theDocumentNeedsNoToolkit() {
        noClasses().that().resideInAPackage("dev.stagger.gui.document..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "dev.stagger.gui.shell..", "dev.stagger.gui.setup..")
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
    void keysAreGivenOnlyToCommands() {
        // a key set on a menu item by hand would escape the window's Commands, which keep keys apart
        noClasses().that().resideOutsideOfPackage("dev.stagger.gui.common.action..")
                .should().callMethod(javafx.scene.control.MenuItem.class, "setAccelerator",
                        javafx.scene.input.KeyCombination.class)
                .orShould().callMethod(javafx.scene.input.KeyCombination.class, "keyCombination", String.class)
                .orShould().callConstructor(javafx.scene.input.KeyCodeCombination.class, javafx.scene.input.KeyCode.class,
                        javafx.scene.input.KeyCombination.Modifier[].class)
                .orShould().callConstructor(javafx.scene.input.KeyCharacterCombination.class, String.class,
                        javafx.scene.input.KeyCombination.Modifier[].class)
                .check(GUI);
    }

    @Test
    void theWorkbenchSpeaksSshOnlyThroughTheRemoteModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.jcraft..").check(GUI);
    }

    @Test
    void everyDialogAndWindowWearsTheTheme() {
        // a dialog made without Themed.follow shows JavaFX's light default over the dark workbench
        classes().should(new ArchCondition<JavaClass>("call Themed.follow when they make a dialog or window") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean makes = c.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isAssignableTo(javafx.stage.Stage.class)
                                || call.getTargetOwner().isAssignableTo(javafx.scene.control.Dialog.class));
                boolean follows = c.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Themed.class)
                                && call.getName().equals("follow"));
                if (makes && !follows) {
                    events.add(SimpleConditionEvent.violated(c, c.getName()
                            + " makes a dialog or window without Themed.follow"));
                }
            }
        }).check(GUI);
    }
}
