package dev.stagger.gui.jobs;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.run.RunJob;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The job list as remembered between sessions, like a batch queue's history: newest first, at most
 * {@link #MAX} entries, in a preferences node of its own. An entry without an end is a run that was
 * going when the workbench last quit; the next start looks for it in its output folder.
 */
public final class JobHistory {
    private static final System.Logger LOG = System.getLogger(JobHistory.class.getName());
    public static final int MAX = 50;

    /**
     * One run.
     *
     * @param endpointStarted the start time in the run's endpoint file, once known: tells this run's
     *     files from those of a later run in the same output folder
     * @param end the final state, or null while the run was going
     * @param label what the list showed for the end when the state's name does not say it ("lost")
     */
    public record Entry(String id, Path outputDir, String name, String target, boolean outlivesWorkbench,
            Instant started, Instant endpointStarted, RunState end, String label, String message, double seconds) {

        static Entry of(RunJob job) {
            return new Entry(UUID.randomUUID().toString(), job.outputDir(), job.name(), job.target(),
                    job.outlivesWorkbench(), job.started(), job.endpoint() == null ? null : job.endpoint().started(),
                    null, null, "", -1);
        }

        Entry withEndpointStarted(Instant t) {
            return new Entry(id, outputDir, name, target, outlivesWorkbench, started, t, end, label, message, seconds);
        }

        Entry ended(RunState state, String endLabel, String endMessage, double endSeconds) {
            return new Entry(id, outputDir, name, target, outlivesWorkbench, started, endpointStarted, state, endLabel,
                    endMessage, endSeconds);
        }
    }

    private final Preferences node;

    public JobHistory(Preferences node) {
        this.node = node;
    }

    /** The entries, newest first; unreadable ones (an older format, a hand edit) are skipped. */
    public List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String dir = node.get(i + ".dir", null);
            if (dir == null) {
                break;
            }
            try {
                String end = node.get(i + ".end", "");
                String endpoint = node.get(i + ".endpointStarted", "");
                entries.add(new Entry(node.get(i + ".id", UUID.randomUUID().toString()), Path.of(dir),
                        node.get(i + ".name", "run"), node.get(i + ".target", ""), node.getBoolean(i + ".outlives", false),
                        Instant.parse(node.get(i + ".started", "")), endpoint.isEmpty() ? null : Instant.parse(endpoint),
                        end.isEmpty() ? null : RunState.valueOf(end.toUpperCase(Locale.ROOT)),
                        emptyToNull(node.get(i + ".label", "")), node.get(i + ".message", ""),
                        node.getDouble(i + ".seconds", -1)));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping unreadable job history entry " + i, e);
                // one unreadable entry does not cost the others
            }
        }
        return entries;
    }

    /** Replaces the stored entries with the first {@link #MAX} of {@code entries}. */
    public void save(List<Entry> entries) {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the job history", e);
            return; // the list still works for this session; it is only not remembered
        }
        for (int i = 0; i < Math.min(MAX, entries.size()); i++) {
            Entry e = entries.get(i);
            node.put(i + ".id", e.id());
            node.put(i + ".dir", e.outputDir().toString());
            node.put(i + ".name", e.name());
            node.put(i + ".target", e.target() == null ? "" : e.target());
            node.putBoolean(i + ".outlives", e.outlivesWorkbench());
            node.put(i + ".started", e.started().toString());
            node.put(i + ".endpointStarted", e.endpointStarted() == null ? "" : e.endpointStarted().toString());
            node.put(i + ".end", e.end() == null ? "" : e.end().name().toLowerCase(Locale.ROOT));
            node.put(i + ".label", e.label() == null ? "" : e.label());
            // a preferences value holds at most 8192 characters
            String m = e.message() == null ? "" : e.message();
            node.put(i + ".message", m.length() > 2000 ? m.substring(0, 2000) + "…" : m);
            node.putDouble(i + ".seconds", e.seconds());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the job history", e);
            // as above: remembered for this session only
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
