package dev.stagger.gui.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.ParameterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The manual is written from the engine's descriptions: every model, parameter and function is in it. */
class ManualTest {
    private final List<Manual.Page> pages = Manual.pages(List.of(new Manual.Shortcut("Edit > Redo (also)", "Ctrl+Shift+Z"),
            new Manual.Shortcut("File > Save", "Ctrl+S")));

    private Manual.Page page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyModelWithItsEquationsParametersAndFields() {
        String models = page(Manual.MODELS).text();
        assertThat(Models.all()).isNotEmpty();
        for (Model m : Models.all()) {
            assertThat(models).contains(m.description().title() + "   (model.name: " + m.description().name())
                    .contains(Manual.wrap(m.description().summary(), 92))
                    .contains("dt <= " + m.description().timeStepRule());
            for (ParameterSpec p : m.description().parameters()) {
                assertThat(models).containsPattern("\n  " + Pattern.quote(p.name()) + " +" + Pattern.quote(p.unit()));
                assertThat(page(Manual.EXPRESSIONS).text()).contains(p.name());
            }
        }
    }

    @Test
    void everyFunctionTheParserKnows() {
        String expressions = page(Manual.EXPRESSIONS).text();
        for (String f : Expression.functions()) {
            assertThat(expressions).contains("\n  " + f + "\n");
        }
        // the examples it gives are expressions the engine reads
        Matcher m = Pattern.compile("Examples +(.*)").matcher(expressions);
        assertThat(m.find()).isTrue();
        for (String example : m.group(1).trim().split(" {2,}")) {
            assertThat(Expression.parse(example).text()).isEqualTo(example);
        }
    }

    @Test
    void shortcutsAreTheOnesGivenAligned() {
        assertThat(page(Manual.SHORTCUTS).text()).contains("  Ctrl+Shift+Z   Edit > Redo (also)\n")
                .contains("  Ctrl+S         File > Save\n");
    }

    @Test
    void theProjectFormatPageShowsTheReadmesAnnotatedExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("diffusion example:\n\n```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).isTrue();
        assertThat(page(Manual.PROJECT_FORMAT).text()).contains(m.group(1));
        // (the models' summaries are wrapped at spaces for the fixed-width page)
        assertThat(Manual.wrap("a b c d", 3)).isEqualTo("a b\nc d");
    }
}
