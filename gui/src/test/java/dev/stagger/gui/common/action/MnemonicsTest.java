package dev.stagger.gui.common.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mnemonic marks read as JavaFX reads them, and marks chosen for names that come from elsewhere. */
class MnemonicsTest {

    @Test
    void theFirstMarkCountsAndDoubledUnderscoresBeforeItAreLiteral() {
        assertThat(Mnemonics.key("Save _As…")).isEqualTo('a');
        assertThat(Mnemonics.plain("Save _As…")).isEqualTo("Save As…");
        assertThat(Mnemonics.has("Save As")).isFalse();
        assertThat(Mnemonics.has("end__time")).as("an escaped underscore is no mark").isFalse();
        assertThat(Mnemonics.plain("end__time")).isEqualTo("end_time");
        // after the mark JavaFX takes the text as it is: "Undo Set end_time" keeps its underscore
        assertThat(Mnemonics.plain("_Undo Set end_time")).isEqualTo("Undo Set end_time");
        assertThat(Mnemonics.key("_Undo Set end_time")).isEqualTo('u');
        assertThat(Mnemonics.has("a _ b")).as("an underscore before a space marks nothing").isFalse();
    }

    @Test
    void markedNamesPreferWordStartsAndSkipTakenKeys() {
        Set<Character> taken = new HashSet<>(List.of('s', 'a'));
        assertThat(Mnemonics.mark("this computer", taken)).isEqualTo("_this computer");
        assertThat(Mnemonics.mark("this computer, 4 mpi ranks", taken)).isEqualTo("this _computer, 4 mpi ranks");
        assertThat(Mnemonics.mark("tc", taken)).as("no word start is free: any free letter").isEqualTo("tc");
        assertThat(taken).contains('t', 'c');
        String odd = Mnemonics.mark("my_cluster", taken);
        assertThat(Mnemonics.plain(odd)).isEqualTo("my_cluster");
        assertThat(Mnemonics.key(odd)).isEqualTo('m');
        // an underscore before the mark is doubled, so the name still reads x_y
        assertThat(Mnemonics.mark("x_y", new HashSet<>(List.of('x')))).isEqualTo("x___y");
        assertThat(Mnemonics.plain("x___y")).isEqualTo("x_y");
    }
}
