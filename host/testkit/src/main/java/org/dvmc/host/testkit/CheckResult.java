package org.dvmc.host.testkit;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link ConformanceCheck}: its name, whether it passed, and a detail that says
 * what was seen and, for a failure, what the contract requires. Immutable and thread-safe.
 *
 * @param name   the check's name, e.g. {@code "abi-version"}
 * @param passed true when the VM met the check
 * @param detail what was seen; for a failure also what the contract requires; one line
 */
public record CheckResult(String name, boolean passed, String detail) {

    /**
     * Checks the fields and folds the detail onto one line.
     *
     * @param name   the check's name
     * @param passed true when the VM met the check
     * @param detail what was seen; may span lines
     * @throws NullPointerException if {@code name} or {@code detail} is null
     */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        // Exception messages may span lines; a report line must not.
        detail = Objects.requireNonNull(detail, "detail").strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * A passed check with {@code detail}.
     *
     * @param name   the check's name
     * @param detail what passed
     * @return the result
     */
    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    /**
     * A failed check with {@code detail}, which says what is wrong and what the contract requires.
     *
     * @param name   the check's name
     * @param detail what is wrong and what the contract requires
     * @return the result
     */
    public static CheckResult fail(String name, String detail) {
        return new CheckResult(name, false, detail);
    }

    /**
     * One printable line: {@code "PASS name: detail"} or {@code "FAIL name: detail"}, e.g.
     * {@code "PASS abi-version: 12 equals the host's 12"}.
     *
     * @return the line, without a line break
     */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
    }

    /**
     * True when every result in {@code results} passed (and so for an empty list).
     *
     * @param results any results
     * @return true when none failed
     */
    public static boolean allPassed(List<CheckResult> results) {
        return results.stream().allMatch(CheckResult::passed);
    }

    @Override
    public String toString() {
        return line();
    }
}
