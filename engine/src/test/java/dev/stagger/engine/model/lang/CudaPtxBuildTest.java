package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.model.lang.cuda.PtxBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time PTX step: skipped with a message without nvcc, and named per model and precision. */
class CudaPtxBuildTest {
    @TempDir
    Path tmp;

    @Test
    void withoutNvccNothingIsBuiltAndTheReportSaysSo() throws Exception {
        List<String> report = PtxBuild.build(tmp.resolve("classes"), tmp.resolve("work"), Optional.empty());
        assertThat(report).singleElement().asString().startsWith("nvcc not found")
                .contains("PTX is not packaged");
        assertThat(tmp.resolve("classes")).doesNotExist();
    }

    @Test
    void resourcesAreNamedByCatalogueFileAndPrecision() {
        assertThat(PtxBuild.resource("stokes-3d.yaml", false)).isEqualTo("ptx/stokes-3d_f64.ptx");
        assertThat(PtxBuild.resource("sia-2d.yaml", true)).isEqualTo("ptx/sia-2d_f32.ptx");
    }
}
