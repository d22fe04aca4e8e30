#!/usr/bin/env python3
"""Scale benchmark: `build --all-brands` with N brands (N = 1, 10, 50, 150; 150 is about every
safeguarding children partnership in England). Prints figures; asserts nothing.

    cargo build --release
    python3 benches/scale.py              # SIZES=1,10,50,150 by default

Brands are made from the bundled Northbrook brand with other names, colours and local numbers
(the Ofcom drama range 0113 496 0000-0999). For each N it reports wall time, time per brand,
peak resident memory of the build process (from wait4's rusage) and artefacts built.
"""
import os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "guidepress")
SIZES = [int(s) for s in os.environ.get("SIZES", "1,10,50,150").split(",")]
PRIMARIES = ["#005A52", "#1D4F91", "#6B2C91", "#8A1538", "#3D4A00", "#00485C", "#7A3E00", "#44355B"]


def make_source(tmp, n):
    src = os.path.join(tmp, f"source-{n}")
    shutil.copytree(os.path.join(ROOT, "source"), src)
    brands = os.path.join(src, "brands")
    template = open(os.path.join(brands, "northbrook.yaml")).read()
    # Keep the default brand (lscp) so the source stays valid; replace the rest with generated ones.
    os.remove(os.path.join(brands, "northbrook.yaml"))
    for i in range(1, n):
        text = (template.replace("Northbrook", f"Council {i:03}")
                .replace("northbrook/", f"council-{i:03}/")
                .replace("#005A52", PRIMARIES[i % len(PRIMARIES)])
                .replace("0113 496 0456", f"0113 496 0{i % 1000:03}")
                .replace("0113 496 0123", f"0113 496 0{(500 + i) % 1000:03}"))
        open(os.path.join(brands, f"council-{i:03}.yaml"), "w").write(text)
    return src


def run(cmd, env):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build failed: {err}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in kB on Linux


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="guidepress-scale-")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1794787200")
    rows = []
    try:
        for n in SIZES:
            src = make_source(tmp, n)
            out = os.path.join(tmp, f"out-{n}")
            wall, peak = run([BIN, "build", "--all-brands", "--quiet", "--project", ROOT, "--source", src, "--out", out], env)
            import json
            artefacts = len(json.load(open(os.path.join(out, "manifest.json")))["artefacts"])
            rows.append((n, wall, peak, artefacts))
            print(f"BENCH brands={n:<4} wall={wall:8.2f} s  per-brand={wall / n * 1000:7.0f} ms  peak={peak:6.0f} MB  artefacts={artefacts}", flush=True)
            shutil.rmtree(out)
    finally:
        shutil.rmtree(tmp)
    base = next((r for r in rows if r[0] == 10), None)
    top = next((r for r in rows if r[0] == 150), None)
    if base and top:
        print(f"BENCH per-brand cost at 150 / at 10 = {(top[1] / 150) / (base[1] / 10):.2f}x; peak at 150 = {top[2]:.0f} MB")


if __name__ == "__main__":
    main()
