# shellcheck shell=bash
# Finds a JDK of feature version 22 or newer, the Java the native-VM bridge (host/bridge, Java's Foreign
# Function & Memory API) needs. Sourced by ./run-tests and ./dvmc; see docs/NATIVE_VMS.md.
#
#   dvmc_find_jdk22   sets dvmc_jdk22_home to the JDK's home directory and returns 0, or returns 1.
#                     (A variable, not output: the ./dvmc launcher calls it without forking a subshell.)
#
# Order: $DVMC_JDK22_HOME (taken as given, must hold bin/java); $JAVA_HOME when it is 22+; then the newest
# 22+ JDK under /usr/lib/jvm (or the directories in $DVMC_JDK_SEARCH_PATH, separated by ':').
# The version comes from each JDK's `release` file, so no JVM is started: this runs before every dvmc start.

# Sets dvmc_jdk_version to the feature version (e.g. 25) of the JDK at $1, from its release file; returns 1
# when unknown.
dvmc_jdk_feature_version() {
  local release="$1/release" line version
  dvmc_jdk_version=
  [ -f "$release" ] && [ -x "$1/bin/java" ] || return 1
  while IFS= read -r line; do
    case "$line" in
      JAVA_VERSION=*)
        version="${line#JAVA_VERSION=}"
        version="${version//\"/}"
        version="${version%%[.+-]*}"
        case "$version" in 1) version=8 ;; esac  # "1.8.0" style
        case "$version" in ''|*[!0-9]*) return 1 ;; esac
        dvmc_jdk_version="$version"
        return 0
        ;;
    esac
  done < "$release"
  return 1
}

dvmc_find_jdk22() {
  local candidate version best="" best_version=0 root
  dvmc_jdk22_home=""
  if [ -n "${DVMC_JDK22_HOME:-}" ]; then
    [ -x "$DVMC_JDK22_HOME/bin/java" ] || return 1
    dvmc_jdk22_home="$DVMC_JDK22_HOME"
    return 0
  fi
  if [ -n "${JAVA_HOME:-}" ] && dvmc_jdk_feature_version "$JAVA_HOME" && [ "$dvmc_jdk_version" -ge 22 ]; then
    dvmc_jdk22_home="$JAVA_HOME"
    return 0
  fi
  local IFS=:
  for root in ${DVMC_JDK_SEARCH_PATH:-/usr/lib/jvm}; do
    for candidate in "$root"/*; do
      [ -L "$candidate" ] && continue  # aliases of a JDK that is listed anyway
      dvmc_jdk_feature_version "$candidate" || continue
      version="$dvmc_jdk_version"
      if [ "$version" -ge 22 ] && [ "$version" -gt "$best_version" ]; then
        best="$candidate"
        best_version="$version"
      fi
    done
  done
  [ -n "$best" ] || return 1
  dvmc_jdk22_home="$best"
}
