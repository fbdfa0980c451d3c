package dev.stagger.gui.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.prefs.Preferences;

/**
 * The logic of the "Run on …" dialog, without the toolkit: the target's settings with the values
 * typed so far (starting from those last used with that target), what is wrong with them, and the
 * preview (a job script) of the request they make. The dialog binds to it; tests drive it directly.
 */
public final class RunForm {
    private final RunTarget target;
    private final List<RunSetting> settings;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Preferences memory;
    private final Function<Map<String, String>, Optional<RunRequest>> requests;

    /**
     * @param memory where the values last used with this target are kept (may be null)
     * @param requests makes the request the values would start (empty when there is nothing to run)
     */
    public RunForm(RunTarget target, Preferences memory, Function<Map<String, String>, Optional<RunRequest>> requests) {
        this.target = target;
        this.settings = List.copyOf(target.settings());
        this.memory = memory;
        this.requests = requests;
        for (RunSetting s : settings) {
            String remembered = memory == null ? null : memory.get(s.key(), null);
            // a remembered choice that is no longer offered (a profile removed) falls back to the default
            boolean usable = remembered != null && (s.kind() != RunSetting.Kind.CHOICE || s.choices().contains(remembered));
            values.put(s.key(), usable ? remembered : s.defaultValue());
        }
    }

    public RunTarget target() {
        return target;
    }

    public List<RunSetting> settings() {
        return settings;
    }

    public String value(String key) {
        return values.getOrDefault(key, "");
    }

    public void set(String key, String value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(target.displayName() + " has no setting " + key);
        }
        values.put(key, value == null ? "" : value);
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** Every problem, one line each: the settings' own, then the target's about them together. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (RunSetting s : settings) {
            String p = s.problem(values.get(s.key()));
            if (p != null) {
                problems.add(p);
            }
        }
        if (problems.isEmpty()) {
            String p = target.problem(values());
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    /** What the target would do (a job script), or a line saying why nothing can be shown yet. */
    public String preview() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            return "# " + String.join("\n# ", problems);
        }
        Optional<RunRequest> request = requests.apply(values());
        if (request.isEmpty()) {
            return "# open and save a project first";
        }
        try {
            String p = target.preview(request.get());
            return p == null ? "" : p;
        } catch (RuntimeException e) {
            return "# cannot preview: " + e.getMessage();
        }
    }

    /** Remembers the values for the next run on this target. */
    public void remember() {
        if (memory != null) {
            values.forEach(memory::put);
        }
    }
}
