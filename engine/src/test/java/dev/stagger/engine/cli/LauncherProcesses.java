package dev.stagger.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real {@code ./stagger} processes for the ITs, started in a folder of the test's own, each with its
 * stdout and stderr in {@code NAME.out} and {@code NAME.err} there.
 */
public record LauncherProcesses(Path folder) {
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    public Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(folder.resolve(name + ".out").toFile())
                .redirectError(folder.resolve(name + ".err").toFile()).start();
    }

    public String read(String file) throws IOException {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }
}
