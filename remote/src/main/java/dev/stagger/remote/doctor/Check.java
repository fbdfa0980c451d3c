package dev.stagger.remote.doctor;

/**
 * One line of the doctor's checklist.
 *
 * @param fix what to do about a failure or warning, or null; {@code fixable} when Stagger can do it
 *     itself ({@code cluster doctor NAME --fix})
 */
public record Check(String name, Outcome outcome, String detail, String fix, boolean fixable) {

    public enum Outcome { OK, WARNING, FAILED, SKIPPED }

    static Check ok(String name, String detail) {
        return new Check(name, Outcome.OK, detail, null, false);
    }

    static Check warning(String name, String detail, String fix) {
        return new Check(name, Outcome.WARNING, detail, fix, false);
    }

    static Check failed(String name, String detail, String fix) {
        return new Check(name, Outcome.FAILED, detail, fix, false);
    }

    static Check fixable(String name, String detail, String fix) {
        return new Check(name, Outcome.FAILED, detail, fix, true);
    }

    static Check skipped(String name, String why) {
        return new Check(name, Outcome.SKIPPED, why, null, false);
    }
}
