package dev.stagger.gui.run.local;

import dev.stagger.gui.common.ProgramSearch;
import dev.stagger.gui.common.WorkbenchPrefs;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.run.RunTargetProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This computer: always the workbench's own JVM (the default target), and MPI ranks when an
 * {@code mpirun} is on {@code PATH} and the {@code stagger} launcher is known to start them with.
 */
public final class LocalTargets implements RunTargetProvider {

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<RunTarget> targets(Environment env) {
        List<RunTarget> targets = new ArrayList<>();
        targets.add(new EmbeddedRunTarget(env.background(), env.ui(), env.clock()));
        // the mpirun chosen in Edit > Preferences, else the first on PATH
        String chosen = env.prefs().get(WorkbenchPrefs.MPIRUN, "").trim();
        Optional<Path> mpirun = !chosen.isEmpty() && Files.isExecutable(Path.of(chosen)) ? Optional.of(Path.of(chosen))
                : ProgramSearch.onPath("mpirun");
        Optional<Path> launcher = env.launcher().filter(Files::isExecutable);
        if (mpirun.isPresent() && launcher.isPresent()) {
            int cores = Runtime.getRuntime().availableProcessors();
            // ranks and threads are read from the preferences again at each run
            targets.add(new LocalMpiRunTarget(launcher.get(), mpirun.get(), Math.max(2, Math.min(cores, 4)),
                    env.prefs(), env.background(), env.ui(), env.clock()));
        }
        return targets;
    }
}
