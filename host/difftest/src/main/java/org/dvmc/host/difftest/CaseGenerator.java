package org.dvmc.host.difftest;

import java.util.SplittableRandom;
import org.dvmc.spi.Revision;

/**
 * Makes random {@link DiffCase}s for a fuzz campaign. A generator must be deterministic: the same random
 * source state gives the same case, which is what makes a seed reproduce a campaign. Implementations are
 * stateless and thread-safe.
 */
public interface CaseGenerator {

    /**
     * The name {@code dvmc fuzz --generator} selects it by.
     *
     * @return the name, e.g. {@code trans_log}; fixed for the implementation and unique among {@link #all()}
     */
    String name();

    /**
     * A new case.
     *
     * @param random   the only source of randomness to use
     * @param maxGas   the largest gas limit to give the case, in gas units
     * @param revision the revision of the case
     * @return the case, never null; its gas limit is at most {@code maxGas} and its revision is {@code revision}
     */
    DiffCase generate(SplittableRandom random, long maxGas, Revision revision);

    /**
     * Every generator that ships.
     *
     * @return {@link TransLogGenerator} and {@link DvmGenerator}, in that order, as new instances; immutable
     */
    static java.util.List<CaseGenerator> all() {
        return java.util.List.of(new TransLogGenerator(), new DvmGenerator());
    }

    /**
     * The generator named {@code name}.
     *
     * @param name the generator's {@link #name()}, matched exactly (case-sensitive)
     * @return a new instance of that generator
     * @throws IllegalArgumentException naming the valid names when there is none
     */
    static CaseGenerator named(String name) {
        return all().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown generator '" + name + "'; valid: "
                        + String.join(", ", all().stream().map(CaseGenerator::name).toList())));
    }
}
