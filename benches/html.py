#!/usr/bin/env python3
"""The HTML edition's figures on the bundled source. Prints figures; asserts nothing.

    python3 benches/html.py            # RUNS=10 by default; needs a release build (cargo build --release)

- render: the time the build's html job took (from its own progress line: the site is one job),
  median over RUNS;
- process: wall-clock time of the whole `guidepress build --only html` (start, check, render,
  write), median over RUNS;
- pages: each page's size without fonts and pictures (target 150 kB), largest first.
Targets (issue #13): render <= 30 ms; every page <= 150 kB.
"""
import os, re, statistics, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "guidepress")
RUNS = int(os.environ.get("RUNS", "10"))


def main():
    render, process = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        for _ in range(RUNS):
            t = time.perf_counter()
            p = subprocess.run(
                [BIN, "build", "--only", "html", "--project", ROOT, "--source", os.path.join(ROOT, "source"), "--out", out],
                check=True, capture_output=True, text=True, cwd=ROOT,
            )
            process.append((time.perf_counter() - t) * 1000)
            ms = [int(m) for m in re.findall(r"/html/\S+ \([^,]+, (\d+) ms\)", p.stdout)]
            render.append(max(ms))
        site = os.path.join(out, "lscp", "html")
        pages = sorted(((os.path.getsize(os.path.join(site, f)), f) for f in os.listdir(site) if f.endswith(".html")), reverse=True)
        print(f"HTML edition of the bundled source ({len(pages)} pages), median of {RUNS} runs")
        print(f"  render (html job):        {statistics.median(render):6.1f} ms   (target <= 30 ms)")
        print(f"  whole process (--only html): {statistics.median(process):6.1f} ms")
        print("  largest pages without fonts (target <= 150 kB):")
        for size, name in pages[:5]:
            print(f"    {name:40} {size / 1000:7.1f} kB{'   OVER' if size > 150_000 else ''}")
        css = os.path.getsize(os.path.join(site, "style.css"))
        fonts = sum(os.path.getsize(os.path.join(site, "fonts", f)) for f in os.listdir(os.path.join(site, "fonts")))
        print(f"  style.css {css / 1000:.1f} kB; fonts {fonts / 1000:.1f} kB (shared by every page, cached after the first)")


if __name__ == "__main__":
    main()
