package dev.stagger.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpu is always granted; cuda is refused naming each thing that is missing; auto falls back to the
 * CPU with a notice saying why. The probe looks at a folder standing for "/" (the driver library)
 * and at the environment given to it, and only then asks the driver (a stand-in here).
 */
class BackendChoiceTest {
    @TempDir
    Path root;

    /** What the driver says when asked (only once nothing else is missing). */
    private List<String> driverProblems = List.of();
    private int asked;

    private CudaProbe probe(Map<String, String> env) {
        return new CudaProbe(env, root, BackendChoiceTest.class.getClassLoader(), why -> new Devices() {
            @Override
            public List<String> problems() {
                asked++;
                return driverProblems;
            }

            @Override
            public List<String> describe() {
                return List.of();
            }

            @Override
            public Object open(int localRank) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private void driverLibrary() throws Exception {
        Files.createDirectories(root.resolve("opt/drv"));
        Files.createFile(root.resolve("opt/drv/libcuda.so.1"));
    }

    @Test
    void cpuIsAlwaysGrantedWithoutANotice() throws Exception {
        assertThat(BackendChoice.resolve(Backend.CPU, probe(Map.of()))).isEqualTo(BackendChoice.cpu(null));
        assertThat(asked).isZero();
    }

    @Test
    void cudaOnAMachineWithoutDriverNamesWhatIsMissingWithoutLoadingAnythingNative() {
        assertThatThrownBy(() -> BackendChoice.resolve(Backend.CUDA, new CudaProbe(Map.of(), root,
                new ClassLoader(null) { }, why -> {
                    throw new AssertionError("the driver must not be asked when its library is missing");
                })))
                .isInstanceOf(BackendChoice.UnavailableException.class)
                .hasMessageStartingWith("backend cuda cannot run here; missing: the JCuda library")
                .hasMessageContaining("the NVIDIA driver (no libcuda.so.1")
                .hasMessageContaining("Use backend cpu");
    }

    @Test
    void withTheDriverLibraryThereTheDriverItselfIsAsked() throws Exception {
        driverLibrary();
        driverProblems = List.of("a GPU (the NVIDIA driver reports none: CUDA_ERROR_NO_DEVICE)");
        assertThatThrownBy(() -> BackendChoice.resolve(Backend.CUDA, probe(Map.of("LD_LIBRARY_PATH", "/opt/drv"))))
                .hasMessage("backend cuda cannot run here; missing: a GPU (the NVIDIA driver reports none:"
                        + " CUDA_ERROR_NO_DEVICE). Use backend cpu (or auto, which falls back to the CPU).");
        assertThat(asked).isEqualTo(1);
    }

    @Test
    void aDriverWithADeviceGrantsCudaWithItsDevices() throws Exception {
        driverLibrary();
        BackendChoice choice = BackendChoice.resolve(Backend.AUTO, probe(Map.of("LD_LIBRARY_PATH", "/opt/drv")));
        assertThat(choice.used()).isEqualTo(Backend.CUDA);
        assertThat(choice.notice()).isNull();
        assertThat(choice.devices()).isNotNull();
    }

    @Test
    void cudaVisibleDevicesThatHidesEveryDeviceIsNamed() throws Exception {
        driverLibrary();
        assertThat(probe(Map.of("CUDA_VISIBLE_DEVICES", "")).missing())
                .contains("a visible GPU (CUDA_VISIBLE_DEVICES= hides them all)");
        assertThat(probe(Map.of("CUDA_VISIBLE_DEVICES", "-1")).missing())
                .contains("a visible GPU (CUDA_VISIBLE_DEVICES=-1 hides them all)");
        assertThat(probe(Map.of("CUDA_VISIBLE_DEVICES", "1", "LD_LIBRARY_PATH", "/opt/drv")).missing()).isEmpty();
    }

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() throws Exception {
        BackendChoice choice = BackendChoice.resolve(Backend.AUTO, probe(Map.of()));
        assertThat(choice.used()).isEqualTo(Backend.CPU);
        assertThat(choice.notice()).startsWith("backend auto: no usable GPU (missing: the NVIDIA driver")
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
