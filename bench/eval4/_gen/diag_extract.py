"""Per-passage extraction diagnostics: false positives and misses (same matching rule as score.py)."""
import json, sys
sys.path.insert(0, '/work/shared/eval')
import defnames as dn
from score import names_of, norm
tp = fp = fn = 0
for line in open('/work/main/bench/eval4/passages.jsonl'):
    r = json.loads(line); t = r['text']
    gold = [(g['start'], g['end'], {norm(n) for n in g['names']}, g['surface']) for g in r['mentions']]
    found = dn.extract(t); used = set()
    for f in found:
        ent = f.match.entity if f.match else None
        hit = None
        for i, (gs, ge, names, s) in enumerate(gold):
            if i in used: continue
            if f.start < ge and gs < f.end and ent is not None and names_of(ent) & names:
                hit = i; break
        if hit is None:
            fp += 1; print(f"FP  [{r['source']}] {t[f.start:f.end]!r} -> {ent.id if ent else None}")
        else:
            used.add(hit); tp += 1
    for i, g in enumerate(gold):
        if i not in used:
            fn += 1
            near = [(t[f.start:f.end], f.match.entity.id) for f in found if f.start < g[1] and g[0] < f.end]
            print(f"FN  [{r['source']}] {g[3]!r} overlapping={near}")
print(f"tp {tp} fp {fp} fn {fn}  P {tp/(tp+fp):.3f} R {tp/(tp+fn):.3f}")
