package dev.stagger.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.DistributedTestSupport;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Fields whose values are a function of the global point index, written and checked on any layout. */
final class CheckpointFixtures {
    static final double HALO_MARK = -7.0;
    /** What a non-owning rank stores at a shared boundary vertex: reading must never return it. */
    static final double NOT_OWNER = -999.0;

    private CheckpointFixtures() {}

    /** Center, face-x and vertex fields of a grid with {@code dims} dimensions. */
    static List<Location[]> locations(int dims) {
        Location[] face = Location.all(Location.CENTER, dims);
        face[0] = Location.VERTEX;
        return List.of(Location.all(Location.CENTER, dims), face, Location.all(Location.VERTEX, dims));
    }

    static final List<String> NAMES = List.of("T", "qx", "V");

    static double value(int field, int gx, int gy, int gz) {
        return (gx * 1.0e-3 + gy * 1.7 + gz * 13.1 + field * 0.37 + 0.123) / 3.0;
    }

    static Decomposition decomposition(Grid global, int... ranks) {
        return new Decomposition(global, new Topology(ranks, new boolean[ranks.length]));
    }

    /** This rank's fields, filled with {@link #value}; non-owned shared vertices get {@link #NOT_OWNER}. */
    static List<Field> filled(Decomposition d, int rank, Precision precision) {
        Grid block = d.block(rank);
        int[] off = d.offset(rank);
        List<Field> fields = new ArrayList<>();
        List<Location[]> locations = locations(block.dims());
        for (int f = 0; f < locations.size(); f++) {
            Field field = Field.create(NAMES.get(f), block, locations.get(f), 1, precision);
            forEachInterior(field, (i, j, k) -> {
                int[] g = global(field, off, i, j, k);
                boolean notOwned = false;
                for (int dd = 0; dd < field.dims(); dd++) {
                    int local = dd == 0 ? i : dd == 1 ? j : k;
                    notOwned |= field.location(dd) == Location.VERTEX && off[dd] > 0 && local == 1;
                }
                field.set(field.index(i, j, k), notOwned ? NOT_OWNER : value(fieldIndex(field), g[0], g[1], g[2]));
            });
            fields.add(field);
        }
        return fields;
    }

    static int fieldIndex(Field field) {
        return NAMES.indexOf(field.name());
    }

    static int[] global(Field field, int[] off, int i, int j, int k) {
        int[] g = new int[3];
        int[] local = {i, j, k};
        for (int d = 0; d < 3; d++) {
            g[d] = (d < off.length ? off[d] : 0) + local[d] - 1;
        }
        return g;
    }

    interface PointAction {
        void at(int i, int j, int k);
    }

    static void forEachInterior(Field f, PointAction action) {
        for (int k = 1; k <= f.count(2); k++) {
            for (int j = 1; j <= f.count(1); j++) {
                for (int i = 1; i <= f.count(0); i++) {
                    action.at(i, j, k);
                }
            }
        }
    }

    /** Empty fields of rank's block, every stored value (halo included) set to {@link #HALO_MARK}. */
    static List<Field> blank(Decomposition d, int rank, Precision precision) {
        Grid block = d.block(rank);
        List<Field> fields = new ArrayList<>();
        List<Location[]> locations = locations(block.dims());
        for (int f = 0; f < locations.size(); f++) {
            Field field = Field.create(NAMES.get(f), block, locations.get(f), 1, precision);
            field.fill(HALO_MARK);
            fields.add(field);
        }
        return fields;
    }

    /** Interior equals {@link #value} (in the field's precision) exactly; the halo is untouched. */
    static void assertRestored(Field field, int[] off) {
        int fi = fieldIndex(field);
        boolean[] interior = new boolean[field.length()];
        forEachInterior(field, (i, j, k) -> {
            int[] g = global(field, off, i, j, k);
            double expected = value(fi, g[0], g[1], g[2]);
            if (field.precision() == Precision.F32) {
                expected = (float) expected;
            }
            int flat = field.index(i, j, k);
            interior[flat] = true;
            assertThat(field.get(flat)).as("%s at global %d,%d,%d", field.name(), g[0], g[1], g[2])
                    .isEqualTo(expected);
        });
        for (int n = 0; n < field.length(); n++) {
            if (!interior[n]) {
                assertThat(field.get(n)).as("%s halo value %d", field.name(), n).isEqualTo(HALO_MARK);
            }
        }
    }

    /** Writes the fixture fields from every rank of {@code d}; returns the checkpoint directory. */
    static Path write(Path out, String name, long step, double time, Decomposition d, Precision precision)
            throws Exception {
        List<Path> results = onRanks(d.topology().size(), comm -> CheckpointWriter.write(out, name, step, time, d,
                comm, filled(d, comm.rank(), precision), "diffusion"));
        for (Path p : results) {
            assertThat(p).isEqualTo(results.get(0));
        }
        return results.get(0);
    }

    interface RankBody<T> {
        T run(Communicator comm) throws Exception;
    }

    /** Runs body on every rank (a LocalGroup, or the SelfCommunicator for one); failures come back as values. */
    static <T> List<T> onRanks(int size, RankBody<T> body) throws Exception {
        List<Object> raw = onRanksCatching(size, body);
        List<T> out = new ArrayList<>();
        for (Object o : raw) {
            if (o instanceof Outcome.Failed failed) {
                throw new AssertionError("a rank failed", failed.error());
            }
            @SuppressWarnings("unchecked")
            T t = (T) ((Outcome.Ok) o).value();
            out.add(t);
        }
        return out;
    }

    /** The result of one rank: its value or what it threw. */
    sealed interface Outcome {
        record Ok(Object value) implements Outcome {}

        record Failed(Throwable error) implements Outcome {}
    }

    static <T> List<Object> onRanksCatching(int size, RankBody<T> body) throws Exception {
        Function<Communicator, Object> wrapped = comm -> {
            try {
                return new Outcome.Ok(body.run(comm));
            } catch (Throwable e) {
                return new Outcome.Failed(e);
            }
        };
        if (size == 1) {
            return List.of(wrapped.apply(new SelfCommunicator()));
        }
        return DistributedTestSupport.onRanks(size, wrapped);
    }
}
