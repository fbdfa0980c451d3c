package dev.stagger.remote.cli.cluster;

import dev.stagger.remote.profile.ProfileStore;

/**
 * What the {@code cluster} subcommands get from their parent command (picocli injects it as their
 * parent): where the profiles are and how to open an editor. Tests hand in a temporary folder and
 * a scripted editor; the real command line the user's folders and {@code $VISUAL}/{@code $EDITOR}.
 */
public interface ProfileCommandContext {
    ProfileStore profiles();

    FileEditor editor();
}
