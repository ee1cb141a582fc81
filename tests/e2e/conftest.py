"""Browser tests: a real Streamlit server on the demo company, driven by Debian's Chromium.

The session builds a demo database once, serves `app.py` on a free loopback port with
HUDDLE_DB pointing at it, and launches one headless Chromium. Each test gets fresh pages
(new browser contexts) that record console and page errors, so a test can assert that
nothing went wrong in the browser while a person used the app.

Playwright's own browser download does not work on our machines: Chromium is launched from
HUDDLE_CHROMIUM (default /usr/bin/chromium); `make browser` installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    expect,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
# Screenshots are taken when asked for (`make screenshots` sets this): a look at the pages for
# a person. The tests check the pages without them; each full-page shot made the page as tall
# as its content and back, redrawing every chart twice (33 of test_pages.py's 81 s).
SCREENSHOTS_WANTED = os.environ.get("HUDDLE_SCREENSHOTS") == "1"
DEMO_ORDERS = 20_000
DEMO_END = "2026-11-20"
SERVER_START_TIMEOUT_S = 60
# How long a page may take to settle, draw its charts, or show what an `expect` waits for.
# These guard against a page that never settles; they are not speed checks (benchmarks/ are).
# On a 2-core CI machine the other test worker's DuckDB queries can take both cores for tens
# of seconds, and a page that is quick alone then takes 30 s or more to settle.
SETTLE_TIMEOUT_MS = 90_000
CHART_TIMEOUT_MS = 60_000
DESKTOP = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1366, "height": 768}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Only the app itself may be reached: every other host fails to resolve at once, in the
    # browser. (A Playwright route would do the same by asking this Python process about each
    # request, so every script file of a page waited on the test's own loop.)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]

expect.set_options(timeout=SETTLE_TIMEOUT_MS)

# Streamlit puts the script's run state on the app root: "initial" before the first run,
# then "running" / "rerunRequested" / "notRunning" (and "stopRequested",
# "compilationError"); the websocket state is "CONNECTED" once the session is up.
APP = '[data-testid="stApp"]'
IDLE_APP = f'{APP}[data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
RUNNING_ICON = '[data-testid="stStatusWidgetRunningIcon"]'
STALE_ELEMENT = '[data-testid="stElementContainer"][data-stale="true"]'
SKELETON = '[data-testid="stSkeleton"]'
# How long the app must look idle, in a row, before we call it settled: a click's rerun
# request reaches the server a moment after the click, so one idle look is not enough.
QUIET_MS = 400

# Console errors that are not the app's fault; each is matched narrowly and says why:
# 1. st.set_page_config(page_icon=":material/groups:") makes the browser fetch the favicon SVG
#    from fonts.gstatic.com. The tests block every non-loopback request (and test machines
#    are offline anyway), so that fetch fails with "Failed to load resource".
# 2. Opening a page's own URL (e.g. /definitions) makes Streamlit's frontend probe
#    /definitions/_stcore/health and /definitions/_stcore/host-config first, get 404, then
#    fall back to /_stcore/...: a known Streamlit bug (streamlit/streamlit#7074).
BENIGN_EXTERNAL_HOSTS = ("fonts.gstatic.com", "fonts.googleapis.com")
PAGE_PREFIXED_STCORE = re.compile(r"^/[^/]+(/[^/]+)*/_stcore/(health|host-config)$")


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost", "::1")


def _is_benign_console_error(text: str, url: str) -> bool:
    if not text.startswith("Failed to load resource"):
        return False
    parts = urlsplit(url)
    if (parts.hostname or "") in BENIGN_EXTERNAL_HOSTS:
        return True
    return "404" in text and _is_loopback(url) and bool(PAGE_PREFIXED_STCORE.match(parts.path))


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company (20,000 order lines ending 2026-11-20), built once per session."""
    path = tmp_path_factory.mktemp("e2e") / "e2e.duckdb"
    command = [
        sys.executable,
        "cli.py",
        "demo",
        "--orders",
        str(DEMO_ORDERS),
        "--end-date",
        DEMO_END,
        "--db",
        str(path),
    ]
    env = {**os.environ, "HUDDLE_DB": str(path)}
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        pytest.fail(
            f"Building the demo database failed ({' '.join(command)}, exit {result.returncode}):"
            f"\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    # The sign-in server's own copy, made before any server opens the file: DuckDB lets one
    # program at a time open a file it can write to, so two servers cannot share one.
    shutil.copy(path, _signed_copy(path))
    return path


def _signed_copy(db: Path) -> Path:
    return db.with_name("e2e-signed.duckdb")


# Each server's log by its base URL, so a page that does not settle can show what it printed.
_SERVER_LOGS: dict[str, Path] = {}


def _server_output(log: Path) -> str:
    text = log.read_text(errors="replace") if log.exists() else ""
    return text[-4000:] or "(no output)"


@pytest.fixture(scope="session")
def app_url(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a Streamlit server serving app.py on the demo database (loopback),
    with sign-in off (HUDDLE_AUTH=off): the browser tests use the pages, not the sign-in."""
    with serve_app(e2e_db, tmp_path_factory, auth="off") as base:
        yield base


@pytest.fixture(scope="session")
def signed_app_url(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Like app_url, with sign-in on (the default of `make run`): tests/e2e/test_sign_in.py."""
    with serve_app(_signed_copy(e2e_db), tmp_path_factory, auth="on") as base:
        yield base


@contextmanager
def serve_app(db: Path | str, tmp_path_factory: pytest.TempPathFactory, auth: str) -> Iterator[str]:
    """A Streamlit server on `db` (a DuckDB file or a postgresql:// URL); yields its base URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = {**os.environ, "HUDDLE_DB": str(db), "HUDDLE_AUTH": auth}
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True
        )
    base = f"http://127.0.0.1:{port}"
    _SERVER_LOGS[base] = log
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"Streamlit exited with {process.returncode} before it was healthy:\n"
                    f"{_server_output(log)}",
                    pytrace=False,
                )
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Streamlit did not answer {base}/_stcore/health within "
                    f"{SERVER_START_TIMEOUT_S} s:\n{_server_output(log)}",
                    pytrace=False,
                )
            time.sleep(0.25)
        yield base
    finally:
        _SERVER_LOGS.pop(base, None)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --------------------------------------------------------------------------------------------
# The browser
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    executable = os.environ.get("HUDDLE_CHROMIUM", "/usr/bin/chromium")
    if not (Path(executable).is_file() and os.access(executable, os.X_OK)):
        pytest.fail(
            f"Chromium is not installed at {executable}. Run `make browser` "
            "(or `apt-get install chromium fonts-noto-cjk`), or set HUDDLE_CHROMIUM to a "
            "Chromium binary. Playwright's own browser download is not used here.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


# The requests each browser context has started and not yet finished (with when each started),
# so a page that does not settle can say which of its files never arrived.
_UNFINISHED: weakref.WeakKeyDictionary[BrowserContext, dict[Request, float]] = (
    weakref.WeakKeyDictionary()
)


def new_context(browser: Browser, **options: object) -> BrowserContext:
    """A fresh browser context (no shared cookies or storage) that keeps its unfinished requests."""
    context = browser.new_context(**options)  # type: ignore[arg-type]
    unfinished: dict[Request, float] = {}
    _UNFINISHED[context] = unfinished
    context.on("request", lambda request: unfinished.setdefault(request, time.monotonic()))
    context.on("requestfinished", lambda request: unfinished.pop(request, None))
    context.on("requestfailed", lambda request: unfinished.pop(request, None))
    return context


def _unfinished_requests(page: Page, older_than_s: float = 5.0) -> list[str]:
    """The page's requests still unanswered after `older_than_s`, oldest first (websockets are
    not requests here, so the app's own connection is not among them)."""
    now = time.monotonic()
    started = _UNFINISHED.get(page.context, {})
    return [
        f"{urlsplit(request.url).path} ({now - since:.0f} s)"
        for request, since in sorted(started.items(), key=lambda item: item[1])
        if now - since >= older_than_s
    ]


def _server_log_tail(page: Page, chars: int = 1500) -> str:
    parts = urlsplit(page.url)
    log = _SERVER_LOGS.get(f"{parts.scheme}://{parts.netloc}")
    return _server_output(log)[-chars:] if log else "(not a server these tests started)"


@dataclass
class AppPage:
    """A browser page on the app, with every console and page error it has seen."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location or {}
        url = where.get("url") or ""
        if _is_benign_console_error(message.text, url):
            return
        self.console_errors.append(f"{message.text} ({url or '?'}:{where.get('lineNumber')})")

    def open(self, path: str = "") -> float:
        """Go to `path` (relative to the app, query string allowed); seconds until settled."""
        started = time.perf_counter()
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}", wait_until="domcontentloaded")
        wait_for_app(self.page)
        return time.perf_counter() - started

    @property
    def errors(self) -> list[str]:
        return [*(f"console: {e}" for e in self.console_errors), *self.page_errors]

    def assert_no_errors(self) -> None:
        assert not self.errors, "The browser reported errors:\n" + "\n".join(self.errors)


@pytest.fixture(scope="session")
def warmed_up_app(chromium: Browser, app_url: str) -> str:
    """The app after one visit to its home page.

    Streamlit shows a 'Page not found' dialog over the right page when the first session of
    a fresh server opens a page other than the default one (streamlit/streamlit#9992); a
    lead's first visit is the home page, so the tests start from the same state.
    """
    context = new_context(chromium, viewport=DESKTOP)
    page = context.new_page()
    page.goto(app_url)
    wait_for_app(page)
    context.close()
    return app_url


@pytest.fixture
def new_app_page(chromium: Browser, warmed_up_app: str) -> Iterator[Callable[..., AppPage]]:
    """Make app pages, each in its own fresh context (no shared cookies or storage)."""
    app_url = warmed_up_app
    contexts: list[BrowserContext] = []

    def make(viewport: dict[str, int] | None = None, locale: str = "en-US") -> AppPage:
        context = new_context(chromium, viewport=viewport or DESKTOP, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(SETTLE_TIMEOUT_MS)
        app_page = AppPage(page=page, base_url=app_url)
        page.on("console", app_page._on_console)
        page.on("pageerror", lambda error: app_page.page_errors.append(f"page error: {error}"))
        return app_page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def app_page(new_app_page: Callable[..., AppPage]) -> AppPage:
    """A fresh 1920x1080 page on the app (not yet navigated: call .open())."""
    return new_app_page(DESKTOP)


# --------------------------------------------------------------------------------------------
# Waiting for Streamlit
# --------------------------------------------------------------------------------------------


def _looks_idle(page: Page) -> bool:
    return page.evaluate(
        """([idle, running, stale, skeleton]) =>
            document.querySelector(idle) !== null
            && document.querySelector(running) === null
            && document.querySelector(stale) === null
            && document.querySelector(skeleton) === null""",
        [IDLE_APP, RUNNING_ICON, STALE_ELEMENT, SKELETON],
    )


def wait_for_app(page: Page, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Wait until Streamlit has finished running the script and the page has settled.

    Settled means: the app root is connected and its script state is "notRunning", the
    status widget's running icon is gone, no element is marked stale (left over from the
    previous run) and no skeleton placeholder is showing, all continuously for QUIET_MS.
    Plotly charts draw a moment later, on the client: see `wait_for_charts`.
    """
    page.locator(APP).wait_for(state="attached", timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since: float | None = None
    while True:
        now = time.monotonic()
        if _looks_idle(page):
            quiet_since = quiet_since or now
            if (now - quiet_since) * 1000 >= QUIET_MS:
                return
        else:
            quiet_since = None
        if now > deadline:
            state = page.locator(APP).evaluate(
                "e => [e.dataset.testScriptState, e.dataset.testConnectionState]"
            )
            # Which of the other signs of a busy page is still there, to tell a slow machine
            # from a page that never settles.
            still = [
                f"{name} ({page.locator(selector).count()})"
                for name, selector in (
                    ("running icon", RUNNING_ICON), ("stale elements", STALE_ELEMENT),
                    ("skeletons", SKELETON),
                )
                if page.locator(selector).count()
            ]  # fmt: skip
            unanswered = _unfinished_requests(page)
            raise AssertionError(
                f"Streamlit did not settle within {timeout_ms / 1000:.0f} s "
                f"(script state {state[0]!r}, connection {state[1]!r}; "
                f"still showing: {', '.join(still) or 'nothing'}; url {page.url})\n"
                f"Requests unanswered after 5 s ({len(unanswered)}): "
                f"{', '.join(unanswered[:12]) or 'none'}\n"
                f"The server's last output:\n{_server_log_tail(page)}"
            )
        page.wait_for_timeout(50)


# What a drawn plotly trace looks like, for each chart type the app uses.
TRACE_SELECTOR = (
    ".scatterlayer .trace, .barlayer .trace, .waterfalllayer .trace, .treemaplayer .trace,"
    " .heatmaplayer .hm, .imagelayer image"
)


def wait_for_charts(
    page: Page, timeout_ms: int = CHART_TIMEOUT_MS, *, include_hidden: bool = False
) -> int:
    """Wait until every plotly chart has drawn its traces; the number of charts.

    Only the charts on screen by default: a chart in a tab that is not open is drawn too (in
    Streamlit 1.67), but a person only sees it once they open the tab.
    """
    page.wait_for_function(
        """(includeHidden) => [...document.querySelectorAll('.js-plotly-plot')]
            .filter(e => includeHidden || e.offsetParent !== null)
            .every(e => e.querySelector('.main-svg')
                && e.querySelector(TRACE_SELECTOR))""".replace(
            "TRACE_SELECTOR", repr(TRACE_SELECTOR)
        ),
        arg=include_hidden,
        timeout=timeout_ms,
    )
    return page.locator(".js-plotly-plot").count()


def slugify(text: str) -> str:
    """A file-name-safe slug: "KPI Trends" -> "kpi-trends"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "page"


def settle_after(page: Page, action: Callable[[], object]) -> None:
    """Do `action` (a click, a key press) and wait for the rerun it causes to finish."""
    action()
    wait_for_app(page)


def full_page_screenshot(page: Page, path: Path) -> None:
    """Screenshot the whole app, not just the first screen.

    Streamlit scrolls inside `stMain` (and the sidebar), not the document, so Playwright's
    full_page alone stops at the fold. The viewport is made as tall as the content for the
    shot (the width, and so the layout, stays the same) and put back afterwards. Only when
    screenshots are asked for (SCREENSHOTS_WANTED); otherwise nothing.
    """
    if not SCREENSHOTS_WANTED:
        return
    size = page.viewport_size or DESKTOP
    needed = page.evaluate(
        """() => Math.max(window.innerHeight, ...['stMain', 'stSidebarContent']
            .map(id => document.querySelector(`[data-testid="${id}"]`))
            .filter(Boolean).map(e => e.scrollHeight))"""
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if needed > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": int(needed)})
            wait_for_app(page)
            wait_for_charts(page)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    wait_for_app(page)
