"""Screenshots of every page at the three sizes a team lead reads Huddle on, in both languages.

    .venv/bin/python scripts/screenshots.py --db data/huddle.duckdb --out /tmp/shots
    .venv/bin/python scripts/screenshots.py --db maven.duckdb --pages standup,trends --langs en

Serves app.py on the given database (loopback, a free port), opens each page in Debian's
Chromium (headless, launched by path: Playwright's own browser download does not work here)
and writes <out>/<page>-<lang>-<width>x<height>.png of the whole page. For looking at what
was built, not a test: it asserts nothing and prints where each shot went.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from data.config import is_server_url

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("", "trends", "explain", "incentives", "targets", "stock", "team", "reviews", "weekly",
         "suggestions", "training", "segments", "follow-ups", "customer", "definitions",
         "data")  # fmt: skip
SIZES = ((1920, 1080), (1366, 768), (390, 844))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(db: Path | str, port: int, sign_in: bool) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]  # fmt: skip
    # Pages are shot as this machine's admin (sign-in off), so every page shows its data;
    # --sign-in keeps sign-in on, and every shot is then what a visitor sees first.
    env = {**os.environ, "HUDDLE_DB": str(db), "HUDDLE_AUTH": "on" if sign_in else "off"}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    for _ in range(240):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise SystemExit("Streamlit did not start within a minute")


def _settle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_timeout(1500)  # charts draw on the client after the script finishes
    page.wait_for_selector(IDLE, timeout=120_000)


def _shot(page: Page, path: Path, width: int, height: int) -> None:
    """The whole page: Streamlit scrolls inside stMain, so the viewport grows to fit it."""
    needed = page.evaluate(
        """() => Math.max(window.innerHeight, ...['stMain', 'stSidebarContent']
            .map(id => document.querySelector(`[data-testid="${id}"]`))
            .filter(Boolean).map(e => e.scrollHeight))"""
    )
    if needed > height:
        page.set_viewport_size({"width": width, "height": min(int(needed), 12_000)})
        _settle(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": height})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a DuckDB file or a postgresql:// URL")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "screenshots" / "pages")
    parser.add_argument("--pages", default=",".join(p or "standup" for p in PAGES))
    parser.add_argument("--langs", default="en,zh")
    parser.add_argument("--sizes", default=",".join(f"{w}x{h}" for w, h in SIZES))
    parser.add_argument("--query", default="", help="extra query string, e.g. present=true")
    parser.add_argument("--sign-in", action="store_true", help="keep sign-in on (the sign-in page)")
    args = parser.parse_args()
    pages = ["" if p == "standup" else p for p in args.pages.split(",")]
    unknown = [p for p in pages if p not in PAGES]
    if unknown:  # a mistyped page would be shot as Streamlit's "Page not found"
        known = ", ".join(p or "standup" for p in PAGES)
        parser.error(f"no page {', '.join(unknown)}: the pages are {known}")
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    where = args.db if is_server_url(args.db) else Path(args.db).resolve()
    server = _serve(where, port, args.sign_in)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("HUDDLE_CHROMIUM", "/usr/bin/chromium"),
                headless=True,
                args=CHROMIUM_ARGS,
            )
            # A fresh server's first visit must be the home page: opened first at another
            # page, Streamlit runs that page's file on its own, without app.py's navigation
            # and language (streamlit/streamlit#9992).
            first = browser.new_page()
            first.goto(f"http://127.0.0.1:{port}/")
            _settle(first)
            first.close()
            for width, height in sizes:
                page = browser.new_page(viewport={"width": width, "height": height})
                for lang in args.langs.split(","):
                    for name in pages:
                        query = "&".join(q for q in (f"lang={lang}", args.query) if q)
                        page.goto(f"http://127.0.0.1:{port}/{name}?{query}")
                        _settle(page)
                        path = args.out / f"{name or 'standup'}-{lang}-{width}x{height}.png"
                        _shot(page, path, width, height)
                        print(path, flush=True)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
