package dev.stagger.engine.run;

import dev.stagger.engine.bc.BoundarySetup;
import dev.stagger.engine.bc.FaceValues;
import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.model.SolverContext;
import java.util.Map;

/**
 * The {@link SolverContext} of one rank: everything resolved to values and functions, nothing
 * left of the project file. Initial conditions are evaluated at each interior point's coordinates.
 */
public final class RankContext implements SolverContext {
    private final Grid grid;
    private final Precision precision;
    private final Map<String, Double> parameters;
    private final Launcher launcher;
    private final HaloExchange exchange;
    private final Map<String, FaceValues.CoordinateFunction> initial;
    private final Map<String, BoundarySetup> boundaries;

    public RankContext(Grid grid, Precision precision, Map<String, Double> parameters, Launcher launcher,
            HaloExchange exchange, Map<String, FaceValues.CoordinateFunction> initial,
            Map<String, BoundarySetup> boundaries) {
        this.grid = grid;
        this.precision = precision;
        this.parameters = Map.copyOf(parameters);
        this.launcher = launcher;
        this.exchange = exchange;
        this.initial = Map.copyOf(initial);
        this.boundaries = Map.copyOf(boundaries);
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter " + name);
        }
        return value;
    }

    @Override
    public Launcher launcher() {
        return launcher;
    }

    @Override
    public HaloExchange exchange() {
        return exchange;
    }

    @Override
    public Field newField(String name, Location[] location) {
        return Field.create(name, grid, location, 1, precision);
    }

    /** Where initial values come from instead of the expressions: a checkpoint, on restart. */
    @FunctionalInterface
    public interface InitialValues {
        void fill(Field field, String modelFieldName) throws java.io.IOException;
    }

    private InitialValues override;
    private dev.stagger.engine.distributed.Communicator communicator = new dev.stagger.engine.distributed.SelfCommunicator();
    private Object device;

    /** The device this rank's fields live on (see {@link SolverContext#device()}); null for host arrays. */
    public RankContext device(Object device) {
        this.device = device;
        return this;
    }

    @Override
    public Object device() {
        return device;
    }

    private boolean overlap = true;

    /** See {@link SolverContext#overlap()}. */
    public RankContext overlap(boolean overlap) {
        this.overlap = overlap;
        return this;
    }

    @Override
    public boolean overlap() {
        return overlap;
    }

    /** The ranks of the run (a single rank unless set). */
    public RankContext communicator(dev.stagger.engine.distributed.Communicator comm) {
        this.communicator = comm;
        return this;
    }

    @Override
    public dev.stagger.engine.distributed.Communicator communicator() {
        return communicator;
    }

    /** Takes the initial values from {@code source} (a checkpoint) instead of the project's expressions. */
    public RankContext initialValuesFrom(InitialValues source) {
        this.override = source;
        return this;
    }

    private long restartStep = -1;

    /** The run continues from a checkpoint written at {@code step}. */
    public RankContext restartingAt(long step) {
        this.restartStep = step;
        return this;
    }

    @Override
    public long restartStep() {
        return restartStep;
    }

    @Override
    public void initialize(Field field, String modelFieldName) {
        if (override != null) {
            try {
                override.fill(field, modelFieldName);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        FaceValues.CoordinateFunction f = initial.get(modelFieldName);
        if (f == null) {
            throw new IllegalArgumentException("no initial condition for field " + modelFieldName);
        }
        double[] xyz = new double[3];
        for (int k = 1; k <= field.count(2); k++) {
            if (field.dims() > 2) {
                xyz[2] = field.coordinate(2, k);
            }
            for (int j = 1; j <= field.count(1); j++) {
                if (field.dims() > 1) {
                    xyz[1] = field.coordinate(1, j);
                }
                int row = field.index(1, j, k);
                for (int i = 1; i <= field.count(0); i++) {
                    field.set(row + i - 1, f.value(field.coordinate(0, i), xyz[1], xyz[2]));
                }
            }
        }
    }

    @Override
    public FieldBoundaries boundaries(Field target, String modelFieldName) {
        BoundarySetup setup = boundaries.get(modelFieldName);
        return setup == null ? new FieldBoundaries(target) : setup.bind(target, exchange);
    }
}
