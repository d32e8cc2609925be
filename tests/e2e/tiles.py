"""A tiny map tile server on loopback for the map tests: every ``/{z}/{x}/{y}.png`` is the same
256×256 PNG (a light grid), so Leaflet loads real images from a real HTTP server and no test
ever reaches the internet."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image, ImageDraw


def _tile() -> bytes:
    image = Image.new("RGB", (256, 256), (236, 240, 232))
    draw = ImageDraw.Draw(image)
    for i in range(0, 256, 64):
        draw.line([(i, 0), (i, 255)], fill=(200, 205, 195))
        draw.line([(0, i), (255, i)], fill=(200, 205, 195))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


class TileServer(ThreadingHTTPServer):
    daemon_threads = True
    tile = b""
    requests = 0


class _Handler(BaseHTTPRequestHandler):
    server: TileServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.requests += 1
        if not self.path.endswith(".png"):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.server.tile)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(self.server.tile)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def map_tiles(settings) -> Iterator[TileServer]:  # type: ignore[no-untyped-def]
    """Start the tile server (an OS-chosen free port on 127.0.0.1) and point the maps at it."""
    server = TileServer(("127.0.0.1", 0), _Handler)
    server.tile = _tile()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    settings.MAP_TILE_URL = f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_TILE_ATTRIBUTION = "Ubin uji / test tiles"
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
