package org.dvmc.host.difftest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.dvmc.host.difftest.Instructions.Instruction;
import org.dvmc.spi.Bytes;

/**
 * Makes a failing case smaller while it keeps failing: removes runs of instructions (halves, then quarters, …,
 * then single ones), narrows PUSHes (to the fewest bytes of their value, then to 0 and 1), shortens the input,
 * and lowers the gas limit (the least that still fails, by bisection), repeating until nothing more helps or the
 * attempt budget is spent. Every step is kept only when the predicate still holds, so the result always fails.
 * Deterministic: the same case and predicate give the same result. Not thread-safe; one shrink at a time.
 */
public final class Shrinker {

    /** The default number of predicate evaluations a shrink may spend. */
    public static final int DEFAULT_MAX_ATTEMPTS = 20_000;

    private final Predicate<DiffCase> stillFails;
    private final int maxAttempts;
    private int attempts;

    /**
     * @param stillFails  true when a candidate case still shows the failure (e.g. the VMs still disagree)
     * @param maxAttempts the most evaluations of {@code stillFails}, 1 or more
     */
    public Shrinker(Predicate<DiffCase> stillFails, int maxAttempts) {
        this.stillFails = Objects.requireNonNull(stillFails, "stillFails");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more but was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /**
     * The test for shrinking a disagreement without drifting to another one: true while the VMs still disagree
     * on the same kind of field ({@link Difference#kind()}) as the first difference of {@code found} — e.g. still
     * on a storage write, not only on the status, which a smaller case may get wrong for another reason.
     *
     * @param engine the engine that found the disagreement (its host set-up is used again); non-null
     * @param vms    the VMs compared, in the same order; non-null
     * @param found  the disagreement to keep; non-null, with at least one difference
     * @return a predicate for {@link #Shrinker(Predicate, int)}; as thread-safe as the engine and VMs
     * @throws IllegalArgumentException if {@code found} has no difference
     */
    public static Predicate<DiffCase> sameDisagreement(DiffEngine engine, List<DiffVm> vms, Comparison found) {
        Objects.requireNonNull(engine, "engine");
        List<DiffVm> compared = List.copyOf(vms);
        if (found.differences().isEmpty()) {
            throw new IllegalArgumentException("the VMs agree on " + found.diffCase() + ": nothing to shrink");
        }
        String kind = found.differences().get(0).kind();
        return candidate -> engine.compare(candidate, compared).differences().stream()
                .anyMatch(difference -> difference.kind().equals(kind));
    }

    /**
     * A shrink's result: the smallest failing case found and how many evaluations it took.
     *
     * @param shrunk   the smallest failing case found; the original case when nothing smaller fails
     * @param attempts how many times the predicate was evaluated, 0 to the shrinker's {@code maxAttempts}
     */
    public record Shrunk(DiffCase shrunk, int attempts) {
    }

    /**
     * Shrinks {@code failing}, which must fail.
     *
     * @param failing the case to shrink; non-null, and the predicate must hold for it (this is not checked:
     *                for a case that does not fail, the result is the case itself or one the predicate accepts)
     * @return the smallest failing case found ({@code failing} itself when nothing smaller fails)
     */
    public Shrunk shrink(DiffCase failing) {
        attempts = 0;
        DiffCase current = failing;
        boolean progress = true;
        while (progress && attempts < maxAttempts) {
            DiffCase before = current;
            current = removeInstructions(current);
            current = narrowPushes(current);
            current = shortenInput(current);
            current = lowerGas(current);
            progress = !current.equals(before);
        }
        return new Shrunk(current, attempts);
    }

    private boolean fails(DiffCase candidate) {
        if (attempts >= maxAttempts) {
            return false;
        }
        attempts++;
        return stillFails.test(candidate);
    }

    private DiffCase removeInstructions(DiffCase current) {
        List<Instruction> instructions = Instructions.decode(current.code());
        for (int chunk = Math.max(1, instructions.size() / 2); chunk >= 1; chunk /= 2) {
            int start = 0;
            while (start < instructions.size()) {
                List<Instruction> candidate = new ArrayList<>(instructions.subList(0, start));
                candidate.addAll(instructions.subList(Math.min(instructions.size(), start + chunk), instructions.size()));
                DiffCase smaller = current.withCode(Instructions.encode(candidate));
                if (fails(smaller)) {
                    instructions = candidate;
                    current = smaller;
                } else {
                    start += chunk;
                }
            }
            if (chunk == 1) {
                break;
            }
        }
        return current;
    }

    private DiffCase narrowPushes(DiffCase current) {
        List<Instruction> instructions = Instructions.decode(current.code());
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (!instruction.isPush()) {
                continue;
            }
            for (byte[] value : narrower(instruction.immediate())) {
                List<Instruction> candidate = new ArrayList<>(instructions);
                // Only strictly smaller immediates (fewer bytes, or as many and a lower value): never back and forth.
                if (!smaller(value, instruction.immediate())) {
                    continue;
                }
                candidate.set(i, Instructions.push(value));
                DiffCase smaller = current.withCode(Instructions.encode(candidate));
                if (fails(smaller)) {
                    instructions = candidate;
                    current = smaller;
                    break;
                }
            }
        }
        return current;
    }

    private static boolean smaller(byte[] candidate, byte[] current) {
        return candidate.length != current.length ? candidate.length < current.length
                : Arrays.compareUnsigned(candidate, current) < 0;
    }

    /** Smaller immediates to try, smallest first: 0, 1, then the same value in the fewest bytes. */
    private static List<byte[]> narrower(byte[] immediate) {
        List<byte[]> values = new ArrayList<>();
        values.add(new byte[] {0});
        values.add(new byte[] {1});
        int first = 0;
        while (first < immediate.length - 1 && immediate[first] == 0) {
            first++;
        }
        byte[] minimal = Arrays.copyOfRange(immediate, first, immediate.length);
        if (minimal.length > 0 && minimal.length < immediate.length) {
            values.add(minimal);
        }
        return values;
    }

    private DiffCase shortenInput(DiffCase current) {
        if (current.input().isEmpty()) {
            return current;
        }
        DiffCase empty = current.withInput(Bytes.EMPTY);
        if (fails(empty)) {
            return empty;
        }
        // Drop the second half while that keeps failing, then single trailing bytes.
        int size = current.input().size();
        for (int keep = size / 2; keep > 0 && keep < current.input().size(); keep = current.input().size() / 2) {
            DiffCase shorter = current.withInput(current.input().slice(0, keep));
            if (!fails(shorter)) {
                break;
            }
            current = shorter;
        }
        while (current.input().size() > 1) {
            DiffCase shorter = current.withInput(current.input().slice(0, current.input().size() - 1));
            if (!fails(shorter)) {
                break;
            }
            current = shorter;
        }
        return current;
    }

    private DiffCase lowerGas(DiffCase current) {
        long low = 0;
        long high = current.gas();
        while (low < high && attempts < maxAttempts) {
            long middle = low + (high - low) / 2;
            if (fails(current.withGas(middle))) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return current.withGas(high);
    }
}
