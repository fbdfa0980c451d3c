package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.model.lang.cuda.PtxBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged engine holds the built-in models' PTX where nvcc exists. */
class CudaPtxPackagedIT {

    @Test
    void aPackagedBuildHoldsThePtxOfEveryBuiltInModelWhereNvccExists() throws Exception {
        // made by the build's prepare-package step, so an IT (after packaging) looks at it
        Path built = Path.of("target/classes/dev/stagger/engine/model/lang/cuda/ptx");
        org.junit.jupiter.api.Assumptions.assumeTrue(PtxBuild.nvcc().isPresent(), "no nvcc: no packaged PTX");
        try (Stream<Path> files = Files.list(built)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("diffusion-1d_f64.ptx", "stokes-2d_f32.ptx", "sia-2d_f64.ptx", "waves-3d_f32.ptx");
        }
    }
}
