"""Start-up: ``import defnames``, a cold ``defnames lookup`` and the first resolve, against ``import pydantic``.

    python benchmarks/bench_import.py [--runs 10] [--no-hyperfine]

Each command runs in a fresh interpreter. With hyperfine installed (``apt-get install
hyperfine``) it times them (2 warm-up runs, then ``--runs``; the figure is the median);
without it, a loop of ``--runs`` subprocess runs, median wall time. Every ratio is against
``python -c "import pydantic"`` measured in the same run. The package's modules are compiled to
bytecode first (``compileall``), as an installed wheel has them: with
``PYTHONDONTWRITEBYTECODE`` set, a source checkout would otherwise recompile them every run.

Then, in-process (median of ``--runs`` fresh interpreters, wall and CPU time): the first
``defnames.resolve`` after ``import defnames``, packaged registry load included, for a name of
the registry as written ("KNDS": the compiled answers), for an exact hit the matcher finds
("knds": the entities, the lexicon, the name index and the matcher's modules are loaded), and
for a misspelling ("Lockheed Martn": the trigram postings, numpy and RapidFuzz too).

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
import sys, time, json
t0, c0 = time.perf_counter(), time.process_time()
import defnames
t1, c1 = time.perf_counter(), time.process_time()
defnames.resolve(sys.argv[1])
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "first_cpu": c2 - c1}))
"""

FIRST_NAMES = {
    "KNDS": "a registry name as written (compiled answer)",
    "knds": "an exact hit found by the matcher",
    "Lockheed Martn": "a misspelling (fuzzy pass)",
}


def commands() -> dict[str, list[str]]:
    return {
        "python -c pass": [PY, "-c", "pass"],
        "import pydantic": [PY, "-c", "import pydantic"],
        "import pydantic + BaseModel": [PY, "-c", "from pydantic import BaseModel"],
        "import defnames": [PY, "-c", "import defnames"],
        "defnames lookup KNDS": [CLI, "lookup", "KNDS"],
        "defnames lookup knds": [CLI, "lookup", "knds"],
        "import defnames; resolve('KNDS')": [PY, "-c", "import defnames; defnames.resolve('KNDS')"],
    }


def _hyperfine(cmds: dict[str, list[str]], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    import shlex

    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "h.json"
        args = ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", str(out), "--style", "none"]
        for name, c in cmds.items():
            args += ["-n", name, shlex.join(c)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        data = json.loads(out.read_text())
    cpu = {r["command"]: r["user"] + r["system"] for r in data["results"]}  # means: hyperfine keeps no median
    return {r["command"]: r["median"] for r in data["results"]}, cpu


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
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "defnames"), quiet=1)
    use_h = shutil.which("hyperfine") is not None and not a.no_hyperfine
    med, cpu = _hyperfine(cmds, a.runs) if use_h else (_loop(cmds, a.runs), {})
    ref = med["import pydantic"]
    print(f"{'hyperfine' if use_h else 'subprocess loop'}, median of {a.runs} runs; ratio against `import pydantic`\n")
    print("| command | median | × import pydantic | CPU (user + sys, mean) | × |\n| --- | --- | --- | --- | --- |")
    for name, v in med.items():
        c = cpu.get(name)
        extra = f"{c * 1000:.0f} ms | {c / cpu['import pydantic']:.2f}×" if c is not None else "| "
        print(f"| `{name}` | {v * 1000:.0f} ms | {v / ref:.2f}× | {extra} |")
    print("\nFirst resolve after `import defnames`, registry load included (median of fresh interpreters)\n")
    print("| mention | | wall | CPU |\n| --- | --- | --- | --- |")
    for mention, what in FIRST_NAMES.items():
        parts: dict[str, list[float]] = {}
        for _ in range(a.runs):
            out = subprocess.run([PY, "-c", FIRST, mention], check=True, capture_output=True, text=True).stdout
            for k, v in json.loads(out).items():
                parts.setdefault(k, []).append(v)
        wall, cpu_ms = (statistics.median(parts[k]) * 1000 for k in ("first", "first_cpu"))
        print(f"| `{mention}` | {what} | {wall:.1f} ms | {cpu_ms:.1f} ms |")


if __name__ == "__main__":
    main()
