"""Servers for the serve tests: real uvicorn servers on 127.0.0.1 (a free port each), run in a
thread for the whole session, and httpx clients talking to them over HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason='defnames serve needs the serve extra: pip install "defnames[serve]"')
pytest.importorskip("uvicorn", reason='defnames serve needs the serve extra: pip install "defnames[serve]"')
httpx = pytest.importorskip("httpx", reason="the serve tests talk to the server with httpx")

import uvicorn  # noqa: E402

import defnames  # noqa: E402
from defnames import Registry  # noqa: E402
from defnames.serve import Limits, create_app  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "fixtures"
SCHEMAS = Path(__file__).parent / "schemas"


class Running:
    """A uvicorn server serving one app in a background thread."""

    def __init__(self, app: Any) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def mini_registry() -> Registry:
    return Registry.load(FIXTURES / "mini_reference", include_default=False)


@pytest.fixture(scope="session")
def real_url() -> Iterator[str]:
    """The packaged registry with the default limits."""
    with Running(create_app(defnames.registry())) as url:
        yield url


SMALL = Limits(
    max_name_chars=60, max_context_chars=200, max_text_chars=1000, max_batch=5, max_candidates=4, max_body_bytes=20_000
)


@pytest.fixture(scope="session")
def mini_url(mini_registry: Registry) -> Iterator[str]:
    """The mini fixture registry with small limits (see ``SMALL``)."""
    with Running(create_app(mini_registry, SMALL)) as url:
        yield url


@pytest.fixture(scope="session")
def cors_url(mini_registry: Registry) -> Iterator[str]:
    with Running(create_app(mini_registry, cors_origins=["http://127.0.0.1:3333"])) as url:
        yield url


@pytest.fixture()
def real(real_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=real_url, timeout=30) as c:
        yield c


@pytest.fixture()
def mini(mini_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=mini_url, timeout=30) as c:
        yield c


def queries(batch: dict[str, Any]) -> dict[str, str]:
    """A reconciliation batch as OpenRefine posts it: one form field holding JSON."""
    return {"queries": json.dumps(batch)}
