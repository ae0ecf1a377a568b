#!/usr/bin/env python3
"""What a page weighs as a reader's browser loads it: headless Chromium on a 390-pixel phone
(device pixel ratio 2) and a 1280-pixel desktop, served with gzip as static hosts do. Counts the
bytes received before scrolling, then after scrolling to the end (lazy images loaded), and saves
screenshots of the whole page in light and dark.

Usage: python3 Scripts/page-weight.py SITE_FOLDER PAGE_PATH [--screenshots DIR]
       [--phone-limit BYTES] [--phone-first-screen-limit BYTES] [--desktop-limit BYTES]
Exits 1 when a limit is passed.
"""
import argparse
import base64
import os
import sys
import time
from importlib import import_module

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
check_search = import_module("check-search")


def loaded_bytes(driver):
    return driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "return [n.transferSize, performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])];")


def measure(base, page, width, ratio, mobile, screenshots, name):
    driver = check_search.browser()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 844 if mobile else 900, "deviceScaleFactor": ratio, "mobile": mobile})
        driver.get(base + page)
        time.sleep(1.5)
        navigation, resources = loaded_bytes(driver)
        first = navigation + sum(size for _, size in resources)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        for y in range(0, height + 800, 400):
            driver.execute_script(f"window.scrollTo(0, {y})")
            time.sleep(0.15)
        time.sleep(1.5)
        navigation, resources = loaded_bytes(driver)
        total = navigation + sum(size for _, size in resources)
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            driver.execute_script("window.scrollTo(0, 0)")
            for scheme in ["light", "dark"]:
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                time.sleep(0.5)
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"})
                with open(os.path.join(screenshots, f"{name}-{scheme}.png"), "wb") as handle:
                    handle.write(base64.b64decode(shot["data"]))
        return first, total, resources
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("page")
    parser.add_argument("--screenshots")
    parser.add_argument("--phone-limit", type=int, default=350_000)
    parser.add_argument("--phone-first-screen-limit", type=int, default=200_000)
    parser.add_argument("--desktop-limit", type=int, default=600_000)
    args = parser.parse_args()
    server, base = check_search.serve(args.site)
    problems = []
    try:
        for name, width, ratio, mobile, limits in [("phone", 390, 2, True, (args.phone_first_screen_limit, args.phone_limit)),
                                                   ("desktop", 1280, 1, False, (None, args.desktop_limit))]:
            first, total, resources = measure(base, args.page, width, ratio, mobile, args.screenshots, name)
            print(f"{name} ({width} px, ×{ratio}): {first / 1000:.1f} kB before scrolling, {total / 1000:.1f} kB scrolled to the end, "
                  f"{len(resources) + 1} files")
            for url, size in sorted(resources, key=lambda item: -item[1])[:8]:
                print(f"    {size / 1000:7.1f} kB  {url.replace(base, '')}")
            if limits[0] is not None and first > limits[0]:
                problems.append(f"{name}: {first} bytes before scrolling (limit {limits[0]})")
            if total > limits[1]:
                problems.append(f"{name}: {total} bytes in all (limit {limits[1]})")
    finally:
        server.shutdown()
    for problem in problems:
        print("TOO HEAVY:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
