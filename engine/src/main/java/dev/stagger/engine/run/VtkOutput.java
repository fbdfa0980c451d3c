package dev.stagger.engine.run;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.output.OutputNaming;
import dev.stagger.engine.output.ParallelVtkWriter;
import dev.stagger.engine.output.VtkImageWriter;
import dev.stagger.engine.output.VtkPiece;
import dev.stagger.engine.output.VtkTimeSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Outputs as a VTK time series that ParaView opens as one dataset. One rank: a {@code .vti} per
 * output step. Several ranks: every rank writes its block as a piece ({@code name_000020_r0003.vti}),
 * then rank 0, once all pieces exist, writes the {@code .pvti} that joins them; either way a
 * {@code .pvd} lists the steps and is rewritten atomically after each.
 */
public final class VtkOutput implements OutputSink {
    private final Path directory;
    private final OutputNaming naming;
    private final Decomposition decomposition;
    private final Communicator comm;
    private final VtkTimeSeries series;

    /** Output of a run on one rank over the whole {@code grid}. */
    public VtkOutput(Path directory, String name, Grid grid) throws IOException {
        this(directory, name, null, null);
    }

    public VtkOutput(Path directory, String name, Decomposition decomposition, Communicator comm) throws IOException {
        Files.createDirectories(directory);
        this.directory = directory;
        this.naming = new OutputNaming(name);
        this.decomposition = decomposition;
        this.comm = comm;
        this.series = new VtkTimeSeries(directory, naming);
    }

    public Path pvdFile() {
        return series.pvdFile();
    }

    /** Continues the series of a run restarted at {@code time}, keeping what it had written before. */
    public VtkOutput resumingAt(double time) throws IOException {
        if (comm == null || comm.rank() == 0) {
            series.resumeUpTo(time);
        }
        return this;
    }

    @Override
    public List<Path> write(long step, double time, List<Field> fields) throws IOException {
        if (comm == null || comm.size() == 1) {
            Grid grid = decomposition != null ? decomposition.global() : fields.get(0).grid();
            return List.of(series.write(grid, fields, step, time), series.pvdFile());
        }
        int rank = comm.rank();
        Grid global = decomposition.global();
        Path piece = directory.resolve(naming.piece(step, rank));
        VtkImageWriter.write(piece, global, decomposition.offset(rank), hi(rank), fields, step, time);
        // the .pvti may only name pieces that exist, and a failed piece must fail the step everywhere
        comm.barrier();
        if (rank != 0) {
            return List.of(piece);
        }
        List<VtkPiece> pieces = new ArrayList<>();
        for (int r = 0; r < comm.size(); r++) {
            pieces.add(new VtkPiece(decomposition.offset(r), hi(r), naming.piece(step, r)));
        }
        Path pvti = directory.resolve(naming.pvti(step));
        ParallelVtkWriter.write(pvti, global, fields, pieces);
        series.appendWritten(time, pvti);
        return List.of(pvti, series.pvdFile());
    }

    private int[] hi(int rank) {
        int[] lo = decomposition.offset(rank);
        int[] n = decomposition.cells(rank);
        int[] hi = new int[lo.length];
        for (int d = 0; d < lo.length; d++) {
            hi[d] = lo[d] + n[d];
        }
        return hi;
    }
}
