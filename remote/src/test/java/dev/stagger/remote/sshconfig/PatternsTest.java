package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternsTest {

    @Test
    void wildcardsMatchRunsAndSingleCharacters() {
        assertThat(Patterns.matches("node12.cluster", "node*.cluster")).isTrue();
        assertThat(Patterns.matches("node12.cluster", "node?.cluster")).isFalse();
        assertThat(Patterns.matches("node1.cluster", "node?.cluster")).isTrue();
        assertThat(Patterns.matches("anything", "*")).isTrue();
        assertThat(Patterns.matches("", "*")).isTrue();
        assertThat(Patterns.matches("abc", "a*b*c*")).isTrue();
        assertThat(Patterns.matches("abcbd", "a*bd")).isTrue();
        assertThat(Patterns.matches("abc", "abd")).isFalse();
        assertThat(Patterns.matches("Gateway", "gateway")).as("Host patterns compare case-sensitively").isFalse();
    }

    @Test
    void aNegatedEntryVetoesTheList() {
        assertThat(Patterns.matchList("a.example.org", "*.example.org,!a.example.org", false))
                .isEqualTo(Patterns.ListMatch.NEGATED);
        assertThat(Patterns.matchList("b.example.org", "*.example.org,!a.example.org", false))
                .isEqualTo(Patterns.ListMatch.POSITIVE);
        assertThat(Patterns.matchList("c.other.org", "*.example.org", false)).isEqualTo(Patterns.ListMatch.NONE);
        assertThat(Patterns.matchesList("b", "!a")).as("negation alone matches nothing").isFalse();
    }

    @Test
    void hostListsIgnoreCase() {
        assertThat(Patterns.matchesHostList("Login.Example.ORG", "*.EXAMPLE.org")).isTrue();
    }
}
