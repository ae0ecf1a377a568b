#!/usr/bin/env python3
"""Click-to-load embeds in a real browser (headless Chromium through selenium).

check-embeds.py GAZETTE_BINARY

Builds a small site whose article holds a YouTube address alone on its line, a Vimeo link with a
poster, a Mastodon post and a Bluesky post, serves it, and checks in Chromium that:
* no request reaches a video or social platform while the page loads (Chromium's network log);
* the « Lire la vidéo » buttons are shown (the script ran) and the posts are quotations with links;
* a click replaces the poster with the player, from youtube-nocookie.com, and only then is it
  requested;
* axe-core finds no serious or critical violation and the console has no error.
"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLATFORMS = ("youtube", "ytimg", "googlevideo", "vimeo", "dailymotion", "mastodon.social", "bsky", "twitter", "x.com")
ARTICLE = """---
title: Vidéos et publications
date: 2024-03-11T09:00:00+01:00
---
Le DSI présente le plan.

https://www.youtube.com/watch?v=dQw4w9WgXcQ

[![Visite de la salle des serveurs](affiche.jpg)](https://vimeo.com/76979871)

[Le ministère annonce le plan.](https://mastodon.social/@sante/112233445566)

https://bsky.app/profile/ansm.bsky.social/post/3kxyz
"""


def build(binary, folder):
    content = os.path.join(folder, "Content")
    os.makedirs(os.path.join(content, "articles", "2024"))
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as handle:
        handle.write("title: Essai\nbase_url: https://essai.example/\n")
    with open(os.path.join(content, "articles", "2024", "video.md"), "w", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    shutil.copy(os.path.join(ROOT, "Tests", "GazetteTests", "Media", "Fixtures", "gps-portrait.jpg"),
                os.path.join(content, "articles", "2024", "affiche.jpg"))
    output = os.path.join(folder, "Output")
    subprocess.run([binary, "build", "--content", content, "--templates", os.path.join(ROOT, "Templates"),
                    "--output", output, "--no-search"], check=True)
    return output


def platform_requests(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if any(name in url for name in PLATFORMS):
                urls.append(url)
    return urls


def main():
    binary = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        output = build(binary, folder)

        class QuietHandler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=output))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        options = Options()
        for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=390,1600"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/articles/2024/videos-et-publications/")
            early = platform_requests(driver)
            if early:
                problems.append(f"requests to a platform before any click: {early}")
            buttons = [button for button in driver.find_elements(By.CSS_SELECTOR, ".embed-play") if button.is_displayed()]
            if len(buttons) != 2:
                problems.append(f"{len(buttons)} « Lire la vidéo » buttons shown, not 2")
            quotes = driver.find_elements(By.CSS_SELECTOR, "figure.embed-post blockquote")
            links = driver.find_elements(By.CSS_SELECTOR, "figure.embed-post figcaption a")
            if len(quotes) != 2 or len(links) != 2:
                problems.append(f"{len(quotes)} quoted posts with {len(links)} links, not 2")
            results = Axe(driver)
            results.inject()
            serious = [v["id"] for v in results.run()["violations"] if v.get("impact") in ("serious", "critical")]
            if serious:
                problems.append(f"axe: {serious}")
            if buttons:
                buttons[0].click()
                frames = driver.find_elements(By.CSS_SELECTOR, "figure.embed-video iframe")
                source = frames[0].get_attribute("src") if frames else ""
                if not source.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"):
                    problems.append(f"after the click, the player is {source!r}")
                after = platform_requests(driver)
                if not any("youtube-nocookie.com" in url for url in after):
                    problems.append(f"the click requested no player: {after}")
                if any("vimeo" in url for url in after):
                    problems.append("clicking one video loaded another's player")
            errors = [entry["message"] for entry in driver.get_log("browser")
                      if entry["level"] == "SEVERE" and "youtube-nocookie" not in entry["message"]]
            if errors:
                problems.append(f"console errors: {errors}")
        finally:
            driver.quit()
            server.shutdown()
    print(f"embeds: {len(problems)} problem(s)")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
