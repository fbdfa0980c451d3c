package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineTokenizerTest {

    @Test
    void blankLinesAndCommentsHaveNoTokens() throws Exception {
        assertThat(LineTokenizer.split("")).isNull();
        assertThat(LineTokenizer.split("   \t  ")).isNull();
        assertThat(LineTokenizer.split("# Host x")).isNull();
        assertThat(LineTokenizer.split("   # indented comment")).isNull();
    }

    @Test
    void keywordAndValueAreSeparatedByBlanksOrOneEqualsSign() throws Exception {
        for (String line : new String[] {"Port 2222", "Port=2222", "Port = 2222", "  Port\t2222  ", "Port= 2222",
                "Port =2222", "Port 2222\r"}) {
            LineTokenizer.Tokens tokens = LineTokenizer.split(line);
            assertThat(tokens.keyword()).as(line).isEqualTo("Port");
            assertThat(tokens.args()).as(line).containsExactly("2222");
        }
    }

    @Test
    void quotesKeepBlanksAndAreRemoved() throws Exception {
        LineTokenizer.Tokens tokens = LineTokenizer.split("IdentityFile \"~/my keys/id_ed25519\" 'a b'c");
        assertThat(tokens.args()).containsExactly("~/my keys/id_ed25519", "a bc");
    }

    @Test
    void backslashEscapesQuotesBackslashAndBlank() throws Exception {
        assertThat(LineTokenizer.split("X a\\ b \\\"q\\\" c\\\\d e\\f").args())
                .containsExactly("a b", "\"q\"", "c\\d", "e\\f");
    }

    @Test
    void aHashStartingAnArgumentEndsTheLine() throws Exception {
        LineTokenizer.Tokens tokens = LineTokenizer.split("Host a b#c # the rest");
        assertThat(tokens.args()).containsExactly("a", "b#c");
        assertThat(tokens.rest()).isEqualTo("a b#c # the rest");
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> LineTokenizer.split("HostName \"example.org"))
                .isInstanceOf(LineTokenizer.BadLine.class).hasMessageContaining("double quote is not closed");
    }

    @Test
    void keywordWithoutValueIsAnError() {
        assertThatThrownBy(() -> LineTokenizer.split("HostName   "))
                .isInstanceOf(LineTokenizer.BadLine.class).hasMessageContaining("no value after \"HostName\"");
    }
}
