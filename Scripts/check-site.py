#!/usr/bin/env python3
"""The quality gate of `make check` on a built site (after vnu and `gazette check`):

* every Atom feed (the site's, each tag's, section's and author's, the corrections') parses with
  feedparser (no bozo flag) and has entries (the corrections' may have none), and the JSON Feed is version 1.1;
* sitemap.xml, the Atom feeds and every inline SVG of every page are well-formed XML;
* axe-core 4.x (selenium-axe-python, headless Chromium) finds no serious or critical violation on
  the home page, an article with charts, a tag page, an author's page, the list of authors, the
  search page and the archives.

Usage: check-site.py OUTPUT_FOLDER
"""
import functools
import glob
import http.server
import json
import os
import re
import sys
import threading
import xml.etree.ElementTree as ElementTree

import feedparser
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium_axe_python import Axe


def check_feeds(site):
    problems = []
    feeds = sorted(glob.glob(os.path.join(site, "**", "feed.xml"), recursive=True))
    for path in feeds:
        parsed = feedparser.parse(path)
        if parsed.bozo:
            problems.append(f"{path}: feedparser: {parsed.bozo_exception}")
        elif not parsed.entries and not path.endswith(os.path.join("corrections", "feed.xml")):
            problems.append(f"{path}: no entry")
    with open(os.path.join(site, "feed.json"), encoding="utf-8") as handle:
        feed = json.load(handle)
    if feed.get("version") != "https://jsonfeed.org/version/1.1" or not feed.get("items"):
        problems.append("feed.json: not a JSON Feed 1.1 with items")
    return problems, len(feeds) + 1


def check_xml(site):
    problems, count = [], 0
    for path in [os.path.join(site, "sitemap.xml")] + glob.glob(os.path.join(site, "**", "feed.xml"), recursive=True):
        count += 1
        try:
            ElementTree.parse(path)
        except ElementTree.ParseError as error:
            problems.append(f"{path}: {error}")
    for path in glob.glob(os.path.join(site, "**", "*.html"), recursive=True):
        with open(path, encoding="utf-8") as handle:
            html = handle.read()
        for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.S):
            count += 1
            try:
                ElementTree.fromstring(svg)
            except ElementTree.ParseError as error:
                problems.append(f"{path}: inline SVG: {error}")
    return problems, count


def check_accessibility(site):
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    charted = sorted(path for path in glob.glob(os.path.join(site, "articles", "*", "*", "index.html"))
                     if '<figure class="chart"' in open(path, encoding="utf-8").read())
    tags = sorted(glob.glob(os.path.join(site, "tags", "*", "index.html")))
    authors = sorted(glob.glob(os.path.join(site, "auteurs", "*", "index.html")))
    pages = ["", "recherche/", "articles/", "auteurs/"] + [os.path.relpath(os.path.dirname(path), site) + "/"
                                                           for path in charted[:1] + tags[:1] + authors[:1]]
    options = Options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    problems = []
    try:
        for page in pages:
            driver.get(base + page)
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            for violation in results["violations"]:
                if violation.get("impact") in ("serious", "critical"):
                    targets = ", ".join(str(node.get("target")) for node in violation["nodes"][:3])
                    problems.append(f"/{page}: axe {violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    finally:
        driver.quit()
        server.shutdown()
    return problems, len(pages)


def main():
    site = sys.argv[1]
    failures = []
    for name, check in (("feeds", check_feeds), ("XML", check_xml), ("axe", check_accessibility)):
        problems, count = check(site)
        failures += problems
        print(f"{name}: {count} checked, {len(problems)} problem(s)")
    print("\n".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
