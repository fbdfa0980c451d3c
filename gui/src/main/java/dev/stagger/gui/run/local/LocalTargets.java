package dev.stagger.gui.run.local;

import dev.stagger.gui.common.ProgramSearch;
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
        Optional<Path> mpirun = ProgramSearch.onPath("mpirun");
        Optional<Path> launcher = env.launcher().filter(Files::isExecutable);
        if (mpirun.isPresent() && launcher.isPresent()) {
            int cores = Runtime.getRuntime().availableProcessors();
            int ranks = env.prefs().getInt("mpi.ranks", Math.max(2, Math.min(cores, 4)));
            targets.add(new LocalMpiRunTarget(launcher.get(), mpirun.get(), ranks, env.background(), env.ui(),
                    env.clock()));
        }
        return targets;
    }
}
