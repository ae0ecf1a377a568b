#!/usr/bin/env python3
"""Chart benchmark of `make bench`: SVGPlot against matplotlib's SVG backend and vl-convert,
on the same 200 charts (five values each: bars, columns, lines), in the same run.

Usage: python3 Scripts/bench-charts.py PATH/TO/gazette-bench
Installs matplotlib and vl-convert-python from PyPI when missing.
"""
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def ensure(module, package):
    try:
        __import__(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)


def matplotlib_svg(spec, plt):
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    values = spec["series"][0]["values"]
    if spec["kind"] == "bar":
        bars = ax.barh(spec["categories"][::-1], values[::-1], color="#0072B2")
        ax.bar_label(bars, labels=[f"{v:.0f} %" for v in values[::-1]], padding=3)
    elif spec["kind"] == "column":
        bars = ax.bar(spec["categories"], values, color="#0072B2")
        ax.bar_label(bars, labels=[f"{v:.0f} %" for v in values], padding=3)
    else:
        ax.plot(spec["x"], values, color="#0072B2", marker="o")
    ax.set_title(spec["title"], loc="left")
    fig.text(0.01, 0.01, "Source : " + spec.get("source", ""), fontsize=8)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    return buffer.getvalue()


def vega_lite(spec):
    values = spec["series"][0]["values"]
    if spec["kind"] in ("bar", "column"):
        data = [{"c": c, "v": v} for c, v in zip(spec["categories"], values)]
        horizontal = spec["kind"] == "bar"
        category = {"field": "c", "type": "nominal", "sort": None, "title": None}
        value = {"field": "v", "type": "quantitative", "title": None}
        encoding = {"y": category, "x": value} if horizontal else {"x": category, "y": value}
        text = dict(encoding, text={"field": "v", "format": ".0f"})
        layers = [{"mark": {"type": "bar", "color": "#0072B2"}, "encoding": encoding},
                  {"mark": {"type": "text", "align": "left" if horizontal else "center", "dx": 3 if horizontal else 0,
                            "dy": 0 if horizontal else -6}, "encoding": text}]
    else:
        data = [{"x": x, "v": v} for x, v in zip(spec["x"], values)]
        layers = [{"mark": {"type": "line", "point": True, "color": "#0072B2"},
                   "encoding": {"x": {"field": "x", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}}}]
    return {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 560, "height": 240,
            "title": {"text": spec["title"], "subtitle": "Source : " + spec.get("source", "")},
            "data": {"values": data}, "layer": layers}


def timed(render, specs):
    times, sizes = [], []
    for spec in specs:
        start = time.perf_counter()
        svg = render(spec)
        times.append((time.perf_counter() - start) * 1000)
        sizes.append((spec["kind"], len(svg.encode("utf-8"))))
    return statistics.median(times), sizes


def mean_bytes(sizes, kind):
    chosen = [size for k, size in sizes if k == kind]
    return sum(chosen) // max(1, len(chosen))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ensure("matplotlib", "matplotlib")
    ensure("vl_convert", "vl-convert-python")
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt
    import vl_convert as vlc

    with tempfile.TemporaryDirectory() as folder:
        specs_path = os.path.join(folder, "charts.json")
        swift = json.loads(subprocess.run([sys.argv[1], "charts", specs_path], check=True,
                                          capture_output=True, text=True).stdout)
        with open(specs_path, encoding="utf-8") as handle:
            specs = json.load(handle)

    matplotlib_svg(specs[0], plt)  # warm-up: font cache
    vlc.vegalite_to_svg(vega_lite(specs[0]))
    mpl_median, mpl_sizes = timed(lambda s: matplotlib_svg(s, plt), specs)
    vl_median, vl_sizes = timed(lambda s: vlc.vegalite_to_svg(vega_lite(s)), specs)

    rows = [("SVGPlot", swift["median_ms"], swift["bytes_by_kind"]["bar"]),
            ("vl-convert", vl_median, mean_bytes(vl_sizes, "bar")),
            ("matplotlib (svg)", mpl_median, mean_bytes(mpl_sizes, "bar"))]
    print(f"Charts: {len(specs)} (bars, columns, lines of 5 values); SVGPlot rendered {swift['charts']} "
          f"({swift['charts_per_second']:.0f} charts/s, p90 {swift['p90_ms']:.3f} ms)")
    print(f"{'renderer':<18}{'median ms/chart':>16}{'× SVGPlot':>12}{'bytes (5 bars)':>16}")
    for name, median, size in rows:
        print(f"{name:<18}{median:>16.3f}{median / swift['median_ms']:>12.1f}{size:>16}")
    editorial = swift["editorial"]
    print(f"SVGPlot, editorial set ({len(specs)} charts: notes, rules, bands, small multiples of 4 series): "
          f"median {editorial['median_ms']:.3f} ms/chart, p90 {editorial['p90_ms']:.3f} ms")
    target = swift["median_ms"] <= 0.5 and editorial["median_ms"] <= 0.5
    print(f"target ≤ 0.5 ms per chart on both sets: {'met' if target else 'MISSED'}")


if __name__ == "__main__":
    main()
