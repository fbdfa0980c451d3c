package dev.stagger.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpu is always granted; cuda is refused naming each thing that is missing; auto falls back to the
 * CPU with a notice saying why. The probe looks at a folder standing for "/" (driver library,
 * device node) and at the environment given to it.
 */
class BackendChoiceTest {
    @TempDir
    Path root;

    private CudaProbe probe(Map<String, String> env) {
        return new CudaProbe(env, root, BackendChoiceTest.class.getClassLoader());
    }

    @Test
    void cpuIsAlwaysGrantedWithoutANotice() throws Exception {
        assertThat(BackendChoice.resolve(Backend.CPU, probe(Map.of()))).isEqualTo(new BackendChoice(Backend.CPU, null));
    }

    @Test
    void cudaOnAMachineWithoutDriverOrDeviceNamesEverythingMissing() {
        assertThatThrownBy(() -> BackendChoice.resolve(Backend.CUDA, probe(Map.of())))
                .isInstanceOf(BackendChoice.UnavailableException.class)
                .hasMessageStartingWith("backend cuda cannot run here; missing: the GPU backend")
                .hasMessageContaining("the JCuda library")
                .hasMessageContaining("the NVIDIA driver (no libcuda.so.1")
                .hasMessageContaining("a GPU (no /dev/nvidia0)")
                .hasMessageContaining("Use backend cpu");
    }

    @Test
    void aDriverAndADeviceAreFoundAndNoLongerMissing() throws Exception {
        Files.createDirectories(root.resolve("opt/drv"));
        Files.createFile(root.resolve("opt/drv/libcuda.so.1"));
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/nvidia0"));
        assertThat(probe(Map.of("LD_LIBRARY_PATH", "/opt/drv")).missing())
                .noneMatch(m -> m.contains("NVIDIA driver") || m.contains("a GPU ("))
                .anyMatch(m -> m.startsWith("the GPU backend"));
    }

    @Test
    void cudaVisibleDevicesThatHidesEveryDeviceIsNamed() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/nvidia0"));
        assertThat(probe(Map.of("CUDA_VISIBLE_DEVICES", "")).missing())
                .contains("a visible GPU (CUDA_VISIBLE_DEVICES= hides them all)");
        assertThat(probe(Map.of("CUDA_VISIBLE_DEVICES", "-1")).missing())
                .contains("a visible GPU (CUDA_VISIBLE_DEVICES=-1 hides them all)");
        assertThat(probe(Map.of("CUDA_VISIBLE_DEVICES", "1")).missing()).noneMatch(m -> m.contains("GPU ("));
    }

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() throws Exception {
        BackendChoice choice = BackendChoice.resolve(Backend.AUTO, probe(Map.of()));
        assertThat(choice.used()).isEqualTo(Backend.CPU);
        assertThat(choice.notice()).startsWith("backend auto: no usable GPU (missing: the GPU backend")
                .endsWith("; running on the CPU");
    }

    @Test
    void labelsParseBack() {
        for (Backend b : Backend.values()) {
            assertThat(Backend.parse(b.label())).isEqualTo(b);
        }
        assertThat(Backend.parse(" CUDA ")).isEqualTo(Backend.CUDA);
        assertThat(Backend.parse("opencl")).isNull();
    }
}
