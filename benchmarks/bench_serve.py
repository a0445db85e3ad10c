"""Load on ``defnames serve``: 20,000 ``/resolve`` and 2,000 ``/reconcile`` batch requests from
32 concurrent clients, against a server started on 127.0.0.1 (loopback only).

    python benchmarks/bench_serve.py [--workers 1] [--clients 32] [--resolve 20000]
                                     [--reconcile 2000] [--batch 10] [--rounds 1] [--json]

The server runs as its own process (``python -m defnames.serve``, with ``--workers`` uvicorn
processes); the clients are asyncio connections with HTTP/1.1 keep-alive in this process, so
on a 2-core machine client and server share the same two cores. Request counts are fixed and
every phase has a time cap, so the run always ends by itself.

The names are drawn (fixed seed) from the registry: names and aliases as written, changed in
case and spacing, misspelled by one letter, and phrases that name no company — about 2,000
distinct mentions, each asked ~10 times, as a spreadsheet or a news feed repeats names.

Reported per phase: requests/s, p50 / p99 / max latency, errors (non-200 answers and failed
connections), and the server's resident memory (all its processes) before and after.

Targets (issue 13): ≥ 1,000 resolve requests/s, p99 ≤ 50 ms, 0 errors, memory flat.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import defnames

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # never anything else: the load stays on this machine
PHASE_CAP_S = 600.0

NOT_COMPANIES = [
    "the ministry of defence",
    "Leonardo da Vinci",
    "annual report 2024",
    "Paris air show",
    "United Nations",
    "quarterly results",
    "the prime minister",
    "Ford Foundation",
    "a new frigate",
    "Lockheed Martin Corporation headquarters building",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """The pid and every descendant (uvicorn's worker processes)."""
    parents: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += parents.get(p, [])
    return out


def memory_mib(pid: int) -> float:
    return sum(_rss_kib(p) for p in _tree(pid)) / 1024


def mentions(n_distinct: int, seed: int = 13) -> list[str]:
    """Distinct mentions: names as written, re-cased/spaced, misspelled, and non-companies."""
    rnd = random.Random(seed)
    names = [n for e in defnames.registry().entities for n in [e.name, *e.aliases[:2]] if len(n) <= 80]
    out: set[str] = set()
    while len(out) < n_distinct:
        kind = rnd.random()
        name = rnd.choice(names)
        if kind < 0.55:
            out.add(name)
        elif kind < 0.75:
            out.add(name.upper() if rnd.random() < 0.5 else "  " + name.lower() + " ")
        elif kind < 0.9 and len(name) > 5:
            i = rnd.randrange(1, len(name) - 1)
            out.add(name[:i] + name[i + 1 :])
        else:
            out.add(f"{rnd.choice(NOT_COMPANIES)} {rnd.randrange(100)}")
    return sorted(out)


class Phase:
    def __init__(self, name: str) -> None:
        self.name = name
        self.latencies: list[float] = []
        self.errors = 0
        self.seconds = 0.0

    def report(self, mem_before: float, mem_after: float) -> dict[str, Any]:
        lat = sorted(self.latencies)
        q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) >= 2 else [0.0] * 99
        n = len(lat) + self.errors
        return {
            "phase": self.name,
            "requests": n,
            "ok": len(lat),
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "requests_per_s": round(n / self.seconds, 1) if self.seconds else 0,
            "p50_ms": round(q[49] * 1000, 2),
            "p99_ms": round(q[98] * 1000, 2),
            "max_ms": round(lat[-1] * 1000, 2) if lat else 0.0,
            "memory_before_mib": round(mem_before, 1),
            "memory_after_mib": round(mem_after, 1),
        }


async def _client(port: int, work: asyncio.Queue[bytes], phase: Phase) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    while True:
        try:
            request = work.get_nowait()
        except asyncio.QueueEmpty:
            break
        started = time.perf_counter()
        try:
            if writer is None or reader is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            length = next(int(x.split(":", 1)[1]) for x in lines[1:] if x.lower().startswith("content-length:"))
            await reader.readexactly(length)
            if status == 200:
                phase.latencies.append(time.perf_counter() - started)
            else:
                phase.errors += 1
            if any(x.lower() == "connection: close" for x in lines[1:]):
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, StopIteration):
            phase.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run_phase(name: str, port: int, requests: list[bytes], clients: int) -> Phase:
    phase = Phase(name)
    work: asyncio.Queue[bytes] = asyncio.Queue()
    for r in requests:
        work.put_nowait(r)
    started = time.perf_counter()
    tasks = [asyncio.create_task(_client(port, work, phase)) for _ in range(clients)]
    _done, pending = await asyncio.wait(tasks, timeout=PHASE_CAP_S)
    for t in pending:  # the time cap: stop whatever is left
        t.cancel()
    phase.seconds = time.perf_counter() - started
    phase.errors += work.qsize()
    return phase


def get(port: int, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode()


def post_form(port: int, path: str, fields: dict[str, str]) -> bytes:
    body = urlencode(fields).encode()
    return (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _run(coro: Any) -> Any:
    """Run the clients on uvloop when it is installed (less client CPU per request)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "defnames.serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench_serve: the server stopped: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            with socket.create_connection((HOST, port), timeout=1) as s:
                s.sendall(get(port, "/health"))
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    # with several workers, each must have loaded the registry: a few more asks
                    time.sleep(1.0 * workers)
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("bench_serve: the server did not start in 120 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--resolve", type=int, default=20_000, help="number of /resolve requests")
    ap.add_argument("--reconcile", type=int, default=2_000, help="number of /reconcile batch requests")
    ap.add_argument("--batch", type=int, default=10, help="queries per /reconcile batch")
    ap.add_argument("--distinct", type=int, default=2_000, help="distinct mentions")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        choices=range(1, 6),
        help="repeat both phases (memory stays flat once the bounded caches are full)",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if not (0 < args.resolve <= 1_000_000 and 0 <= args.reconcile <= 100_000 and 0 < args.clients <= 256):
        raise SystemExit("bench_serve: counts must stay bounded (resolve ≤ 1e6, reconcile ≤ 1e5, clients ≤ 256)")
    rnd = random.Random(7)
    names = mentions(args.distinct)
    port = _free_port()
    proc = start_server(port, args.workers)
    results: list[dict[str, Any]] = []
    load_before = _loadavg()
    try:
        resolve_reqs = [get(port, "/resolve?name=" + quote(rnd.choice(names))) for _ in range(args.resolve)]
        reconcile_reqs = []
        for _ in range(args.reconcile):
            batch = {f"q{i}": {"query": rnd.choice(names), "limit": 3} for i in range(args.batch)}
            reconcile_reqs.append(post_form(port, "/reconcile", {"queries": json.dumps(batch)}))
        for round_no in range(1, args.rounds + 1):
            for name, reqs in (("resolve", resolve_reqs), ("reconcile", reconcile_reqs)):
                if not reqs:
                    continue
                before = memory_mib(proc.pid)
                phase = _run(run_phase(name if args.rounds == 1 else f"{name}#{round_no}", port, reqs, args.clients))
                results.append(phase.report(before, memory_mib(proc.pid)))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    info = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "clients": args.clients,
        "batch": args.batch,
        "distinct_mentions": len(names),
        "defnames": str(defnames.__version__),
        "data": str(getattr(defnames.registry(), "version", "?")),
        "loadavg_before": load_before,
        "loadavg_after": _loadavg(),
    }
    if args.json:
        print(json.dumps({"setup": info, "phases": results}, indent=2))
        return
    print("setup: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    print(
        f"{'phase':<12} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} "
        f"{'MiB before':>10} {'MiB after':>9}"
    )
    for r in results:
        print(
            f"{r['phase']:<12} {r['requests']:>8} {r['errors']:>6} {r['requests_per_s']:>8} {r['p50_ms']:>7} "
            f"{r['p99_ms']:>7} {r['max_ms']:>7} {r['memory_before_mib']:>10} {r['memory_after_mib']:>9}"
        )


if __name__ == "__main__":
    main()
