"""Start-up: ``import defnames``, a cold ``defnames lookup`` and the first resolve, against ``import pydantic``.

    python benchmarks/bench_import.py [--runs 10] [--no-hyperfine]

Each command runs in a fresh interpreter. With hyperfine installed (``apt-get install
hyperfine``) it times them (2 warm-up runs, then ``--runs``; the figure is the median);
without it, a loop of ``--runs`` subprocess runs, median wall time. Every ratio is against
``python -c "import pydantic"`` measured in the same run.

Then, in-process (median of ``--runs`` fresh interpreters): the first ``defnames.resolve`` after
``import defnames``, split into loading the packaged registry (reading and validating the
bundle), building the name index, and the resolution itself.

Targets (issue 14): ``import defnames`` ≤ 1.5× ``import pydantic``; cold ``defnames lookup``
≤ 2.5× ``python -c "import pydantic"``; first resolve after import ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
CLI = str(Path(PY).with_name("defnames"))

FIRST = """
import time, json
t0 = time.perf_counter()
import defnames
t1 = time.perf_counter()
from defnames._resolver import registry
reg = registry()
t2 = time.perf_counter()
reg.prepare()
t3 = time.perf_counter()
reg.resolve("KNDS")
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "index": t3 - t2, "resolve": t4 - t3, "first": t4 - t1}))
"""


def commands() -> dict[str, list[str]]:
    return {
        "python -c pass": [PY, "-c", "pass"],
        "import pydantic": [PY, "-c", "import pydantic"],
        "import pydantic + BaseModel": [PY, "-c", "from pydantic import BaseModel"],
        "import defnames": [PY, "-c", "import defnames"],
        "defnames lookup KNDS": [CLI, "lookup", "KNDS"],
        "import defnames; resolve('KNDS')": [PY, "-c", "import defnames; defnames.resolve('KNDS')"],
    }


def _hyperfine(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    import shlex

    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "h.json"
        args = ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", str(out), "--style", "none"]
        for name, c in cmds.items():
            args += ["-n", name, shlex.join(c)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        data = json.loads(out.read_text())
    return {r["command"]: r["median"] for r in data["results"]}


def _loop(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    out: dict[str, list[float]] = {n: [] for n in cmds}
    for _ in range(runs):  # interleaved, so a busy moment hits every command alike
        for name, c in cmds.items():
            t = time.perf_counter()
            subprocess.run(c, check=True, stdout=subprocess.DEVNULL)
            out[name].append(time.perf_counter() - t)
    return {n: statistics.median(v) for n, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--no-hyperfine", action="store_true")
    a = ap.parse_args()
    cmds = commands()
    use_h = shutil.which("hyperfine") is not None and not a.no_hyperfine
    med = _hyperfine(cmds, a.runs) if use_h else _loop(cmds, a.runs)
    ref = med["import pydantic"]
    print(f"{'hyperfine' if use_h else 'subprocess loop'}, median of {a.runs} runs; ratio against `import pydantic`\n")
    print("| command | median | × import pydantic |\n| --- | --- | --- |")
    for name, v in med.items():
        print(f"| `{name}` | {v * 1000:.0f} ms | {v / ref:.2f}× |")
    parts: dict[str, list[float]] = {}
    for _ in range(a.runs):
        res = json.loads(subprocess.run([PY, "-c", FIRST], check=True, capture_output=True, text=True).stdout)
        for k, v in res.items():
            parts.setdefault(k, []).append(v)
    print("\nFirst resolve after `import defnames` (in-process, median of fresh interpreters)\n")
    print("| step | median |\n| --- | --- |")
    labels = {
        "import": "import defnames",
        "load": "load the packaged registry",
        "index": "build the name index",
        "resolve": "resolve('KNDS')",
        "first": "first resolve in all (load + index + resolve)",
    }
    for k, label in labels.items():
        print(f"| {label} | {statistics.median(parts[k]) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
