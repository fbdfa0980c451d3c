package dev.stagger.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.yaml.InPlaceEditor.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nested key paths: values change where they are, missing keys and mappings are added, comments stay. */
class InPlaceEditorTest {
    private static final String TEXT = """
            # top
            a: 1          # one
            b:
              c: x        # see
              d: {e: 2, f: 3}
            g: [1, 2]     # list
            """;

    private static InPlaceEditor editor(String text) {
        return new InPlaceEditor(text, "t.yaml", path -> path.isEmpty() ? List.of("a", "b", "g", "h")
                : path.equals(List.of("b")) ? List.of("c", "k", "d") : List.of(), "edit it by hand");
    }

    @Test
    void replacesValuesAtAnyDepthKeepingCommentsAndLayout() throws Exception {
        String result = editor(TEXT).set(List.of("b", "c"), Value.scalar("y")).set(List.of("b", "d", "f"),
                Value.scalar("30")).set(List.of("g"), Value.list(List.of("5"), false)).text();
        assertThat(result).isEqualTo(TEXT.replace("c: x        #", "c: y        #").replace("f: 3", "f: 30")
                .replace("g: [1, 2]     #", "g: [5]        #"));
    }

    @Test
    void addsMissingKeysAndMappingsWhereTheOrderPutsThem() throws Exception {
        String result = editor(TEXT).set(List.of("b", "k"), Value.scalar("new")).set(List.of("h", "i", "j"),
                Value.scalar("deep")).set(List.of("b", "d", "z"), Value.scalar("9")).set(List.of("b", "d", "q", "r"),
                Value.scalar("1")).text();
        assertThat(result).isEqualTo("""
                # top
                a: 1          # one
                b:
                  c: x        # see
                  k: new
                  d: {e: 2, f: 3, z: 9, q: {r: 1}}
                g: [1, 2]     # list
                h:
                  i:
                    j: deep
                """);
    }

    @Test
    void addsAKeyBeforeTheFirstLaterOneWhenNoneBeforeItIsThere() throws Exception {
        assertThat(editor("g: 1   # last\n").set(List.of("a"), Value.scalar("0")).text()).isEqualTo("a: 0\ng: 1   # last\n");
    }

    @Test
    void removesKeysAndTheMappingsTheyEmpty() throws Exception {
        String result = editor("a: 1\nb:\n  c:\n    d: 1   # only\ng: 2\n").unset(List.of("b", "c", "d")).text();
        assertThat(result).isEqualTo("a: 1\ng: 2\n");
        assertThat(editor(TEXT).unset(List.of("b", "d", "e")).unset(List.of("nothing", "here")).text())
                .isEqualTo(TEXT.replace("{e: 2, f: 3}", "{f: 3}"));
    }

    @Test
    void refusesWhatItCannotChangeWithThePosition() {
        assertThatThrownBy(() -> editor("a: 1\nb: text\n").set(List.of("b", "c"), Value.scalar("1")))
                .isInstanceOf(InPlaceEditor.EditException.class)
                .hasMessage("t.yaml:2:4: cannot change it in place: b is not a mapping of keys here; fix the file first");
        assertThatThrownBy(() -> editor("a: &x 1\nb: *x\n").set(List.of("a"), Value.scalar("2")))
                .hasMessageStartingWith("t.yaml:").hasMessageContaining("anchors and aliases (& and *)")
                .hasMessageEndingWith("; edit it by hand");
        assertThatThrownBy(() -> editor("a: [1\n").set(List.of("a"), Value.scalar("2")))
                .hasMessageMatching("t\\.yaml:\\d+:\\d+: invalid YAML: .*");
    }
}
