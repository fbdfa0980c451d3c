package dev.stagger.remote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN section 2: remote depends on the engine, never on JavaFX or the workbench. */
class ArchitectureTest {
    private static final JavaClasses REMOTE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stagger.remote");

    @Test
    void remoteHasNoJavaFxAndNoWorkbench() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                "dev.stagger.gui..").allowEmptyShould(true).check(REMOTE);
    }

    @Test
    void remoteNeverImportsMpiOrJcuda() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("mpi..", "jcuda..")
                .allowEmptyShould(true).check(REMOTE);
    }
}
