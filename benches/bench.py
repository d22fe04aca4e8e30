#!/usr/bin/env python3
"""Benchmarks of guidepress on the bundled source, beside its peers. Prints figures; asserts nothing.

    python3 benches/bench.py            # RUNS=10 by default; needs a release build (cargo build --release)

Peers: the typst compiler (PyPI `typst`, the same typst version, compiling the source guidepress
emits with --emit-typst) and pandoc (Markdown to docx; see benches/docx.sh for the Word edition).
Figures are medians of wall-clock milliseconds, measured from process start to exit.
"""
import os, re, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "guidepress")
RUNS = int(os.environ.get("RUNS", "10"))
TS = "1794787200"


def run_ms(cmd, runs=RUNS, **kw):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build(out, *extra):
    return [BIN, "build", "--project", ROOT, "--source", os.path.join(ROOT, "source"), "--out", out, "-q", *extra]


def line(name, value, unit="ms", note=""):
    print(f"BENCH {name:<44} {value:>9.1f} {unit}  {note}".rstrip())


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="guidepress-bench-")
    out = os.path.join(tmp, "out")
    env = dict(os.environ, SOURCE_DATE_EPOCH=TS)

    line("full build, default brand (all artefacts)", run_ms(build(out), env=env))
    line("full build, all brands", run_ms(build(out, "--all-brands"), env=env))
    line("PDF edition only", run_ms(build(out, "--only", "pdf"), env=env))
    line("DOCX edition only", run_ms(build(out, "--only", "docx"), env=env))
    prints = run_ms(build(out, "--all-brands", "--only", "flyers,worksheets"), env=env)
    res = subprocess.run(build(out, "--all-brands", "--only", "flyers,worksheets", "--json"), env=env, capture_output=True, text=True, check=True)
    n_prints = len(re.findall(r'"kind": "(flyers|worksheets)"', res.stdout))
    line("flyers+worksheets, all brands", prints, note=f"{n_prints} PDFs, {n_prints / prints * 1000:.1f} per second")

    # Peak memory of a full all-brands build (children's max RSS).
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(build(out, "--all-brands"), env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line("peak memory, full all-brands build", max(peak, before) / 1024, "MB")

    # Watch: one-paragraph edit, PDF rebuild time as reported by guidepress itself.
    src = os.path.join(tmp, "src")
    shutil.copytree(os.path.join(ROOT, "source"), src)
    watch = subprocess.Popen([BIN, "watch", "--only", "pdf", "--poll-ms", "20", "--max-rebuilds", "3", "--project", ROOT, "--source", src, "--out", out],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    rebuilds = []
    guidance = os.path.join(src, "guidance.yaml")
    for line_ in watch.stdout:
        if line_.startswith("rebuilt in"):
            rebuilds.append(int(line_.split()[2]))
        if line_.startswith("watching") or line_.startswith("rebuilt in"):
            if len(rebuilds) == 3:
                break
            text = open(guidance).read()
            text = text.replace("The pathway below", f"The pathway set out below{' ' * (len(rebuilds) + 1)}", 1) if len(rebuilds) % 2 == 0 else text.replace("The pathway set out below", "The pathway below", 1)
            time.sleep(0.05)
            open(guidance, "w").write(text)
    watch.wait(timeout=120)
    line("watch: PDF rebuild after a paragraph edit", statistics.median(rebuilds), note=f"runs {rebuilds}")

    # Peers: typst compiling the emitted sources.
    emit = os.path.join(tmp, "emit")
    subprocess.run(build(out, "--all-brands", "--only", "pdf,flyers,worksheets", "--emit-typst", emit), env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import typst  # noqa: F401
    except ImportError:
        print("note: PyPI `typst` not installed (pip install typst==0.15.2); typst peer figures skipped")
        return
    peer = r"""
import sys, typst
for d in sys.argv[2:]:
    typst.compile(d + "/main.typ", root=d, font_paths=[sys.argv[1]], ignore_system_fonts=True, pdf_standards=["ua-1"], timestamp=%s)
""" % TS
    fonts = os.path.join(ROOT, "fonts")
    guide = os.path.join(emit, "lscp", "self-harm-practice-guidance")
    line("peer: typst compile of emitted guidance", run_ms([sys.executable, "-c", peer, fonts, guide]), note="(PyPI typst, process start to exit)")
    dirs = sorted(os.path.join(r, d) for r, ds, _ in os.walk(emit) for d in ds if os.path.exists(os.path.join(r, d, "main.typ")) and ("flyers" in r or "worksheets" in r))
    t = run_ms([sys.executable, "-c", peer, fonts, *dirs], runs=max(3, RUNS // 3))
    line("peer: typst, one process, all flyers+worksheets", t, note=f"{len(dirs)} PDFs, {len(dirs) / t * 1000:.1f} per second")
    t1 = run_ms([sys.executable, "-c", peer, fonts, dirs[0]], runs=max(3, RUNS // 3))
    line("peer: typst once per flyer (x count)", t1 * len(dirs), note=f"{t1:.0f} ms each")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
