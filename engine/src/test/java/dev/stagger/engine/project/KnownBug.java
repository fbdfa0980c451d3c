package dev.stagger.engine.project;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Bugs the fuzzer found that are not fixed yet: a mutant that shows only such a bug is counted and
 * printed, not failed, so that other seeds still find new ones. Each has a disabled reproducer in
 * {@link ProjectFuzzTest}; remove it here when the bug is fixed.
 */
enum KnownBug {
    /** output.every above Integer.MAX_VALUE validates, then RunPlanner's Math.toIntExact throws. */
    OUTPUT_EVERY_OVERFLOW {
        private static final Pattern BIG_EVERY = Pattern.compile("(?m)(^\\s*every:|output\\.every=)\\s*[0-9_]{10,}");

        @Override
        boolean shows(String mutant, ProjectFuzzTest.Result r, List<String> bad) {
            return BIG_EVERY.matcher(mutant).find() && r.exit() == 1
                    && r.err().contains("internal error: java.lang.ArithmeticException: integer overflow");
        }
    },
    /**
     * With precision f32 an initial value beyond the float range validates (the check evaluates in
     * f64), and the run stops at step 0 with exit 1.
     */
    F32_INITIAL_OVERFLOW {
        private static final Pattern F32 = Pattern.compile("precision[:=]\\s*f32");

        @Override
        boolean shows(String mutant, ProjectFuzzTest.Result r, List<String> bad) {
            return F32.matcher(mutant).find() && r.exit() == 1 && r.err().contains("where the run starts")
                    && bad.stream().allMatch(b -> b.startsWith("validate OK, but the run cannot start"));
        }
    },
    /**
     * A problem message quotes a text value with line breaks (a block scalar, the description through
     * an alias) as it is, so the problem runs over several lines.
     */
    MULTI_LINE_MESSAGE {
        private static final Pattern BLOCK = Pattern.compile(
                "(?m)(^\\s+\\S.*:\\s+([&!]\\S*\\s+)*[|>][-+0-9]*\\s*$|\\*v\\b)");
        private static final Pattern OPEN_QUOTE = Pattern.compile("(?m)got the text \"[^\"\\n]*$");

        @Override
        boolean shows(String mutant, ProjectFuzzTest.Result r, List<String> bad) {
            return bad.stream().allMatch(b -> b.startsWith("a line that is not a problem"))
                    && (OPEN_QUOTE.matcher(r.err()).find() || BLOCK.matcher(mutant).find());
        }
    };

    abstract boolean shows(String mutant, ProjectFuzzTest.Result r, List<String> bad);

    /** The known bug that explains everything wrong with this answer, or null. */
    static String match(String mutant, ProjectFuzzTest.Result r, List<String> bad) {
        if (bad.isEmpty()) {
            return null;
        }
        for (KnownBug bug : values()) {
            if (bug.shows(mutant, r, bad)) {
                return bug.name();
            }
        }
        return null;
    }
}
