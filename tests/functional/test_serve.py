"""``hitech-reader serve`` without a browser: the page, what it loads, and one session.

The server runs in a subprocess on a free port (its own process group, so the reader it
starts per session goes with it). The test reads the page and everything it references,
checks that no address leaves the machine, opens the session's websocket as textual.js
does, sees the first screen's Chinese headline arrive, sends ``q`` and sees the session end.
Every wait has a deadline; the server is always stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlparse

import aiohttp
import pytest

from reader.ingest.loader import bundled_articles_dir, load_paths
from reader.library import Library
from tests.helpers.apps import ROOT
from tests.helpers.charts import STORIES, chart_annotator, chart_markdown

DEADLINE = 60.0
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}
#: Where a page, a stylesheet or a script names an address it loads.
_REFERENCES = re.compile(
    r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)"""
    r"""|@import\s+["']([^"']+)["']""", re.I)
_ABSOLUTE = re.compile(r"""(?:https?|wss?):\/\/[^\s"'`)<>]+|(?<![:\w])\/\/[a-z0-9.-]+\.[a-z]{2,}""",
                       re.I)
_COMMENTS = re.compile(r"/\*.*?\*/|<!--.*?-->", re.S)
_ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07", re.S)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(app_dirs: dict[str, Path]) -> Iterator[str]:
    """``hitech-reader serve`` on a free port; yields its base URL, then stops it."""
    with serving() as url:
        yield url


@contextmanager
def serving(*args: str) -> Iterator[str]:
    """``hitech-reader serve ARGS`` on a free port (the test's data folders, from the
    environment app_dirs set); yields its base URL, then stops it and all it started."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", "--port", str(port), *args],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + DEADLINE
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.communicate(timeout=5)[0].decode(errors="replace")
                    pytest.fail(f"the server did not start: {output[-2000:]}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        with_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with_group(process, signal.SIGKILL)
            process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


def with_group(process: subprocess.Popen[bytes], sig: int) -> None:
    """Send ``sig`` to the server and every reader it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def references(text: str) -> list[str]:
    """The addresses a page, a stylesheet or a script loads (comments aside)."""
    text = _COMMENTS.sub("", text)
    found = [next(g for g in match.groups() if g) for match in _REFERENCES.finditer(text)]
    return found + _ABSOLUTE.findall(text)


def leaves_the_machine(url: str) -> bool:
    return urlparse(url if "//" in url else "http://127.0.0.1/" + url).hostname not in (
        LOCAL_HOSTS)


def test_the_page_loads_nothing_from_elsewhere(server: str) -> None:
    async def check() -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
            async with http.get(server) as response:
                assert response.status == 200
                page = await response.text()
            assert "fonts.googleapis" not in page
            loaded = [ref for ref in references(page) if not ref.startswith("data:")]
            assert {"static/js/textual.js", "static/css/xterm.css"} <= set(loaded)
            assert [ref for ref in loaded if leaves_the_machine(ref)] == []
            for ref in loaded:
                async with http.get(urljoin(server, ref)) as response:
                    assert response.status == 200, ref
                    if ref.endswith((".js", ".css")):
                        body = await response.text()
                        outside = [u for u in references(body) if leaves_the_machine(u)]
                        # textual.js builds its socket address from the page's attribute.
                        assert [u for u in outside if not u.startswith("data:")] == [], ref

    asyncio.run(asyncio.wait_for(check(), DEADLINE))


def test_a_session_shows_the_first_screen_and_quits(server: str) -> None:
    first = load_paths([bundled_articles_dir()]).articles[0].headline[:4]
    screen = asyncio.run(asyncio.wait_for(session(server, first), DEADLINE))
    assert re.search(r"[\u4e00-\u9fff]{4}", screen)


def test_library_mode_is_served_too(app_dirs: dict[str, Path], tmp_path: Path) -> None:
    page = tmp_path / "stories.md"
    page.write_text(chart_markdown(), encoding="utf-8")
    with Library(app_dirs["data"], annotator=chart_annotator, workers=1) as lib:
        lib.import_paths([page])
    with serving("--library") as url:
        screen = asyncio.run(asyncio.wait_for(session(url, STORIES[0][1]), DEADLINE))
    assert all(title[:6] in screen for _date, title, _paragraphs in STORIES)


async def session(server: str, first: str) -> str:
    """Open a session as textual.js does, wait for ``first`` on screen, press q; the screen."""
    screen = ""
    ws_url = server.replace("http://", "ws://") + "ws?width=120&height=40"
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url) as ws:
        await ws.send_json(["resize", {"width": 120, "height": 40}])
        raw = b""
        async for message in ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                raw += message.data
                screen = _ANSI.sub("", raw.decode("utf-8", errors="ignore"))
                if first in screen:
                    break
        assert first in screen, screen[-500:]
        await ws.send_json(["stdin", "q"])
        async for message in ws:  # the reader quits: textual-serve closes the socket
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
        assert ws.closed or (await ws.receive()).type in (
            aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
    return screen


def test_serving_beyond_this_machine_warns_in_one_line() -> None:
    from reader.cli.serve import host_warning

    assert host_warning("127.0.0.1") is None and host_warning("localhost") is None
    warning = host_warning("0.0.0.0")
    assert warning is not None and "\n" not in warning and "no password" in warning


def test_bad_serve_arguments_are_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "serve", str(missing)],
        cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nowhere.txt" in result.stderr


def test_a_port_in_use_is_one_line() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "reader", "serve", "--port", str(port)],
            cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE,
        )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and f":{port}:" in result.stderr
    assert result.stdout == ""  # no banner for a server that never started
