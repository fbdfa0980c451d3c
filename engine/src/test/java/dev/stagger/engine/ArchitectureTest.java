package dev.stagger.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN section 2: the engine computes and nothing else. It never draws (JavaFX, AWT, Swing is
 * allowed only for the CLI's PNG rendering later), never speaks SSH, keeps {@code mpi.*} inside
 * {@code distributed.mpi} and {@code jcuda.*} inside {@code backend.cuda}, and only the CLI writes
 * to the console.
 */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stagger.engine");

    @Test
    void engineHasNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(ENGINE);
    }

    @Test
    void engineHasNoSsh() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.jcraft..", "dev.stagger.remote..")
                .check(ENGINE);
    }

    @Test
    void engineDoesNotKnowTheWorkbench() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.stagger.gui..").check(ENGINE);
    }

    @Test
    void onlyTheMpiPackageImportsMpi() {
        noClasses().that().resideOutsideOfPackage("dev.stagger.engine.distributed.mpi..")
                .should().dependOnClassesThat().resideInAnyPackage("mpi..")
                .allowEmptyShould(true)
                .check(ENGINE);
    }

    @Test
    void onlyTheCudaBackendImportsJcuda() {
        noClasses().that().resideOutsideOfPackage("dev.stagger.engine.backend.cuda..")
                .should().dependOnClassesThat().resideInAnyPackage("jcuda..")
                .allowEmptyShould(true)
                .check(ENGINE);
    }

    @Test
    void onlyTheCliWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.stagger.engine.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(ENGINE);
    }

    @Test
    void noStackTracesPrintedBehindTheUsersBack() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(ENGINE);
    }
}
