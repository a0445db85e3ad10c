"""List extraction misses (FN) and false positives (FP) per passage, same rule as score.py;
and positive rows whose parent check fails."""
import json, sys
sys.path.insert(0, "/work/shared/eval")
import defnames as dn
from score import names_of, norm, owner_names
for line in open("/work/main/bench/eval2/passages.jsonl"):
    r = json.loads(line)
    gold = [(g["start"], g["end"], {norm(n) for n in g["names"]}, g["surface"]) for g in r["mentions"]]
    used = set()
    for f in dn.extract(r["text"]):
        ent = f.match.entity
        hit = None
        for i, (gs, ge, names, s) in enumerate(gold):
            if i not in used and f.start < ge and gs < f.end and names_of(ent) & names:
                hit = i; break
        if hit is None:
            print(f"FP  {r['source']}: {r['text'][f.start:f.end]!r} -> {ent.id}")
        else:
            used.add(hit)
    for i, g in enumerate(gold):
        if i not in used:
            print(f"FN  {r['source']}: {g[3]!r}")
for line in open("/work/main/bench/eval2/mentions.jsonl"):
    r = json.loads(line)
    if r["expect"] and r["expect"]["parent"]:
        m = dn.resolve(r["mention"], context=r.get("context"))
        if m and names_of(m.entity) & {norm(n) for n in r["expect"]["names"]} and not owner_names(dn, m.entity) & {norm(n) for n in r["expect"]["parent"]}:
            print("PARENT", r["mention"], m.entity.id, r["expect"]["parent"])
