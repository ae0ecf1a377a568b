#!/usr/bin/env python3
"""The search page in a real browser (headless Chromium through selenium), on a built site.

check-search.py OUTPUT_FOLDER
    Types the queries of QUERIES (written as readers write them) into the real site's search field
    and expects the article named beside each among the results (or the message named); then the
    keyboard (arrow down into the results), a tag filter, a link to a search, axe-core on the page
    with results, and no console error.

check-search.py OUTPUT_FOLDER --weight
    Bytes loaded by a first query (page, style, script, index files: text compressed with gzip as
    static hosts send it) and by a second one, on the bench corpus; at most 150 kB and 50 kB.

check-search.py OUTPUT_FOLDER --quality N
    On a generated corpus (bench/gen_corpus.py): for N random articles, a query made of three
    distinctive words of the title (each chosen to leave the fewest other titles holding all of
    them) must find the article among the first five results in 95 % of cases. Prints the share
    and the queries that missed.
"""
import argparse
import collections
import functools
import glob
import gzip
import http.server
import io
import json
import os
import random
import sys
import threading
import time
import unicodedata

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe

# (query, a words of the title of an article expected among the results, or a message expected).
QUERIES = [
    ("hopitaux", "Web 3, metaverse"),
    ("l’hôpital", "Web 3, metaverse"),
    ("HÔPITAL", "Web 3, metaverse"),
    ("securite", "Fuite de données à la Cnam"),
    ("SÉCURITÉ", "Fuite de données à la Cnam"),
    ("cyberattaque", "augmentation de 32"),
    ("cyberattaques santé", "augmentation de 32"),
    ("fuite de données", "Fuite de données à la Cnam"),
    ("donnees cnam", "Fuite de données à la Cnam"),
    ("rgpd", "Fuite de données à la Cnam"),
    ("GHT formation", "la formation des usagers"),
    ("formations", "la formation des usagers"),
    ("budget cloud", "architecture SI commune et budgets"),
    ("32 %", "augmentation de 32"),
    ("metavers", "Web 3, metaverse"),
    ("NFT", "Web 3, metaverse"),
    ("rssi", "premier défi des DSI/RSSI"),
    ("confiance direction", "confiance envers la direction"),
    ("cybersécu", "Cybersécurité"),
    ("defense en profondeur", "Fuite de données à la Cnam"),
    ("se défendre", "Fuite de données à la Cnam"),
    ("marketing sante", "Web 3, metaverse"),
    ("blockchain", "Web 3, metaverse"),
    ("architecture commune", "architecture SI commune"),
    ("enquete dsi", "Enquête auprès des DSI/RSSI"),
    ("budgets cyber", "des budgets cyber encore limités"),
    ("cyberattaques monde de la sante", "augmentation de 32"),
    ("augmentation des cyberattaques", "augmentation de 32"),
    ("formation usagers", "la formation des usagers"),
    ("patients", "Fuite de données à la Cnam"),
    ("le la de", "trop courants"),
    ("zorglub", "Aucun résultat"),
]


def serve(site):
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        """Sends text compressed with gzip, as static hosts do; binary files as they are."""
        def log_message(self, *args):
            pass

        def send_head(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            kind = self.guess_type(path)
            if not os.path.isfile(path) or not (kind.startswith("text/") or kind in ("application/json", "application/javascript")) \
                    or "gzip" not in self.headers.get("Accept-Encoding", ""):
                return super().send_head()
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), 6)
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    options = Options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def results(driver, previous_status=None, timeout=5.0, query=None):
    """The status line and the result titles and addresses once the page has answered (for
    `query`, when given: the status names it) and its results stay the same for a tenth of a
    second (records are drawn after the status line)."""
    deadline, last = time.time() + timeout, None
    while time.time() < deadline:
        status, links = driver.execute_script(
            "return [document.getElementById('etat-recherche').innerText,"
            " [...document.querySelectorAll('#resultats h2 a')].map((a) => [a.innerText, a.href])]")
        now = (status, [tuple(link) for link in links])
        answered = status and status != previous_status and (query is None or query.strip() in status)
        if answered and now == last:
            return now
        last = now if answered else None
        time.sleep(0.1)
    return last or (driver.find_element(By.ID, "etat-recherche").text, [])


def type_query(driver, query):
    field = driver.find_element(By.ID, "champ-recherche")
    previous = driver.find_element(By.ID, "etat-recherche").text
    field.clear()
    field.send_keys(query)
    return results(driver, previous, query=query)


def check_site(driver, base):
    problems = []
    driver.get(base + "recherche/")
    for query, expected in QUERIES:
        status, found = type_query(driver, query)
        titles = [title for title, _ in found]
        if not any(expected in title for title in titles) and expected not in status:
            problems.append(f"{query!r}: expected {expected!r}, got {status!r} {titles[:5]}")
    # The arrow key goes from the field to the first result.
    type_query(driver, "cybersécurité")
    driver.find_element(By.ID, "champ-recherche").send_keys(Keys.ARROW_DOWN)
    focused = driver.switch_to.active_element
    first = driver.find_elements(By.CSS_SELECTOR, "#resultats h2 a")
    if not first or focused != first[0]:
        problems.append("arrow down from the field does not reach the first result")
    # A link to a search (the address the page keeps up to date) gives the same results, filtered.
    driver.get(base + "recherche/?q=cybers%C3%A9curit%C3%A9&theme=rgpd")
    status, found = results(driver)
    if len(found) != 1 or "Cnam" not in found[0][0] or "thème" not in status:
        problems.append(f"a tag-filtered link: {status!r} {found}")
    return problems + page_problems(driver)


def page_problems(driver):
    """Serious axe-core violations of the page as it stands, and errors in the browser's console."""
    problems = []
    axe = Axe(driver)
    axe.inject()
    for violation in axe.run()["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            problems.append(f"search page with results: axe {violation['impact']}: {violation['id']} ({violation['help']})")
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]:
            problems.append(f"console: {entry['message']}")
    return problems


def check_weight(driver, base, queries):
    """Bytes the browser receives (compressed as hosts send them) for the search page and a first
    query typed there, then for a second query: each query's own files only."""
    problems = []
    for first, second in queries:
        driver.get("about:blank")
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.get(base + "recherche/")
        type_query(driver, first)
        page = driver.execute_script("return performance.getEntriesByType('navigation')[0].transferSize")
        loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])")
        driver.execute_script("performance.clearResourceTimings()")
        type_query(driver, second)
        again = driver.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])")
        total, more = page + sum(size for _, size in loaded), sum(size for _, size in again)
        print(f"weight: {first!r}: {total / 1000:.1f} kB in {len(loaded) + 1} files; then {second!r}: {more / 1000:.1f} kB in {len(again)} files")
        if total > 150_000 or more > 50_000:
            problems.append(f"weight: {first!r} {total} bytes (≤ 150 kB), then {second!r} {more} bytes (≤ 50 kB)")
    return problems


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def check_quality(driver, base, site, count):
    records = []
    for path in sorted(glob.glob(os.path.join(site, "recherche", "index", "r", "*.json")), key=lambda p: int(os.path.basename(p)[:-5])):
        with open(path, encoding="utf-8") as handle:
            records += json.load(handle)
    with open(os.path.join(site, "recherche", "index", "meta.json"), encoding="utf-8") as handle:
        stop = set(json.load(handle)["stopWords"])
    words = lambda title: {w for w in "".join(c if c.isalnum() else " " for c in fold(title)).split() if len(w) > 1 and w not in stop}
    titles = [words(record["t"]) for record in records]
    by_word = collections.defaultdict(set)
    for number, title in enumerate(titles):
        for word in title:
            by_word[word].add(number)

    def distinctive(title):
        """Up to three words of the title, each chosen to leave the fewest titles holding all so far."""
        chosen, holding = [], set(range(len(titles)))
        for _ in range(3):
            word = min(sorted(title - set(chosen)), key=lambda w: len(holding & by_word[w]), default=None)
            if word is None:
                break
            chosen.append(word)
            holding &= by_word[word]
        return chosen

    rng = random.Random(1)
    found = 0
    driver.get(base + "recherche/")
    for record in rng.sample(records, count):
        query = " ".join(distinctive(words(record["t"])))
        _, shown = type_query(driver, query)
        if any(href.endswith("/" + record["u"]) for _, href in shown[:5]):
            found += 1
        else:
            print(f"missed: {query!r} for {record['t']!r}: {[title for title, _ in shown[:5]]}")
    share = found / count
    print(f"quality: {found} of {count} articles in the first five results for three distinctive words of their title ({share:.1%})")
    return ([] if share >= 0.95 else [f"quality: {share:.1%} < 95 %"]) + page_problems(driver)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--quality", type=int)
    parser.add_argument("--weight", action="store_true", help="bytes of a first and a second query, for the bench corpus")
    arguments = parser.parse_args()
    server, base = serve(arguments.site)
    driver = browser()
    try:
        if arguments.weight:
            problems = check_weight(driver, base, [("securite", "hopitaux"), ("cybersécurité", "rançongiciel"), ("s", "se"),
                                                   ("sé", "sécurité hôpital")])
        elif arguments.quality:
            problems = check_quality(driver, base, arguments.site, arguments.quality)
        else:
            problems = check_site(driver, base)
            print(f"search: {len(QUERIES)} queries typed, keyboard, filter, axe, console: {len(problems)} problem(s)")
    finally:
        driver.quit()
        server.shutdown()
    print("\n".join(problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
