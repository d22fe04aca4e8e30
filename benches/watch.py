#!/usr/bin/env python3
"""Incremental rebuild benchmark for `guidepress watch`. Prints figures; asserts nothing.

    cargo build --release
    python3 benches/watch.py            # RUNS=10 edits by default

Runs `watch` on a copy of the bundled source (default brand, every kind) with --poll-ms 10,
then makes one-paragraph edits to guidance.yaml and to toolkit.yaml. For each edit it measures
the time from the file being written to the PDF edition (or worksheet) being replaced on disk,
and reports what watch printed: the rebuild time and how many artefacts were kept unchanged.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "guidepress")
RUNS = int(os.environ.get("RUNS", "10"))


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="guidepress-watch-")
    src, out = os.path.join(tmp, "source"), os.path.join(tmp, "out")
    shutil.copytree(os.path.join(ROOT, "source"), src)
    proc = subprocess.Popen([BIN, "watch", "--poll-ms", "10", "-q", "--project", ROOT, "--source", src, "--out", out],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1794787200"))
    lines = []
    threading.Thread(target=lambda: [lines.append(l) for l in proc.stdout], daemon=True).start()
    while not any("watching" in l for l in lines):
        time.sleep(0.01)
    results = {}
    for name, file, artefact, needle in [
        ("guidance.yaml paragraph -> PDF edition", "guidance.yaml", "lscp/self-harm-practice-guidance.pdf", "This guidance"),
        ("toolkit.yaml prompt -> worksheet", "toolkit.yaml", None, "title:"),
    ]:
        path = os.path.join(src, file)
        original = open(path).read()
        if needle not in original:
            print(f"skip {name}: {needle!r} not in {file}")
            continue
        spans, printed = [], []
        for i in range(RUNS):
            before = len(lines)
            target = os.path.join(out, artefact) if artefact else None
            stamp = os.stat(target).st_mtime_ns if target else None
            t0 = time.perf_counter()
            with open(path, "w") as f:
                f.write(original.replace(needle, f"{needle} edit{i}", 1))
            while not any("rebuilt in" in l or "failed" in l for l in lines[before:]):
                time.sleep(0.001)
            if target:
                while os.stat(target).st_mtime_ns == stamp:
                    time.sleep(0.001)
            spans.append((time.perf_counter() - t0) * 1000)
            printed.extend(l.strip() for l in lines[before:])
        with open(path, "w") as f:
            f.write(original)
        rebuilt = [int(m.group(1)) for l in printed for m in [re.search(r"rebuilt in (\d+) ms", l)] if m]
        kept = sorted({m.group(1) for l in printed for m in [re.search(r"\((\d+) unchanged\)", l)] if m})
        print(f"BENCH {name:<42} change->written median {statistics.median(spans):6.0f} ms; "
              f"rebuild (as printed) median {statistics.median(rebuilt) if rebuilt else float('nan'):5.0f} ms; unchanged artefacts kept: {','.join(kept) or '0'}")
        time.sleep(0.2)
    proc.terminate()
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
