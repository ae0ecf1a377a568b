#!/usr/bin/env python3
"""Held-out check of chart text in a real browser (part of `make check`): the gallery's charts
(every kind and feature, light and dark, desktop and phone widths) are opened in headless
Chromium at 375 and 1280 px wide, with the page's sans-serif stack, then DejaVu Sans, then
Liberation Sans forced on every chart text. The browser measures each <text> itself
(getBoundingClientRect, not SVGPlot's font tables): no two texts of a chart may overlap and
none may leave its chart's box.

Usage: check-chart-text.py GALLERY.html SITE.css
"""
import re
import sys
import pathlib

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

# A text's box is its line box (about 1.15 em high, more than its ink): two texts overlap when
# they share more than half a pixel across and a quarter of their size down.
MEASURE = r"""
const tolerance = 0.5;
const problems = [];
for (const svg of document.querySelectorAll('svg.gz-chart')) {
  const frame = svg.getBoundingClientRect();
  const name = svg.querySelector('title')?.textContent.slice(0, 50);
  const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect();
    const size = r.height / 1.15;
    return {text: [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''),
            left: r.left, right: r.right, top: r.top, bottom: r.bottom, size};
  });
  for (const box of boxes) {
    if (box.left < frame.left - tolerance || box.right > frame.right + tolerance ||
        box.top < frame.top - tolerance || box.bottom > frame.bottom + tolerance) {
      problems.push(`${name}: "${box.text}" leaves the chart`);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > tolerance && down > 0.25 * Math.min(a.size, b.size)) {
        problems.push(`${name}: "${a.text}" overlaps "${b.text}" (${across.toFixed(1)} × ${down.toFixed(1)} px)`);
      }
    }
  }
}
const first = document.querySelector('svg.gz-chart text');
return [problems, document.querySelectorAll('svg.gz-chart').length, first ? getComputedStyle(first).fontFamily : ''];
"""


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gallery = pathlib.Path(sys.argv[1]).resolve()
    css = pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
    page_stack = re.search(r"--sans:\s*([^;]+);", css).group(1).strip()
    fonts = {"page font": page_stack, "DejaVu Sans": '"DejaVu Sans"', "Liberation Sans": '"Liberation Sans"'}
    options = Options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    failures = []
    try:
        for width in (375, 1280):
            driver.set_window_size(width, 1200)
            for label, stack in fonts.items():
                driver.get(gallery.as_uri())
                driver.execute_script(
                    "const s = document.createElement('style');"
                    "s.textContent = 'svg.gz-chart text { font-family: ' + arguments[0] + ' !important }';"
                    "document.head.append(s); return document.fonts.ready;", stack)
                problems, charts, used = driver.execute_script(MEASURE)
                print(f"{width} px, {label} ({used}): {charts} charts, {len(problems)} problem(s)")
                failures += [f"{width} px, {label}: {problem}" for problem in problems]
    finally:
        driver.quit()
    for failure in failures[:40]:
        print("  " + failure)
    if failures:
        sys.exit(f"check-chart-text: {len(failures)} problem(s)")


if __name__ == "__main__":
    main()
