"""`netui serve`: the app in a web browser, through textual-serve.

Each browser tab gets a netui process of its own (textual-serve starts one per websocket), all on
the same database, so two tabs see each other's changes as two terminals do. The server listens
on localhost unless told otherwise, and a random token in the printed URL guards it, as Jupyter
does: a request without it (in the query, or in the cookie the first good request sets, which
the page's own websocket and assets then carry) gets 403 and no app.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import os
import secrets
import shlex
import signal
import sys

from netui import i18n
from netui.errors import NetuiError
from netui.i18n import _
from netui.served import SERVED_VARIABLE
from netui.store import db
from netui.store.location import ServerAddress

TOKEN_PARAMETER = "token"
TOKEN_COOKIE = "netui_token"


def is_loopback(host: str) -> bool:
    """`host` is reachable from this machine only (localhost, 127.x, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def cmd_serve(args) -> int:
    if not is_loopback(args.host) and not args.allow_remote:
        raise NetuiError(_("{host} can be reached from other machines: add --allow-remote to serve there "
                           "(and put it behind TLS).", host=args.host))
    address = db.resolve_db_path(args.serve_db or args.db)
    db.open_database(address).close()  # created or brought up to date once, before any tab opens it
    # The tabs' processes read the same database and language (they inherit this environment).
    os.environ[db.DB_ENV_VAR] = address.conninfo if isinstance(address, ServerAddress) else str(address.resolve())
    os.environ[SERVED_VARIABLE] = "1"
    token = secrets.token_urlsafe(24)
    server = _token_server(token, args.host, args.port)
    if not is_loopback(args.host):
        print(_("Warning: netui is served to other machines on {host}, without encryption: put it behind "
                "TLS (a reverse proxy) and share the token with nobody.", host=args.host), file=sys.stderr)
    try:
        server.serve()
    except OSError as error:  # the port is taken, the address is not this machine's
        raise NetuiError(_("cannot listen on {host} port {port} ({error}).", host=args.host, port=args.port,
                           error=error.strerror or error)) from None
    return 0


def _token_server(token: str, host: str, port: int):
    """A textual-serve Server that asks for `token`, built here so that aiohttp loads only now."""
    from aiohttp import web
    from textual_serve.server import Server

    tabs: set[asyncio.Task] = set()  # the websockets' handlers, one a browser tab

    def has_token(request: web.Request) -> bool:
        given = request.query.get(TOKEN_PARAMETER) or request.cookies.get(TOKEN_COOKIE) or ""
        return hmac.compare_digest(given.encode(), token.encode())

    @web.middleware
    async def require_token(request: web.Request, handler):
        if not has_token(request):
            return web.Response(status=403, text=_("netui: this address needs the token printed by `netui serve`."))
        response = await handler(request)
        if request.query.get(TOKEN_PARAMETER) and not response.prepared:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
        return response

    class TokenServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(require_token)
            return app

        async def handle_index(self, request: web.Request):
            # The page's websocket and assets at the address the browser used (through a TLS
            # proxy: wss://, as it says in X-Forwarded-Proto), not at the address listened on.
            scheme = request.headers.get("X-Forwarded-Proto", request.scheme)
            self.public_url = f"{scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request):
            tab = asyncio.current_task()
            tabs.add(tab)
            try:
                return await super().handle_websocket(request)
            finally:
                tabs.discard(tab)

        async def on_shutdown(self, app: web.Application) -> None:
            # Ctrl+C: each open tab's netui is told to quit now (textual-serve does that when
            # its websocket is cancelled), rather than aiohttp waiting a minute for the tabs.
            for tab in list(tabs):
                tab.cancel()
            await asyncio.gather(*tabs, return_exceptions=True)

        async def on_startup(self, app: web.Application) -> None:
            """textual-serve's banner says nothing here: the address is printed once it listens."""

        def serve(self, debug: bool = False) -> None:
            # textual-serve's serve(), but aiohttp's "listening" line (printed once the port is
            # open, unlike on_startup) gives the address to open.
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal.SIGINT, self.request_exit)
                loop.add_signal_handler(signal.SIGTERM, self.request_exit)
            # No access log: each line would print the request's URL, the token in it.
            web.run_app(self._make_app(), host=host, port=port, handle_signals=False, loop=loop,
                        print=lambda _listening: announce(), access_log=None)

    def announce() -> None:
        shown = f"[{host}]" if ":" in host else host  # an IPv6 address, as a URL writes it
        print(_("netui is served at {url}", url=f"http://{shown}:{port}/?{TOKEN_PARAMETER}={token}"), flush=True)
        print(_("Open it in a browser; each tab is a netui of its own. Ctrl+C stops it."), flush=True)

    command = shlex.join([sys.executable, "-m", "netui", "--lang", i18n.language()])
    return TokenServer(command, host=host, port=port, title="netui")
