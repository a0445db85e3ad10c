"""``defnames serve`` / ``python -m defnames.serve``: options, errors, a real start and stop
(one worker and several)."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from defnames import Registry
from defnames.serve.cli import add_parser, build_parser, run

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _parse(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="defnames")
    add_parser(p.add_subparsers(dest="command"))
    return p.parse_args(["serve", *argv])


def test_options() -> None:
    args = _parse(
        "--host",
        "0.0.0.0",
        "--port",
        "9001",
        "--registry",
        "a",
        "--registry",
        "b",
        "--workers",
        "3",
        "--cors-origin",
        "http://127.0.0.1:3333",
        "--max-batch",
        "7",
    )
    assert (args.host, args.port, args.registry, args.workers) == ("0.0.0.0", 9001, ["a", "b"], 3)
    assert args.cors_origin == ["http://127.0.0.1:3333"] and args.max_batch == 7
    assert args.func is run


@pytest.mark.parametrize(
    "argv",
    [
        ["--workers", "0"],
        ["--port", "70000"],
        ["--registry-only"],
        ["--registry", "/no/such/dir"],
        ["--max-batch", "0"],
    ],
)
def test_errors_are_exit_status_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(build_parser().parse_args(argv)) == 2
    err = capsys.readouterr().err
    assert err.startswith("defnames serve") and "Traceback" not in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(*argv: str) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "defnames.serve", "--port", str(port), "--log-level", "warning", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.communicate()[1]}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError("the server did not answer in time")


def _stop(proc: subprocess.Popen[str]) -> int:
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def test_python_m_serves_and_stops_cleanly() -> None:
    proc, url = _start("--registry", str(FIXTURES / "mini_reference"), "--registry-only")
    try:
        expected = len(Registry.load(FIXTURES / "mini_reference", include_default=False).entities)
        assert httpx.get(url + "/health").json()["entities"] == expected
        assert httpx.get(url + "/resolve", params={"name": "Acme Ordnance"}).json()["id"] == "acme-defence"
    finally:
        assert _stop(proc) == 0


def test_several_workers() -> None:
    proc, url = _start(
        "--workers", "2", "--registry", str(FIXTURES / "mini_reference"), "--registry-only", "--max-batch", "3"
    )
    try:
        for _ in range(10):
            assert httpx.get(url + "/limits").json()["max_batch"] == 3
            assert httpx.get(url + "/resolve", params={"name": "ULS"}).json()["id"] == "union-land-systems"
    finally:
        assert _stop(proc) == 0


def test_wired_into_the_defnames_command() -> None:
    import io

    from defnames.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["serve", "--workers", "0"], stdout=out, stderr=err) == 2
    assert "--workers must be 1 or more" in err.getvalue()
    assert main(["serve", "--help"], stdout=out, stderr=err) == 0
