package dev.stagger.gui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file Preferences writes is what both launchers (./stagger and the installed one) read: the
 * launchers' own function runs on a file {@link LaunchOptions} wrote, and ignores what is not data.
 */
class LaunchOptionsScriptTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir
    Path dir;

    private String settings(Path script, String stagerHeap) throws Exception {
        String text = Files.readString(script);
        Matcher m = Pattern.compile("(?ms)^workbench_jvm_settings\\(\\) \\{.*?^\\}$").matcher(text);
        assertThat(m.find()).as("workbench_jvm_settings in " + script).isTrue();
        String program = m.group() + "\nheap_opt=default; gc_opt=parallel; workbench_jvm_settings; echo \"$heap_opt $gc_opt\"\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true);
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().remove("STAGGER_HEAP");
        if (stagerHeap != null) {
            pb.environment().put("STAGGER_HEAP", stagerHeap);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void bothLaunchersReadWhatPreferencesWrote() throws Exception {
        Path conf = dir.resolve("config/stagger/workbench.conf");
        for (Path script : new Path[] {ROOT.resolve("stagger"), ROOT.resolve("dev/packaging/stagger")}) {
            Files.deleteIfExists(conf);
            assertThat(settings(script, null)).as(script.toString()).isEqualTo("default parallel");
            new LaunchOptions("6g", true).write(conf);
            assertThat(settings(script, null)).as(script.toString()).isEqualTo("-Xmx6g -XX:+UseG1GC");
            // the environment wins over the file's heap
            assertThat(settings(script, "2g")).as(script.toString()).isEqualTo("default -XX:+UseG1GC");
            new LaunchOptions(null, false).write(conf);
            assertThat(settings(script, null)).as(script.toString()).isEqualTo("default parallel");
            Files.writeString(conf, "heap=$(touch " + dir.resolve("ran") + ")\ngc=g1; touch " + dir.resolve("ran") + "\n");
            assertThat(settings(script, null)).as(script.toString()).isEqualTo("default parallel");
            assertThat(dir.resolve("ran")).doesNotExist();
        }
    }
}
