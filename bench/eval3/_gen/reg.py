"""Registry helper: names and country of an entity, read from the YAML files."""
import glob, os, yaml
ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "reference", "entities")
REG = {}
for f in glob.glob(os.path.join(ROOT, "*.yml")):
    d = yaml.safe_load(open(f, encoding="utf-8"))
    REG[d["id"]] = d

def all_names(eid):
    d = REG[eid]
    out = [d["name"]]
    if d.get("legal_name"): out.append(d["legal_name"])
    for a in d.get("aliases") or []: out.append(a if isinstance(a, str) else a["name"])
    for a in d.get("weak_aliases") or []: out.append(a if isinstance(a, str) else a["name"])
    for a in d.get("former_names") or []: out.append(a if isinstance(a, str) else a["name"])
    return out

def gold_names(eid, surface=None):
    """name + legal name (+ the YAML name the surface uses, if any); successor's names for merged ones."""
    d = REG[eid]
    out = [d["name"]] + ([d["legal_name"]] if d.get("legal_name") else [])
    return out

def country(eid):
    return REG[eid]["country"]

def parents(eid):
    d = REG[eid]; out = []
    if d.get("parent") and d["parent"] in REG:
        out.append(REG[d["parent"]]["name"])
    return out
