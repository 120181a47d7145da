package org.dvmc.host.testkit;

import java.util.Arrays;
import org.dvmc.spi.SetOptionResult;
import org.dvmc.spi.Vm;

/** The checks on {@code setOption}: unknown names and, when accepted, the {@code verbose} option. */
final class OptionChecks {

    /** A name no VM should know. */
    static final String UNKNOWN_NAME = "dvmc-conformance-no-such-option";
    /** A value no VM should accept for {@code verbose}. */
    static final String NONSENSE_VALUE = "not a verbosity level!";

    private OptionChecks() {
    }

    static String unknownName(VmSource source) {
        return source.withInstance(vm -> {
            for (String value : Arrays.asList("1", null, "")) {
                SetOptionResult result = setOption(vm, UNKNOWN_NAME, value);
                if (result != SetOptionResult.INVALID_NAME) {
                    throw new ConformanceFailure("setOption(\"" + UNKNOWN_NAME + "\", " + quote(value) + ") gave "
                            + result + "; an unknown name must give INVALID_NAME whatever the value");
                }
            }
            return "INVALID_NAME for \"" + UNKNOWN_NAME + "\" with value \"1\", null and \"\"";
        });
    }

    static String verbose(VmSource source) {
        return source.withInstance(vm -> {
            SetOptionResult first = setOption(vm, "verbose", "1");
            if (first != SetOptionResult.SUCCESS) {
                return "verbose=1 gives " + first + " (option not accepted); nothing more to check";
            }
            SetOptionResult nonsense = setOption(vm, "verbose", NONSENSE_VALUE);
            if (nonsense != SetOptionResult.INVALID_VALUE) {
                throw new ConformanceFailure("verbose=1 gives SUCCESS but verbose=" + quote(NONSENSE_VALUE) + " gives "
                        + nonsense + "; a known option with a value it cannot use must give INVALID_VALUE");
            }
            return "verbose=1 gives SUCCESS and verbose=" + quote(NONSENSE_VALUE) + " gives INVALID_VALUE";
        });
    }

    private static SetOptionResult setOption(Vm vm, String name, String value) {
        return VmCalls.nonNull("setOption(\"" + name + "\", " + quote(value) + ")", () -> vm.setOption(name, value));
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
