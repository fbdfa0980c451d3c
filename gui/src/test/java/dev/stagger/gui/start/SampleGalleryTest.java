package dev.stagger.gui.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGalleryTest {

    @Test
    void readsTheRepositorysSamplesWithThumbnails() throws Exception {
        List<SampleCard> cards = SampleGallery.load(TestPrefs.samples());
        assertThat(cards).extracting(SampleCard::title).containsExactly("Diffusion 1D", "Diffusion 2D", "Diffusion 3D", "Shallow ice 2D",
                "Stokes 2D, buoyant visco-elastic inclusion", "Stokes 3D, buoyant visco-elastic inclusion",
                "Acoustic waves 2D", "Acoustic waves 3D");
        for (SampleCard c : cards) {
            assertThat(c.problem()).isNull();
            assertThat(c.description()).isNotBlank().doesNotContain("\n");
            Thumbnail t = c.thumbnail();
            assertThat(t.argb()).hasSize(t.width() * t.height());
            assertThat(t.width()).isLessThanOrEqualTo(SampleGallery.THUMB_WIDTH);
            assertThat(t.height()).isLessThanOrEqualTo(SampleGallery.THUMB_HEIGHT);
        }
        assertThat(cards.get(1).summary()).isEqualTo("diffusion · 2D · 128 × 128 cells");
    }

    @Test
    void twoDimensionalThumbnailIsBrightestInTheMiddle() throws Exception {
        Thumbnail t = SampleGallery.load(TestPrefs.samples()).get(1).thumbnail();
        assertThat(t.width()).isEqualTo(t.height()); // square domain
        int centre = t.argb()[t.height() / 2 * t.width() + t.width() / 2];
        int corner = t.argb()[0];
        assertThat(luminance(centre)).isGreaterThan(luminance(corner));
    }

    @Test
    void modelsThatSetUpTheirOwnStateAreDrawnFromIt() throws Exception {
        List<SampleCard> cards = SampleGallery.load(TestPrefs.samples());
        for (String title : List.of("Stokes 2D, buoyant visco-elastic inclusion",
                "Stokes 3D, buoyant visco-elastic inclusion")) {
            // T = T0 in the inclusion at the middle, Ta around it: the project itself sets no field
            Thumbnail t = cards.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow().thumbnail();
            int centre = t.argb()[t.height() / 2 * t.width() + t.width() / 2];
            assertThat(luminance(centre)).as(title).isGreaterThan(luminance(t.argb()[0]));
        }
        // the shallow ice starts with no ice (H = 0 everywhere): the picture is its bed, highest at (0, 0.5)
        Thumbnail sia = cards.stream().filter(c -> c.title().equals("Shallow ice 2D")).findFirst().orElseThrow()
                .thumbnail();
        int peak = sia.argb()[sia.height() / 4 * sia.width() + sia.width() / 2];
        int low = sia.argb()[(sia.height() - 1) * sia.width()];
        assertThat(luminance(peak)).isGreaterThan(luminance(low));
    }

    @Test
    void aBrokenProjectBecomesACardWithItsProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "format: 1\ntitle: Bad\ngrid: 3\n");
        List<SampleCard> cards = SampleGallery.load(dir);
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).problem()).startsWith("bad.yaml:");
        assertThat(cards.get(0).thumbnail()).isNull();
    }

    @Test
    void locatesSamplesFromThePropertyOrTheWorkingDirectory() {
        String old = System.getProperty(SampleGallery.PROPERTY);
        try {
            System.clearProperty(SampleGallery.PROPERTY);
            assertThat(SampleGallery.locate()).hasValueSatisfying(p -> assertThat(p.resolve("diffusion-2d.yaml")).exists());
            System.setProperty(SampleGallery.PROPERTY, "/no/such/folder");
            assertThat(SampleGallery.locate()).isEmpty();
        } finally {
            if (old == null) {
                System.clearProperty(SampleGallery.PROPERTY);
            } else {
                System.setProperty(SampleGallery.PROPERTY, old);
            }
        }
    }

    private static int luminance(int argb) {
        return ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
    }
}
