"""Who may use the server, and what the browser may do with its pages.

- On a loopback address no token is needed, and only loopback host names are answered
  (a web page elsewhere cannot reach the API through DNS rebinding).
- With a token, every request needs `Authorization: Bearer <token>` or the cookie that a
  `?token=<token>` link sets (HttpOnly, SameSite=Strict), so the page works through it.
- Every response forbids the page to load or send anything outside its own origin
  (Content-Security-Policy), to run inline script, or to be framed.
"""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlencode

from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

COOKIE = "linkchart_token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _same(given: str | None, token: str) -> bool:
    return bool(given) and secrets.compare_digest(given.encode(), token.encode())


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _host_allowed(request: Request, allowed: tuple[str, ...]) -> bool:
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in allowed or name.strip("[]") in allowed


def _foreign_origin(request: Request) -> bool:
    """A state-changing request sent by a page of another origin (clients that are not
    browsers send no Origin header and are judged by the token alone)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return origin != f"{request.url.scheme}://{request.headers.get('host', '')}"


def guard(token: str | None, allowed_hosts: tuple[str, ...] | None = None):
    """An HTTP middleware function for `app.middleware("http")`."""

    async def middleware(request: Request, call_next) -> Response:
        if allowed_hosts is not None and not _host_allowed(request, allowed_hosts):
            return _headers(PlainTextResponse("unknown host", status_code=400))
        if _foreign_origin(request):
            return _headers(JSONResponse({"detail": "cross-origin request refused"}, 403))
        if token:
            offered = request.query_params.get("token")
            if offered is not None and request.method == "GET":
                return _headers(_login(request, offered, token))
            if not (_same(_bearer(request), token) or _same(request.cookies.get(COOKIE), token)):
                return _headers(_refuse(request))
        return _headers(await call_next(request))

    return middleware


def _login(request: Request, offered: str, token: str) -> Response:
    if not _same(offered, token):
        return _refuse(request)
    rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    target = URL(path=request.url.path, query=urlencode(rest))
    response = RedirectResponse(str(target), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


def _refuse(request: Request) -> Response:
    headers = {"WWW-Authenticate": "Bearer"}
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": "a token is needed: Authorization: Bearer <token>"},
                            status_code=401, headers=headers)
    return PlainTextResponse(
        "This linkchart server needs a token. Open the link that `linkchart serve` printed "
        "(it ends in ?token=...), or send Authorization: Bearer <token>.\n",
        status_code=401, headers=headers)


def _headers(response: Response) -> Response:
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    return response
