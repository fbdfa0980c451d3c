package dev.stagger.gui.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;

/**
 * PLUG-IN POINT for run targets: the shell offers whatever targets the providers on the class path
 * give (this computer, its MPI ranks, each cluster profile) and knows none of them by name.
 * Registered with {@code META-INF/services/dev.stagger.gui.run.RunTargetProvider}.
 */
public interface RunTargetProvider {

    /** What a target may need from the workbench. */
    record Environment(Executor background, Executor ui, Clock clock, Optional<Path> launcher, Preferences prefs) {}

    /** Providers are asked in this order (low first); the first target of the first provider is the default. */
    default int order() {
        return 100;
    }

    List<RunTarget> targets(Environment environment);

    /** The targets of every provider on the class path, in {@link #order()}. */
    static List<RunTarget> discover(Environment environment) {
        List<RunTargetProvider> providers = new ArrayList<>();
        ServiceLoader.load(RunTargetProvider.class).forEach(providers::add);
        providers.sort(Comparator.comparingInt(RunTargetProvider::order));
        List<RunTarget> targets = new ArrayList<>();
        for (RunTargetProvider p : providers) {
            targets.addAll(p.targets(environment));
        }
        return targets;
    }
}
