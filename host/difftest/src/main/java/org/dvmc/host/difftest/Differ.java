package org.dvmc.host.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Finds the fields on which observations differ from the first one and renders every VM's value. Run only
 * when the observations are not all equal, so it favours clarity over speed. Stateless.
 */
final class Differ {

    private static final String NONE = "(none)";

    private Differ() {
    }

    /** The differences between {@code observations}, each field compared with the first observation's. */
    static List<Difference> differences(List<Observation> observations) {
        List<Difference> differences = new ArrayList<>();
        outcome(differences, observations, "creation ", Observation::creation);
        outcome(differences, observations, "", Observation::call);
        scalar(differences, observations, "release failures", o -> String.valueOf(o.releaseFailures()));
        records(differences, observations, "storage write", "storage writes", Observation::storageWrites,
                t -> t.storageWrites(), StorageWrite::toString);
        records(differences, observations, "transient storage write", "transient storage writes",
                Observation::transientWrites, t -> t.transientWrites(), StorageWrite::toString);
        records(differences, observations, "log", "logs", Observation::logs, t -> t.logs(), Render::log);
        records(differences, observations, "call", "calls", Observation::calls, t -> t.calls(), Render::message);
        records(differences, observations, "selfdestruct", "selfdestructs", Observation::selfdestructs,
                t -> t.selfdestructs(), Render::selfdestruct);
        records(differences, observations, "account access", "account accesses", Observation::accountAccesses,
                t -> t.accountAccesses(), a -> a.toHex());
        return differences;
    }

    private static void outcome(List<Difference> differences, List<Observation> observations, String prefix,
            Function<Observation, Optional<Outcome>> phase) {
        boolean anyPresent = observations.stream().anyMatch(o -> phase.apply(o).isPresent());
        if (!anyPresent) {
            return;
        }
        Function<Function<Outcome, String>, Function<Observation, String>> field =
                value -> o -> phase.apply(o).map(value).orElse("(not run)");
        scalar(differences, observations, prefix + "status", field.apply(outcome -> outcome.status().description()));
        scalar(differences, observations, prefix + "gas left", field.apply(outcome -> String.valueOf(outcome.gasLeft())));
        scalar(differences, observations, prefix + "gas refund", field.apply(outcome -> String.valueOf(outcome.gasRefund())));
        scalar(differences, observations, prefix + "output", field.apply(outcome -> Render.hex(outcome.output().toHex())));
        scalar(differences, observations, prefix + "create address", field.apply(outcome -> outcome.createAddress().toHex()));
    }

    private static void scalar(List<Difference> differences, List<Observation> observations, String name,
            Function<Observation, String> value) {
        List<String> values = observations.stream().map(value).toList();
        if (values.stream().anyMatch(v -> !v.equals(values.get(0)))) {
            differences.add(new Difference(name, values));
        }
    }

    /**
     * A list of records: the first position where some VM's record differs (or is missing) is one difference;
     * when the recorded lists agree but the totals do not, the count is.
     */
    private static <T> void records(List<Difference> differences, List<Observation> observations, String singular,
            String plural, Function<Observation, List<T>> list, ToLongFunction<Observation.Totals> total,
            Function<T, String> render) {
        int longest = observations.stream().mapToInt(o -> list.apply(o).size()).max().orElse(0);
        List<T> first = list.apply(observations.get(0));
        for (int index = 0; index < longest; index++) {
            T reference = index < first.size() ? first.get(index) : null;
            boolean differs = false;
            for (Observation observation : observations) {
                List<T> items = list.apply(observation);
                T item = index < items.size() ? items.get(index) : null;
                if (!Objects.equals(item, reference)) {
                    differs = true;
                    break;
                }
            }
            if (differs) {
                int position = index;
                differences.add(new Difference(singular + " #" + (index + 1), observations.stream().map(o -> {
                    List<T> items = list.apply(o);
                    return position < items.size() ? render.apply(items.get(position))
                            : NONE + " (" + items.size() + " in all)";
                }).toList()));
                return;
            }
        }
        scalar(differences, observations, plural + " (count)", o -> String.valueOf(total.applyAsLong(o.totals())));
    }
}
