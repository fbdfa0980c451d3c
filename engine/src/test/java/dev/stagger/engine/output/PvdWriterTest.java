package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PvdWriterTest {
    @TempDir
    Path dir;

    private List<String> entries(Path pvd) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pvd.toFile())
                .getDocumentElement();
        assertThat(root.getAttribute("type")).isEqualTo("Collection");
        NodeList sets = root.getElementsByTagName("DataSet");
        List<String> found = new ArrayList<>();
        for (int n = 0; n < sets.getLength(); n++) {
            Element set = (Element) sets.item(n);
            String file = set.getAttribute("file");
            assertThat(pvd.resolveSibling(file)).as("file named by %s", pvd).isRegularFile();
            found.add(set.getAttribute("timestep") + " " + file);
        }
        return found;
    }

    @Test
    void everyAppendLeavesAValidCollectionOfTheStepsSoFar() throws Exception {
        OutputNaming names = new OutputNaming("diffusion");
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {4, 4});
        Field c = Field.create("C", grid, Location.all(Location.CENTER, 2), 1, Precision.F64);
        Path outputs = Files.createDirectories(dir.resolve("outputs"));
        PvdWriter pvd = new PvdWriter(dir.resolve(names.pvd()));
        List<String> expected = new ArrayList<>();

        for (int step = 0; step <= 40; step += 20) {
            double time = step * 0.05;
            Path vti = outputs.resolve(names.vti(step));
            c.fill(step);
            VtkImageWriter.write(vti, grid, List.of(c), step, time);
            pvd.append(time, vti);
            expected.add(time + " outputs/" + names.vti(step));
            assertThat(entries(pvd.file())).containsExactlyElementsOf(expected);
        }

        assertThat(entries(dir.resolve("diffusion.pvd"))).containsExactly(
                "0.0 outputs/diffusion_000000.vti",
                "1.0 outputs/diffusion_000020.vti",
                "2.0 outputs/diffusion_000040.vti");
        assertThat(VtiReader.read(dir.resolve("outputs/diffusion_000040.vti")).values("C")).containsOnly(40.0);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("outputs",
                    "diffusion.pvd");
        }
    }

    @Test
    void appendingAStepAgainReplacesItsEntry() throws Exception {
        Path a = Files.writeString(dir.resolve("a.vti"), "x");
        Path b = Files.writeString(dir.resolve("b.vti"), "x");
        PvdWriter pvd = new PvdWriter(dir.resolve("run.pvd"));

        pvd.append(0.5, a);
        pvd.append(1.0, b);
        pvd.append(0.75, a);

        assertThat(entries(pvd.file())).containsExactly("1.0 b.vti", "0.75 a.vti");
        assertThat(pvd.entries()).extracting(PvdWriter.Entry::file).containsExactly("b.vti", "a.vti");
    }
}
