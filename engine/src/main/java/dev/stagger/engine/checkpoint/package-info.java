/**
 * Checkpoints: the complete state of a run at one step, so that it can continue bit-for-bit as if
 * it had never been interrupted, on the same rank layout or on another one.
 *
 * <h2>Format (version 1)</h2>
 *
 * A checkpoint is a directory {@code <name>_ckpt_<step>} (step with at least 6 digits, e.g.
 * {@code diffusion-2d_ckpt_000120}) next to the run's outputs, holding:
 *
 * <ul>
 *   <li>{@code manifest.properties}: UTF-8 Java properties, one {@code key = value} per line in a
 *       fixed order, lists comma-separated with x first:
 *       <pre>
 * format = stagger-checkpoint
 * version = 1
 * project = diffusion-2d            the run's name (also the directory's prefix)
 * model = diffusion
 * step = 120
 * time = 0.0232515                  Java's shortest decimal that reads back to the same double
 * precision = f64                   f32 or f64, of every field
 * dims = 2
 * cells = 13,11                     global cells per dimension
 * origin = -2.0,-1.0                the grid's origin and extent per dimension (absent in
 * extent = 4.0,3.0                  checkpoints of older Stagger versions: then not checked)
 * ranks = 2,2                       rank layout: ranks per dimension
 * rank.count = 4
 * field.count = 2
 * field.0.name = C                  in the order the rank files hold them
 * field.0.location = center,center  center or vertex, per dimension
 * field.1.name = qx
 * field.1.location = vertex,center
 * rank.0.file = rank_0000.bin       one entry per rank, 0 .. rank.count-1
 * rank.0.offset = 0,0               the block's first cell, 0-based global cell index
 * rank.0.cells = 7,6                the block's cells per dimension
 * rank.0.bytes = 1304               size of the file
 * rank.0.crc32 = 5f3a09c1           CRC32 (java.util.zip, as zip/gzip) of the whole file, 8 hex digits
 * ...
 * manifest_sha256 = 3b0c...         always the last line: SHA-256 (64 lowercase hex digits) of every
 *                                   byte of the file before this line</pre>
 *       A manifest whose {@code manifest_sha256} does not match is refused as damaged, so a changed
 *       step, time, project or model is never taken silently. One without the line (written by an
 *       older Stagger) is read, and {@code run --restart} warns that its step and time cannot be
 *       checked; its rank files are still checked by their CRC32.
 *   </li>
 *   <li>{@code rank_NNNN.bin}, one per rank (4 digits or more): for each field in manifest order,
 *       the interior values of that rank's block (no halo), x fastest then y then z, little-endian
 *       IEEE 754 in the checkpoint's precision, with no header or padding. A field at
 *       {@code location} holds {@code location.count(cells)} points per dimension: {@code cells} for
 *       Center, {@code cells + 1} for Vertex, so a rank stores its full local vertex range and a
 *       vertex on the boundary between two blocks is stored by both. Readers take such a vertex
 *       from the block with the lower offset in that dimension (the "owner"), so every global point
 *       has exactly one source; in a run both copies are equal anyway.</li>
 * </ul>
 *
 * The blocks of the rank entries cover the global cells exactly once (readers check this), which is
 * what lets {@link dev.stagger.engine.checkpoint.Checkpoint#readInto} fill any block of any other
 * layout from the pieces that overlap it.
 *
 * <h2>Restarting</h2>
 *
 * {@code run --restart} opens the checkpoint and, before anything runs, checks it against the
 * project (exit code 2 naming what differs): model, grid cells, origin and extent, the model's
 * prognostic fields and their locations, precision; that its step lies before the run's last step;
 * and every rank file's CRC32. The rank count and layout may differ, and so may the project's
 * name (a note says so).
 *
 * <h2>Atomicity</h2>
 *
 * {@link dev.stagger.engine.checkpoint.CheckpointWriter} writes into {@code <dir>.tmp}, forces every
 * file to disk, writes the manifest last and then renames the directory to its final name: a
 * directory named {@code <name>_ckpt_<step>} is always complete (manifest included). Leftover
 * {@code .tmp} and {@code .old} directories of an interrupted write are ignored by
 * {@link dev.stagger.engine.checkpoint.Checkpoint#list} and removed by the next write of that step.
 * A newer format version is refused by readers with a message naming it.
 */
package dev.stagger.engine.checkpoint;
