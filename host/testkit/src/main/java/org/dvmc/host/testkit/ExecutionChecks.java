package org.dvmc.host.testkit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;

/** The checks that execute code and hold each result to the contract's rules. */
final class ExecutionChecks {

    /** The precompile addresses the suite calls: 0x0000 up to and including this. */
    static final int LAST_PRECOMPILE_ADDRESS = 0xffff;
    private static final Bytes FE00 = Bytes.fromHex("fe00");

    private ExecutionChecks() {
    }

    static String callFe00(VmSource source) {
        return source.withInstance(vm -> followsRules(Execution.call(FE00), vm));
    }

    static String createFe00(VmSource source) {
        return source.withInstance(vm -> followsRules(Execution.create(FE00), vm));
    }

    private static String followsRules(Execution execution, Vm vm) {
        Result result = execution.runOn(vm);
        ResultRules.violation(execution.message(), result).ifPresent(v -> {
            throw new ConformanceFailure(v);
        });
        return "status " + result.status() + ", gas left " + result.gasLeft() + " of " + execution.message().gas()
                + ", output " + ResultRules.show(result.output())
                + (execution.message().kind().isCreate() ? ", create address " + showAddress(result) : "");
    }

    static String resultRules(VmSource source) {
        return source.withInstance(vm -> {
            List<Execution> executions = Programs.comparisonSet();
            Map<StatusCode, Integer> statuses = new EnumMap<>(StatusCode.class);
            for (Execution execution : executions) {
                Result result = execution.runOn(vm);
                Optional<String> violation = ResultRules.violation(execution.message(), result);
                if (violation.isPresent()) {
                    throw new ConformanceFailure(execution.label() + ": " + violation.get());
                }
                statuses.merge(result.status(), 1, Integer::sum);
            }
            return executions.size() + " programs follow the gas and output rules (" + tally(statuses) + ")";
        });
    }

    static String precompiles(VmSource source) {
        return source.withInstance(vm -> {
            if (!VmCalls.nonNull("hasCapability(PRECOMPILES)", () -> vm.hasCapability(Capability.PRECOMPILES))) {
                return "not claimed (no PRECOMPILES capability); skipped";
            }
            Map<StatusCode, Integer> statuses = new EnumMap<>(StatusCode.class);
            for (int a = 0; a <= LAST_PRECOMPILE_ADDRESS; a++) {
                Execution execution = Execution.callAddress(Address.fromLong(a));
                Result result = execution.runOn(vm);
                if (!ResultRules.PRECOMPILE_STATUSES.contains(result.status())) {
                    throw new ConformanceFailure(execution.label() + ": status " + result.status()
                            + "; a call to a precompile address may only give success, out of gas, failure,"
                            + " revert or rejected");
                }
                Optional<String> violation = ResultRules.violation(execution.message(), result);
                if (violation.isPresent()) {
                    throw new ConformanceFailure(execution.label() + ": " + violation.get());
                }
                statuses.merge(result.status(), 1, Integer::sum);
            }
            return (LAST_PRECOMPILE_ADDRESS + 1) + " addresses 0x0000..0xffff give allowed results ("
                    + tally(statuses) + ")";
        });
    }

    private static String showAddress(Result result) {
        return result.createAddress().isZero() ? "zero" : result.createAddress().toString();
    }

    /** {@code "3 success, 2 revert"}. */
    static String tally(Map<StatusCode, Integer> statuses) {
        StringBuilder text = new StringBuilder();
        statuses.forEach((status, count) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(count).append(' ').append(status);
        });
        return text.toString();
    }
}
