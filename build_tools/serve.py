"""`course serve`: the built site on 127.0.0.1 (static files only until the feedback service lands)."""
from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .config import load_config
from .errors import CourseError
from .progress import log


def serve(root: Path | str, host: str = "127.0.0.1", port: int = 8000) -> None:
    config = load_config(root)
    if not (config.site_dir / "index.html").is_file():
        raise CourseError.at(config.site_dir.name, 0, "no built site to serve", "run 'course build' first")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(config.site_dir))
    with ThreadingHTTPServer((host, port), handler) as server:
        log.info(f"serving {config.site_dir} on http://{host}:{server.server_address[1]}/ (Ctrl+C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
