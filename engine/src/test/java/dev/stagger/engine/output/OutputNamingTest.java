package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputNamingTest {
    private final OutputNaming names = new OutputNaming("stokes2d");

    @Test
    void namesCarryTheProjectAndTheZeroPaddedStep() {
        assertThat(names.vti(20)).isEqualTo("stokes2d_000020.vti");
        assertThat(names.pvti(20)).isEqualTo("stokes2d_000020.pvti");
        assertThat(names.piece(20, 3)).isEqualTo("stokes2d_000020_r0003.vti");
        assertThat(names.pvd()).isEqualTo("stokes2d.pvd");
        assertThat(names.vti(1234567)).isEqualTo("stokes2d_1234567.vti");
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRefused() {
        assertThatThrownBy(() -> new OutputNaming("../x")).hasMessageContaining("contains '/'");
        assertThatThrownBy(() -> new OutputNaming(" ")).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> names.vti(-1)).hasMessageContaining("negative step");
    }
}
