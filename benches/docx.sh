#!/usr/bin/env bash
# Benchmark of the Word edition: how long guidepress takes to build the example's .docx, beside
# pandoc converting equivalent Markdown (written by the test helper from the same model) to .docx.
#
#   benches/docx.sh            # prints BENCH lines; RUNS=20 benches/docx.sh for more runs
#
# Needs pandoc on PATH. Figures are medians in milliseconds on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
out="${GUIDEPRESS_BENCH_DIR:-$PWD/target/bench-docx}"
mkdir -p "$out"

median_ms() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'; }
time_us() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000)); }

# 1. In-process: load + validate the source, then render the .docx (median of 30, warm), and
#    write example.md / example.docx for the steps below.
GUIDEPRESS_BENCH_DIR="$out" cargo test --release --quiet --test docx_edition -- --ignored --exact \
  bench_docx_build_and_export_markdown --nocapture 2>/dev/null | grep '^BENCH'

# 2. The command line, end to end (process start, check, render, atomic write), docx only.
cargo build --release --quiet
bin=target/release/guidepress
if "$bin" build --only docx --out "$out/cli" --quiet >/dev/null 2>&1; then
  m=$(for _ in $(seq "$runs"); do time_us "$bin" build --only docx --out "$out/cli" --quiet; done | median_ms)
  printf 'BENCH guidepress_cli_build_docx_ms=%s runs=%s\n' "$m" "$runs"
else
  echo "note: \`guidepress build --only docx\` is not available; skipped the CLI figure"
fi

# 3. pandoc on the same content as Markdown (its default reference.docx styles).
command -v pandoc >/dev/null || { echo "pandoc is not installed; skipped"; exit 0; }
m=$(for _ in $(seq "$runs"); do time_us pandoc -f markdown -t docx -o "$out/pandoc.docx" "$out/example.md"; done | median_ms)
printf 'BENCH pandoc_markdown_to_docx_ms=%s runs=%s\n' "$m" "$runs"
printf 'BENCH sizes_bytes guidepress=%s pandoc=%s markdown=%s (%s)\n' \
  "$(stat -c %s "$out/example.docx")" "$(stat -c %s "$out/pandoc.docx")" "$(stat -c %s "$out/example.md")" "$(pandoc --version | head -1)"
