"""`podium watch --serve`: a save rebuilds, and the preview in a real browser (Debian's chromium,
driven by Selenium) shows the new text without a manual reload; errors show in the page."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import write_md

LECTURE = """
---
title: Watched
---

## First slide

- the original words

::: notes
a note to keep
:::
"""


def _start(project: Path, *args: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "podium", "watch", "--serve", "--port", "0", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    line = proc.stdout.readline()
    mt = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not mt:
        proc.kill()
        pytest.fail(f"no preview address printed: {line!r} {proc.stderr.read()[-2000:]}")
    return proc, mt.group(0)


def _stop(proc: subprocess.Popen) -> str:
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
    return err


def _wait_for(predicate, timeout: float = 60.0, what: str = ""):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def _built(url: str) -> bool:
    """True once the server reports every lecture built."""
    import json

    pages = json.loads(_get(url + "status"))["pages"]
    return bool(pages) and all(p["state"] == "ok" for p in pages.values())


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    write_md(tmp_path / "content", LECTURE, "watched.md")
    return tmp_path


def test_watch_rebuilds_on_save_and_serves_preview_and_outputs(project):
    proc, url = _start(project)
    try:
        out = project / "output"
        _wait_for(lambda: _built(url), what="the first build")
        assert (out / "watched-handout.pdf").is_file()
        page = _get(url)  # the only lecture: / redirects to its page
        assert "the original words" in page and "a note to keep" in page
        assert 'href="/output/watched.pptx"' in page and 'href="/output/watched-handout.pdf"' in page
        with urllib.request.urlopen(url + "output/watched.pptx", timeout=10) as r:
            assert r.read()[:2] == b"PK"
        before = (out / "watched.pptx").stat().st_mtime_ns
        src = project / "content" / "watched.md"
        src.write_text(src.read_text().replace("the original words", "words after the save"))
        _wait_for(lambda: "words after the save" in _get(url), what="the preview to change")
        _wait_for(lambda: (out / "watched.pptx").stat().st_mtime_ns != before, what="the deck rebuilt")
        # the preview may not serve files from outside the lecture's folder and the templates
        with pytest.raises(urllib.error.HTTPError):
            _get(url + "file/etc/passwd")
    finally:
        err = _stop(proc)
    assert "content/watched.md: rebuilt in" in err and "Traceback" not in err


def _chromium() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )
    return (browser, driver) if browser and driver else None


@pytest.fixture
def browser():
    found = _chromium()
    if not found:
        pytest.skip(
            "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = found[0]
    profile = tempfile.mkdtemp(prefix="podium-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_browser_shows_the_edit_without_a_reload_and_shows_errors(project, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    proc, url = _start(project)
    try:
        _wait_for(lambda: _built(url), what="the first build")
        browser.get(url)
        from selenium.common.exceptions import WebDriverException

        def body() -> str:  # the page may be reloading itself right now
            try:
                return browser.find_element(By.TAG_NAME, "body").text
            except WebDriverException:
                return ""

        assert "the original words" in body()
        src = project / "content" / "watched.md"
        src.write_text(src.read_text().replace("the original words", "seen live in the browser"))
        WebDriverWait(browser, 60, poll_frequency=0.2).until(lambda d: "seen live in the browser" in body())
        # a broken save: the error shows in the page, the last good preview stays
        src.write_text("---\ntitle: [broken\n---\n\n## First slide\n\n- seen live in the browser\n")
        WebDriverWait(browser, 60, poll_frequency=0.2).until(
            lambda d: d.find_elements(By.ID, "podium-errors")
        )
        errors = WebDriverWait(
            browser, 60, poll_frequency=0.2, ignored_exceptions=(WebDriverException,)
        ).until(lambda d: d.find_element(By.ID, "podium-errors").text)
        assert "content/watched.md:2:" in errors and "[yaml]" in errors
        assert "seen live in the browser" in body()
        links = WebDriverWait(
            browser, 60, poll_frequency=0.2, ignored_exceptions=(WebDriverException,)
        ).until(
            lambda d: [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "#podium-bar a")]
        )
        assert any(h.endswith("/output/watched.pptx") for h in links)
        assert any(h.endswith("/output/watched-handout.pdf") for h in links)
    finally:
        err = _stop(proc)
    assert "content/watched.md:2:" in err and "[yaml]" in err
