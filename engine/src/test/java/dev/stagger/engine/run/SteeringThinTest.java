package dev.stagger.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The convergence checks a step sends: all of a few, evenly spaced ones of many, the first and last kept. */
class SteeringThinTest {
    @Test
    void fewChecksGoAsTheyAreManyAreThinnedEvenly() {
        List<Integer> few = List.of(1, 2, 3);
        assertThat(Steering.thin(few, 64)).isSameAs(few);
        List<Integer> many = IntStream.rangeClosed(1, 1000).boxed().toList();
        List<Integer> thinned = Steering.thin(many, 64);
        assertThat(thinned).hasSize(64).startsWith(1).endsWith(1000).isSorted().doesNotHaveDuplicates();
        assertThat(Steering.thin(IntStream.rangeClosed(1, 65).boxed().toList(), 64)).hasSize(64).endsWith(65);
    }
}
