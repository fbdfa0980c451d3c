package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class JumpHopTest {

    private static JumpHop hop(String user, String host, int port) {
        return new JumpHop(Optional.ofNullable(user), host, port > 0 ? OptionalInt.of(port) : OptionalInt.empty());
    }

    @Test
    void hostAloneOrWithUserAndPort() {
        assertThat(JumpHop.parse("bastion")).containsExactly(hop(null, "bastion", 0));
        assertThat(JumpHop.parse("bob@bastion")).containsExactly(hop("bob", "bastion", 0));
        assertThat(JumpHop.parse("bastion:2222")).containsExactly(hop(null, "bastion", 2222));
        assertThat(JumpHop.parse("bob@bastion.example.org:2222"))
                .containsExactly(hop("bob", "bastion.example.org", 2222));
    }

    @Test
    void theUserEndsAtTheLastAt() {
        assertThat(JumpHop.parse("bob@corp@bastion")).containsExactly(hop("bob@corp", "bastion", 0));
    }

    @Test
    void severalHopsInTheOrderVisited() {
        assertThat(JumpHop.parse("outer,bob@middle:2200,inner")).containsExactly(hop(null, "outer", 0),
                hop("bob", "middle", 2200), hop(null, "inner", 0));
    }

    @Test
    void sshUris() {
        assertThat(JumpHop.parse("ssh://bastion")).containsExactly(hop(null, "bastion", 0));
        assertThat(JumpHop.parse("ssh://bob@bastion:2222/")).containsExactly(hop("bob", "bastion", 2222));
        assertThat(JumpHop.parse("ssh://b%40corp;x=1@bastion")).containsExactly(hop("b@corp", "bastion", 0));
        assertThat(JumpHop.parse("ssh://gw.example.org.:2222,gw")).containsExactly(
                hop(null, "gw.example.org", 2222), hop(null, "gw", 0));
        assertThat(JumpHop.parse("ssh://10.1.2.3")).containsExactly(hop(null, "10.1.2.3", 0));
    }

    @Test
    void ipv6InBrackets() {
        assertThat(JumpHop.parse("[2001:db8::1]")).containsExactly(hop(null, "2001:db8::1", 0));
        assertThat(JumpHop.parse("root@[::1]:2022")).containsExactly(hop("root", "::1", 2022));
        assertThat(hop("root", "::1", 2022)).hasToString("root@[::1]:2022");
    }

    @Test
    void noneAndComments() {
        assertThat(JumpHop.parse("none")).isEmpty();
        assertThat(JumpHop.parse("NONE")).isEmpty();
        assertThat(JumpHop.parse("none # direct")).isEmpty();
        assertThat(JumpHop.parse("gw # via the gateway")).containsExactly(hop(null, "gw", 0));
    }

    @Test
    void malformedEntriesAreRejected() {
        for (String spec : List.of("", "gw,", ",gw", "@gw", "gw:0", "gw:70000", "gw:ssh", "[::1", "[::1]x",
                "ssh://gw/path", "ssh://@gw", "bob@",
                "ssh://[2001:db8::1]:2222", "ssh://gw-%h", "ssh://-gw")) {
            assertThatThrownBy(() -> JumpHop.parse(spec)).as(spec).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
