package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Saving a project changes only the values that changed: comments, order and layout stay. */
class ProjectEditsTest {
    private static final Path ROOT = Path.of("..");

    /** The commented example project of the README (the first yaml block). */
    static String readmeExample() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    static Stream<String> documents() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(readmeExample());
        try (Stream<Path> samples = Files.list(ROOT.resolve("sample-projects"))) {
            for (Path p : samples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        return texts.stream();
    }

    private static List<String> comments(String text) {
        return text.lines().filter(l -> l.contains("#")).map(l -> l.substring(l.indexOf('#'))).toList();
    }

    /** Lines of {@code b} that are not in {@code a} at the same place (the texts have as many lines). */
    private static List<String> changedLines(String a, String b) {
        List<String> la = a.lines().toList();
        List<String> lb = b.lines().toList();
        assertThat(lb).hasSameSizeAs(la);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < la.size(); i++) {
            if (!la.get(i).equals(lb.get(i))) {
                changed.add(lb.get(i));
            }
        }
        return changed;
    }

    private static Project parse(String text) throws ProjectException {
        return ProjectReader.parse(text, "p.yaml", List.of()).project();
    }

    @Test
    void theReadmeExampleKeepsAllItsCommentsWhenAParameterChanges() throws Exception {
        String text = readmeExample();
        assertThat(comments(text)).hasSizeGreaterThan(12); // the README example is well commented
        Project p = parse(text);
        Project changed = new Project(p.title(), p.description(), p.grid(), new ModelSpec("diffusion", Map.of("chi", 0.5)),
                p.fields(), p.run(), p.output());
        ProjectEdits.Saved saved = ProjectEdits.between(text, "p.yaml", changed);
        assertThat(saved.inPlace()).isTrue();
        assertThat(changedLines(text, saved.text()))
                .containsExactly("    chi: 0.5                   # missing parameters take the model's default");
        assertThat(saved.text()).isEqualTo(text.replace("chi: 1.0 ", "chi: 0.5 "));
        assertThat(comments(saved.text())).isEqualTo(comments(text));
        assertThat(parse(saved.text())).isEqualTo(changed);
    }

    /** Changes the workbench's editors make, each as a function of the project. */
    static List<UnaryOperator<Project>> changes() {
        return List.of(
                p -> withGrid(p, new GridSpec(p.grid().origin(), p.grid().extent(), times2(p.grid().cells()),
                        p.grid().periodic(), p.grid().ranks())),
                p -> withRun(p, new RunSpec(null, 0.01, 1e-5, 2, Precision.F32)),
                p -> {
                    Map<String, Double> params = new LinkedHashMap<>(p.model().parameters());
                    params.put("chi", 3.25);
                    return new Project("New title", p.description(), p.grid(), new ModelSpec(p.model().name(), params),
                            p.fields(), p.run(), new OutputSpec(5, p.fields().isEmpty() ? p.output().fields()
                            : List.of(firstField(p)), 50));
                },
                p -> {
                    if (p.fields().isEmpty()) {
                        return p; // a catalogue sample that takes its model's initial fields: nothing to edit here
                    }
                    FieldSetup c = p.fields().get(firstField(p));
                    Map<BoundaryKey, BoundarySpec> sides = new LinkedHashMap<>(c.sides());
                    sides.put(new BoundaryKey(0, dev.stagger.engine.grid.Side.LOW),
                            new BoundarySpec(BoundaryType.DIRICHLET, "max(x, 1)"));
                    return withField(p, new FieldSetup("2*exp(-x^2)", new BoundarySpec(BoundaryType.DIRICHLET, "1"),
                            sides));
                },
                p -> {
                    Map<String, Double> none = new LinkedHashMap<>();
                    return new Project(p.title(), p.description(), p.grid(), new ModelSpec(p.model().name(), none),
                            p.fields(), p.run(), p.output());
                });
    }

    /** The sample's first field (C for diffusion; the catalogue's models have their own). */
    private static String firstField(Project p) {
        return p.fields().keySet().iterator().next();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> documentsAndChanges() throws IOException {
        List<String> docs = documents().toList();
        List<org.junit.jupiter.params.provider.Arguments> all = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            for (int c = 0; c < changes().size(); c++) {
                all.add(org.junit.jupiter.params.provider.Arguments.of(d, c, docs.get(d)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "document {0}, change {1}")
    @MethodSource("documentsAndChanges")
    void everySampleKeepsItsCommentsAndReadsBackAsTheChangedProject(int doc, int change, String text)
            throws Exception {
        Project before = parse(text);
        Project after = changes().get(change).apply(before);
        ProjectEdits.Saved saved = ProjectEdits.between(text, "p.yaml", after);
        assertThat(saved.inPlace()).isTrue();
        assertThat(ProjectReader.structure(saved.text())).isEqualTo(after);
        // removing every parameter removes the parameter's line, and its comment with it
        List<String> kept = comments(text).stream().filter(c -> change != 4 || !c.startsWith("# missing parameters"))
                .toList();
        assertThat(comments(saved.text())).isEqualTo(kept);
        // and back again: the original text, byte for byte, where values return to what they were
        ProjectEdits.Saved back = ProjectEdits.between(saved.text(), "p.yaml", before);
        assertThat(ProjectReader.structure(back.text())).isEqualTo(before);
        assertThat(comments(back.text())).isEqualTo(kept);
    }

    @Test
    void anUnchangedProjectLeavesTheTextAsItIs() throws Exception {
        String text = readmeExample();
        assertThat(ProjectEdits.between(text, "p.yaml", parse(text)).text()).isEqualTo(text);
    }

    @Test
    void aTextThatIsNoProjectIsWrittenAfresh() throws Exception {
        Project p = parse(readmeExample());
        ProjectEdits.Saved saved = ProjectEdits.between("not: [a project", "p.yaml", p);
        assertThat(saved.inPlace()).isFalse();
        assertThat(parse(saved.text())).isEqualTo(p);
    }

    @Test
    void setsValuesByKeyPathAndChecksTheResult() throws Exception {
        String text = readmeExample();
        String result = ProjectEdits.applySets(text, "p.yaml", List.of("grid.cells=[64, 32]", "parameters.chi=2",
                "run.end_time=0.05", "fields.C.boundary.x-low={type: dirichlet, value: 1}"));
        assertThat(comments(result)).isEqualTo(comments(text));
        Project p = parse(result);
        assertThat(p.grid().cells()).containsExactly(64, 32);
        assertThat(p.model().parameters()).containsEntry("chi", 2.0);
        assertThat(p.run().steps()).isNull();
        assertThat(p.run().endTime()).isEqualTo(0.05);
        assertThat(p.fields().get("C").sides()).containsEntry(new BoundaryKey(0, dev.stagger.engine.grid.Side.LOW),
                new BoundarySpec(BoundaryType.DIRICHLET, "1"));
        // comments stay in their column
        assertThat(line(result, "  cells: [64, 32] ")).endsWith("# cells per dimension")
                .hasSize(line(text, "  cells: ").length());
        assertThat(line(result, "  end_time: 0.05 ").indexOf('#')).isEqualTo(line(text, "  steps: 100").indexOf('#'));
        assertThat(result).doesNotContain("steps:");
    }

    @Test
    void refusesAnInvalidChangeNamingTheKeyAndWhere() {
        assertThatThrownBy(() -> ProjectEdits.applySets(readmeExample(), "p.yaml", List.of("grid.cells=[64, -3]")))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("grid.cells[1]").hasMessageMatching("(?s).*:1:\\d+: .*");
        assertThatThrownBy(() -> ProjectEdits.applySets(readmeExample(), "p.yaml", List.of("grid.cellz=[4, 4]")))
                .hasMessageContaining("unknown key 'cellz'");
        assertThatThrownBy(() -> ProjectEdits.applySets(readmeExample(), "p.yaml", List.of("grid.cells=- 4")))
                .hasMessageContaining("on one line");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static int[] times2(int[] v) {
        int[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= 2;
        }
        return r;
    }

    private static Project withGrid(Project p, GridSpec g) {
        return new Project(p.title(), p.description(), g, p.model(), p.fields(), p.run(), p.output());
    }

    private static Project withRun(Project p, RunSpec r) {
        return new Project(p.title(), p.description(), p.grid(), p.model(), p.fields(), r, p.output());
    }

    private static Project withField(Project p, FieldSetup c) {
        Map<String, FieldSetup> fields = new LinkedHashMap<>(p.fields());
        fields.put(firstField(p), c);
        return new Project(p.title(), p.description(), p.grid(), p.model(), fields, p.run(), p.output());
    }
}
