"""The reader in a real browser: serve it, drive headless Chromium through a few keys, save a PNG.

Not a test (Chromium is ~500 MB installed, too heavy for every CI run; tests/functional/
test_serve.py checks the server without a browser). Run it by hand to refresh docs/serve.png:

    apt-get install -y chromium fonts-wqy-zenhei     # hanzi are boxes without a CJK font
    python benchmarks/serve_screenshot.py [--out docs/serve.png] [--keys J,j,j] [-- PATH...]

It starts ``python -m reader serve`` on a free port, starts Chromium headless with the
DevTools protocol on another (driven over a websocket with aiohttp, which textual-serve
already brings in: no playwright), opens the page, waits for the app's first frame, presses
the keys, and saves the screenshot. It prints the time to the first frame and how many
requests the page made, and to which hosts (everything must be 127.0.0.1). Every process it
starts is stopped, whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from base64 import b64decode
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlparse

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
#: Flags for Chromium on a machine with no network and no display (see the machine notes).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
DEADLINE = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_for(predicate, what: str, deadline: float = DEADLINE):  # type: ignore[no-untyped-def]
    """Poll the async ``predicate`` until it returns something true."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        with suppress(OSError, aiohttp.ClientError):
            found = await predicate()
            if found:
                return found
        await asyncio.sleep(0.1)
    raise TimeoutError(f"timed out waiting for {what}")


class DevTools:
    """The few Chrome DevTools protocol calls this script needs."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0
        self.requests: list[str] = []

    async def call(self, method: str, **params: object) -> dict:
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = json.loads((await self.ws.receive()).data)
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def evaluate(self, expression: str) -> object:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def press(self, key: str) -> None:
        """One key as xterm.js sees it: a letter (``J``), ``enter`` or ``ctrl+g``."""
        ctrl = key.startswith("ctrl+")
        name = key.removeprefix("ctrl+")
        if name == "enter":
            text, code, vk = "\r", "Enter", 13
        else:
            text, code, vk = name, f"Key{name.upper()}", ord(name.upper())
        modifiers = (2 if ctrl else 0) | (8 if name.isupper() else 0)
        event = {"key": "Enter" if name == "enter" else name, "code": code,
                 "windowsVirtualKeyCode": vk, "modifiers": modifiers}
        if not ctrl:
            event["text"] = text
        await self.call("Input.dispatchKeyEvent", type="keyDown", **event)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **event)


async def drive(url: str, devtools_port: int, keys: list[str], out: Path,
                size: tuple[int, int], settle: float) -> None:
    async with aiohttp.ClientSession() as http:
        async def page_target() -> str | None:
            async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as response:
                pages = [t for t in await response.json() if t.get("type") == "page"]
            return pages[0]["webSocketDebuggerUrl"] if pages else None

        target = await wait_for(page_target, "Chromium's DevTools")
        async with http.ws_connect(target, max_msg_size=0) as ws:
            tools = DevTools(ws)
            await tools.call("Network.enable")
            await tools.call("Page.enable")
            await tools.call("Emulation.setDeviceMetricsOverride", width=size[0],
                             height=size[1], deviceScaleFactor=1, mobile=False)
            started = time.perf_counter()
            await tools.call("Page.navigate", url=url)

            async def first_frame() -> object:
                return await tools.evaluate(
                    "document.body && document.body.classList.contains('-first-byte')")

            await wait_for(first_frame, "the app's first frame")
            print(f"first frame after {time.perf_counter() - started:.2f} s")
            # The summary panel fills once the article is annotated (jieba loads in a worker
            # of the app; xterm.js draws on a canvas, so the page cannot be asked): wait.
            await asyncio.sleep(settle)
            await tools.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            for key in keys:
                await tools.press(key)
                await asyncio.sleep(0.6)
            await asyncio.sleep(settle)
            shot = await tools.call("Page.captureScreenshot", format="png")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(b64decode(shot["data"]))
            hosts = sorted({urlparse(u).hostname or u for u in tools.requests})
            print(f"{len(tools.requests)} requests, to {', '.join(hosts)}")
            print(f"saved {out}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and everything it started (its own process group)."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "serve.png")
    parser.add_argument("--keys", default="J,j,j", help="comma-separated keys to press")
    parser.add_argument("--size", default="1280x860", help="browser viewport WxH")
    parser.add_argument("--settle", type=float, default=8.0,
                        help="seconds for the annotations, before the keys and after them")
    parser.add_argument("paths", nargs="*", help="what to serve (default: the bundled page)")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("serve_screenshot: no chromium (apt-get install -y chromium)", file=sys.stderr)
        return 2
    width, height = (int(n) for n in args.size.split("x"))
    port, devtools_port = free_port(), free_port()
    processes: list[subprocess.Popen[bytes]] = []
    profile = tempfile.TemporaryDirectory(prefix="serve-shot-")
    # Fresh data and config folders: the shot must not depend on where the last run stopped.
    env = os.environ | {name: str(Path(profile.name) / name) for name in (
        "HITECH_READER_DATA_DIR", "HITECH_READER_CONFIG_DIR", "HITECH_READER_CACHE_DIR")}
    try:
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "reader", "serve", "--port", str(port), *args.paths],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True))
        processes.append(subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--remote-debugging-port={devtools_port}",
             f"--user-data-dir={Path(profile.name) / 'chromium'}",
             f"--window-size={width},{height}",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))

        async def serving() -> bool:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return True

        async def run() -> None:
            await wait_for(serving, "the server")
            await drive(f"http://127.0.0.1:{port}/", devtools_port,
                        [k for k in args.keys.split(",") if k], args.out, (width, height),
                        args.settle)

        asyncio.run(asyncio.wait_for(run(), DEADLINE * 2))
    finally:
        for process in reversed(processes):
            stop(process)
        profile.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
