package dev.stagger.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The HELLO a server reads before it knows who asks: small, and never a reason to allocate more. */
class HelloTest {

    @Test
    void aRealHelloIsWellUnderTheLimitEvenWithALongClientName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Hello(1, 1, LiveServer.newToken(), "x".repeat(10_000)).write(new DataOutputStream(bytes));
        assertThat(bytes.size() + 1).isLessThan(Hello.MAX_FRAME / 4); // + 1: the frame's type byte
        Hello read = Hello.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.clientName()).hasSize(Hello.MAX_CLIENT_NAME);
        assertThat(read.agreedVersion()).isEqualTo(1);
    }

    @Test
    void aStringLongerThanItsFrameIsMalformedNotAnAllocation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(1);
        out.writeInt(1);
        out.writeInt(1 << 20); // a token of 1 MiB, in a frame of a few bytes
        out.write(new byte[16]);
        assertThatThrownBy(() -> Hello.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isInstanceOf(IOException.class).hasMessageContaining("malformed hello");
    }

    @Test
    void versionsWithNothingInCommonAgreeOnNone() {
        assertThat(new Hello(7, 9, "t", "future").agreedVersion()).isEqualTo(-1);
    }
}
