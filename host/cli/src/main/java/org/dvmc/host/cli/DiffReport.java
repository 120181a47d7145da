package org.dvmc.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dvmc.host.difftest.Comparison;
import org.dvmc.host.difftest.DiffCase;
import org.dvmc.host.difftest.Difference;
import org.dvmc.host.difftest.Observation;
import org.dvmc.host.difftest.Outcome;
import org.dvmc.host.difftest.Render;

/**
 * What {@code dvmc diff} prints: each VM's result exactly as {@code run} prints it ({@link RunReport}), then
 * {@code Agree} or one line per VM per differing field; and the same as one JSON object for {@code --json}.
 * Stateless.
 */
final class DiffReport {

    private DiffReport() {
    }

    /**
     * The text report.
     *
     * <pre>
     * Config: trans_log
     * Executing on Cancun with 99 gas limit
     *
     * Result:   success
     * Gas used: 6
     * Output:   00…00
     *
     * Config: other
     * …
     *
     * Disagree: 1 field differs
     * gas left: VM 1 trans_log: 93
     * gas left: VM 2 other: 92
     * </pre>
     */
    static String text(Comparison comparison) {
        StringBuilder text = new StringBuilder();
        DiffCase diffCase = comparison.diffCase();
        for (int i = 0; i < comparison.labels().size(); i++) {
            Observation observed = comparison.observations().get(i);
            text.append(RunReport.config(comparison.labels().get(i)));
            text.append(RunReport.header(diffCase.revision(), diffCase.gas(), diffCase.create()));
            Optional<Outcome> call = observed.call();
            if (call.isEmpty()) {
                text.append(RunReport.creationFailed(observed.creation().orElseThrow().status()));
            } else {
                Outcome outcome = call.get();
                text.append(RunReport.completed(new CodeRunner.Completed(outcome.status(),
                        diffCase.gas() - outcome.gasLeft(), outcome.output(), Optional.empty())));
            }
            text.append('\n');
        }
        text.append(verdict(comparison));
        return text.toString();
    }

    /** {@code Agree}, or {@code Disagree: N fields differ} and a line {@code field: VM i label: value} per VM. */
    static String verdict(Comparison comparison) {
        if (comparison.agree()) {
            return "Agree\n";
        }
        int count = comparison.differences().size();
        StringBuilder text = new StringBuilder("Disagree: ").append(count).append(count == 1 ? " field differs\n" : " fields differ\n");
        for (Difference difference : comparison.differences()) {
            for (int i = 0; i < difference.values().size(); i++) {
                text.append(difference.field()).append(": ").append(vm(comparison, i)).append(": ")
                        .append(difference.values().get(i)).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code VM <n> <label>}, numbered from 1, so one VM given twice is told apart. */
    static String vm(Comparison comparison, int index) {
        return "VM " + (index + 1) + " " + comparison.labels().get(index);
    }

    /** The JSON report (keys always present, in this order; see docs/CLI.md). */
    static String json(Comparison comparison) {
        DiffCase diffCase = comparison.diffCase();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"case\": {\"code\": ").append(Json.string(diffCase.code().toHex()))
                .append(", \"input\": ").append(Json.string(diffCase.input().toHex()))
                .append(", \"gas\": ").append(diffCase.gas())
                .append(", \"revision\": ").append(Json.string(diffCase.revision().displayName()))
                .append(", \"create\": ").append(diffCase.create()).append("},\n");
        json.append("  \"vms\": [\n");
        for (int i = 0; i < comparison.labels().size(); i++) {
            Observation observed = comparison.observations().get(i);
            json.append("    {\"vm\": ").append(i + 1)
                    .append(", \"config\": ").append(Json.string(comparison.labels().get(i)))
                    .append(", \"creation\": ").append(outcome(observed.creation(), DiffCase.CREATE_GAS))
                    .append(", \"result\": ").append(outcome(observed.call(), diffCase.gas()))
                    .append(", \"storageWrites\": ").append(strings(observed.storageWrites(), Object::toString))
                    .append(", \"transientStorageWrites\": ").append(strings(observed.transientWrites(), Object::toString))
                    .append(", \"logs\": ").append(strings(observed.logs(), Render::log))
                    .append(", \"calls\": ").append(strings(observed.calls(), Render::message))
                    .append(", \"selfdestructs\": ").append(strings(observed.selfdestructs(), Render::selfdestruct))
                    .append(", \"accountAccesses\": ").append(strings(observed.accountAccesses(), a -> a.toHex()))
                    .append('}').append(i + 1 < comparison.labels().size() ? ",\n" : "\n");
        }
        json.append("  ],\n");
        json.append("  \"agree\": ").append(comparison.agree()).append(",\n");
        json.append("  \"differences\": [");
        List<String> differences = new ArrayList<>();
        for (Difference difference : comparison.differences()) {
            differences.add("\n    {\"field\": " + Json.string(difference.field()) + ", \"values\": "
                    + strings(difference.values(), Function.identity()) + "}");
        }
        json.append(String.join(",", differences)).append(differences.isEmpty() ? "]\n" : "\n  ]\n");
        return json.append("}\n").toString();
    }

    private static String outcome(Optional<Outcome> outcome, long gas) {
        if (outcome.isEmpty()) {
            return "null";
        }
        Outcome o = outcome.get();
        return "{\"status\": " + Json.string(o.status().description()) + ", \"statusCode\": " + o.status().code()
                + ", \"gasLeft\": " + o.gasLeft() + ", \"gasUsed\": " + (gas - o.gasLeft())
                + ", \"gasRefund\": " + o.gasRefund() + ", \"output\": " + Json.string(o.output().toHex())
                + ", \"createAddress\": " + Json.string(o.createAddress().toHex()) + "}";
    }

    private static <T> String strings(List<T> items, Function<T, String> render) {
        List<String> rendered = new ArrayList<>();
        for (T item : items) {
            rendered.add(Json.string(render.apply(item)));
        }
        return "[" + String.join(", ", rendered) + "]";
    }
}
