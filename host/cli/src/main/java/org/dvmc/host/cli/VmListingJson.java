package org.dvmc.host.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.spi.Capability;

/**
 * {@code dvmc vms --json} for machines: one JSON object, pretty-printed, with a stable key order.
 * Absent values are {@code null}; the keys are always there. Stateless.
 *
 * <pre>
 * {
 *   "pluginsDirectory": "plugins",
 *   "vms": [
 *     {"codename": "trans_log", "name": "trans_log", "version": "1.0.0", "abiVersion": 12,
 *      "capabilities": ["DVM1"], "source": "plugin", "native": false, "pluginId": "trans_log", "pluginVersion": "1.0.0",
 *      "jar": "plugins/trans-log-1.0.0.jar", "error": null}
 *   ],
 *   "rejected": [
 *     {"jar": "plugins/old.jar", "pluginId": "old", "pluginVersion": "0.9", "errorCode": 5,
 *      "error": "ABI_VERSION_MISMATCH", "reason": "…"}
 *   ],
 *   "conflicts": [
 *     {"errorCode": 2, "error": "SYMBOL_NOT_FOUND", "reason": "…"}
 *   ],
 *   "classpathProblems": [],
 *   "pluginsDirectoryProblem": null,
 *   "sha256": {"plugins/trans-log-1.0.0.jar": "3f5a…"}
 * }
 * </pre>
 *
 * A VM that could not be created has {@code null} name, version, abiVersion and capabilities, and an
 * {@code error} object {@code {"errorCode": 4, "error": "VM_CREATION_FAILURE", "reason": "…"}}.
 */
final class VmListingJson {

    private VmListingJson() {
    }

    /** The whole document, ending in {@code \n}. */
    static String format(VmListing listing) {
        return "{\n"
                + "  \"pluginsDirectory\": " + Json.string(listing.pluginsDirectory().toString()) + ",\n"
                + "  \"vms\": " + array(listing.vms(), VmListingJson::vm) + ",\n"
                + "  \"rejected\": " + array(listing.rejected(), VmListingJson::rejected) + ",\n"
                + "  \"conflicts\": " + array(listing.conflicts(), VmListingJson::conflict) + ",\n"
                + "  \"classpathProblems\": " + array(listing.classpathProblems(), VmListingJson::conflict) + ",\n"
                + "  \"pluginsDirectoryProblem\": " + optionalString(listing.directoryProblem()) + ",\n"
                + "  \"sha256\": " + digests(listing) + "\n"
                + "}\n";
    }

    private static String vm(VmListing.Vm vm) {
        Optional<VmListing.Facts> facts = vm instanceof VmListing.Described described
                ? Optional.of(described.facts()) : Optional.empty();
        Optional<VmListing.Problem> problem = vm instanceof VmListing.Failed failed
                ? Optional.of(failed.problem()) : Optional.empty();
        return "{"
                + field("codename", Json.string(vm.codename())) + ", "
                + field("name", optionalString(facts.map(VmListing.Facts::name))) + ", "
                + field("version", optionalString(facts.map(VmListing.Facts::version))) + ", "
                + field("abiVersion", facts.map(f -> Integer.toString(f.abiVersion())).orElse("null")) + ", "
                + field("capabilities", facts.map(VmListingJson::capabilities).orElse("null")) + ", "
                + field("source", Json.string(vm.source().isClasspath() ? "classpath" : "plugin")) + ", "
                + field("native", Boolean.toString(vm.nativeVm())) + ", "
                + field("pluginId", optionalString(vm.source().pluginId())) + ", "
                + field("pluginVersion", optionalString(vm.source().pluginVersion())) + ", "
                + field("jar", optionalString(vm.source().jar().map(Path::toString))) + ", "
                + field("error", problem.map(p -> error(p.errorCode(), p.codeName(), p.message())).orElse("null"))
                + "}";
    }

    /** The jars' digests as one object, jar path → SHA-256, sorted by path. */
    private static String digests(VmListing listing) {
        if (listing.digests().isEmpty()) {
            return "{}";
        }
        return listing.digests().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> "    " + field(entry.getKey().toString(), Json.string(entry.getValue())))
                .collect(Collectors.joining(",\n", "{\n", "\n  }"));
    }

    private static String capabilities(VmListing.Facts facts) {
        return facts.capabilities().stream().map(Capability::name).map(Json::string)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String rejected(PluginReport report) {
        LoaderException rejection = report.rejection().orElseThrow();
        return "{"
                + field("jar", Json.string(report.jar().toString())) + ", "
                + field("pluginId", optionalString(report.pluginId())) + ", "
                + field("pluginVersion", optionalString(report.pluginVersion())) + ", "
                + errorFields(rejection.errorCode().code(), rejection.errorCode().name(), rejection.getMessage())
                + "}";
    }

    private static String conflict(LoaderException problem) {
        return error(problem.errorCode().code(), problem.errorCode().name(), problem.getMessage());
    }

    private static String error(int code, String name, String reason) {
        return "{" + errorFields(code, name, reason) + "}";
    }

    private static String errorFields(int code, String name, String reason) {
        return field("errorCode", Integer.toString(code)) + ", " + field("error", Json.string(name)) + ", "
                + field("reason", Json.string(reason));
    }

    private static String field(String key, String jsonValue) {
        return Json.string(key) + ": " + jsonValue;
    }

    private static String optionalString(Optional<String> value) {
        return value.map(Json::string).orElse("null");
    }

    private static <T> String array(List<T> items, Function<T, String> toJson) {
        if (items.isEmpty()) {
            return "[]";
        }
        return items.stream().map(item -> "    " + toJson.apply(item))
                .collect(Collectors.joining(",\n", "[\n", "\n  ]"));
    }
}
