"""A small web server on 127.0.0.1 serving article pages and feeds, counting what is fetched."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    """One answer: status, content type, body, and how long to wait before answering."""

    body: str
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0


class Site:
    """Serves `pages` by path until closed; `hits` counts requests per path."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.hits: Counter[str] = Counter()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                site.hits[self.path] += 1
                page = site.pages.get(self.path, Page("not here", "text/plain", 404))
                time.sleep(page.delay)
                body = page.body.encode("utf-8")
                try:
                    self.send_response(page.status)
                    self.send_header("Content-Type", page.content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        """The address of `path` on this server."""
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


def article_page(headline: str, outlet: str, published: str, paragraphs: list[str], *, canonical: str = "") -> str:
    """An article page with the metadata news sites give: title, site name, date, canonical link."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{headline} | {outlet}</title>"
            f'<meta property="og:title" content="{headline}"><meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{published}T09:00:00+00:00">{link}</head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>{body}</article></body></html>")


def rss(links: list[str]) -> str:
    """An RSS 2.0 feed listing `links`."""
    items = "".join(f"<item><title>Story {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'


def atom(links: list[str]) -> str:
    """An Atom feed listing `links`, each beside a link that is not the article."""
    entries = "".join(f'<entry><title>Story {i}</title><link rel="enclosure" href="{link}.mp3"/>'
                      f'<link rel="alternate" href="{link}"/></entry>' for i, link in enumerate(links))
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
