package dev.stagger.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code ./stagger}) in a process of its own, with no terminal: the MFA node's
 * verification code comes from the program named by {@code SSH_ASKPASS}, as OpenSSH would ask it.
 */
@ExtendWith(LoopbackClusterExtension.class)
class CommandLineMfaIT {
    /** ./stagger builds itself first when the sources are newer than its jars. */
    private static final long PROCESS_SECONDS = 240;

    @Test
    @Timeout(value = 2 * PROCESS_SECONDS + 30, unit = TimeUnit.SECONDS)
    void doctorLogsInToTheMfaNodeWithACodeFromAskpass(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        Path root = projectRoot();
        Path asked = tmp.resolve("askpass-prompts.txt");
        Path askpass = tmp.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + asked + "'\n"
                + "oathtool --totp -b '" + cluster.totpSecret() + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString(), "XDG_STATE_HOME",
                tmp.resolve("state").toString(), "SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force");

        Result add = stagger(root, env, tmp, "cluster", "add", "mfa", "--host", "login-mfa", "--ssh-config",
                cluster.sshConfig().toString());
        assertThat(add.exit()).as(add.toString()).isZero();
        assertThat(tmp.resolve("config/stagger/clusters/mfa.yaml")).isRegularFile();

        Result doctor = stagger(root, env, tmp, "cluster", "doctor", "mfa");

        assertThat(doctor.out()).as(doctor.toString()).contains("ok       login and host key: " + cluster.user()
                + "@login-mfa (" + cluster.mfaHost() + "):" + cluster.mfaPort());
        assertThat(doctor.err()).as(doctor.toString()).doesNotContain("authentication to");
        List<String> prompts = Files.readAllLines(asked, StandardCharsets.UTF_8);
        assertThat(prompts).as("askpass prompts").singleElement().asString().contains("Verification code");
    }

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n  out: " + out.strip().replace("\n", "\n       ") + "\n  err: "
                    + err.strip().replace("\n", "\n       ");
        }
    }

    private static Result stagger(Path root, Map<String, String> env, Path tmp, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("stagger").toString());
        builder.command().addAll(List.of(args));
        builder.directory(tmp.toFile()).redirectInput(new File("/dev/null")).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        if (!process.waitFor(PROCESS_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("./stagger " + String.join(" ", args) + " gave no answer within "
                    + PROCESS_SECONDS + " s\n  out: " + Files.readString(out) + "\n  err: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The folder of the ./stagger launcher: the working directory (the module) or one above it. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("stagger")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new AssertionError("no ./stagger launcher in " + Path.of("").toAbsolutePath() + " or above");
    }
}
