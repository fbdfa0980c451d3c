package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.model.lang.check.CheckedModel;

/** A device that holds a model's fields (the GPU backend): opens one {@link FieldSpace} per solver. */
public interface DeviceFieldSpaces {

    /**
     * Copies the initialised host fields to the device and returns the space that runs the model
     * there. The host fields stay the run's view of the values: {@link FieldSpace#toHost()} refreshes them.
     *
     * @param scalars the solver's scalars, read (never written) at every launch
     * @param overlap whether the halo exchange overlaps the inner region (off only to measure the gain)
     */
    FieldSpace open(CheckedModel model, Field[] fields, FieldBoundaries[] boundaries, HaloExchange exchange,
            Communicator comm, double[] scalars, ModelRanges ranges, boolean overlap);
}
