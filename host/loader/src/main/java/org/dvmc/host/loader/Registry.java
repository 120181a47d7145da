package org.dvmc.host.loader;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Codename → factory, built from every source at once. A codename offered by two or more factories is
 * a conflict: it is left out of the usable entries, and selecting it fails with a message naming every
 * source, so the user decides which one to keep instead of the scan order deciding silently.
 *
 * <p>Immutable and thread-safe.
 */
final class Registry {

    private final Map<String, VmEntry> entries;
    private final Map<String, LoaderException> conflicts;

    private Registry(Map<String, VmEntry> entries, Map<String, LoaderException> conflicts) {
        this.entries = Collections.unmodifiableMap(entries);
        this.conflicts = Collections.unmodifiableMap(conflicts);
    }

    /** The registry of {@code candidates}, given in priority of appearance (plugins in jar order, then classpath). */
    static Registry of(List<VmEntry> candidates) {
        Map<String, List<VmEntry>> byCodename = new LinkedHashMap<>();
        for (VmEntry candidate : candidates) {
            byCodename.computeIfAbsent(candidate.codename(), codename -> new ArrayList<>()).add(candidate);
        }
        Map<String, VmEntry> entries = new TreeMap<>();
        Map<String, LoaderException> conflicts = new TreeMap<>();
        byCodename.forEach((codename, sources) -> {
            if (sources.size() == 1) {
                entries.put(codename, sources.get(0));
            } else {
                conflicts.put(codename, conflict(codename, sources));
            }
        });
        return new Registry(entries, conflicts);
    }

    /** The usable entries, sorted by codename. */
    List<VmEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The codenames of the usable entries, sorted. */
    List<String> codenames() {
        return List.copyOf(entries.keySet());
    }

    Optional<VmEntry> find(String codename) {
        return Optional.ofNullable(entries.get(codename));
    }

    /** The conflict for {@code codename}, if two or more sources provide it. */
    Optional<LoaderException> conflict(String codename) {
        return Optional.ofNullable(conflicts.get(codename));
    }

    /** One exception per conflicting codename, sorted by codename. */
    List<LoaderException> conflicts() {
        return List.copyOf(conflicts.values());
    }

    private static LoaderException conflict(String codename, List<VmEntry> sources) {
        String names = sources.stream().map(Registry::describeSource).collect(Collectors.joining(" and "));
        return new LoaderException(LoaderErrorCode.SYMBOL_NOT_FOUND, "codename " + codename + " is provided by "
                + sources.size() + " VM factories, so it is ambiguous: " + names + "; remove all but one of them,"
                + " or select one by the path of its jar");
    }

    /** The source, and for the classpath also the factory class and where it was loaded from. */
    private static String describeSource(VmEntry entry) {
        if (!entry.source().isClasspath()) {
            return entry.source().describe();
        }
        Class<?> type = entry.factory().getClass();
        return "classpath (" + type.getName() + locationOf(type).map(location -> " in " + location).orElse("") + ")";
    }

    private static Optional<String> locationOf(Class<?> type) {
        try {
            CodeSource codeSource = type.getProtectionDomain().getCodeSource();
            URL location = codeSource == null ? null : codeSource.getLocation();
            return Optional.ofNullable(location).map(URL::getPath);
        } catch (SecurityException e) {
            return Optional.empty();
        }
    }
}
