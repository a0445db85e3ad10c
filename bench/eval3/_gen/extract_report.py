"""Per-language extraction P/R on ../passages.jsonl with score.py's matching rule; lists misses and false extractions."""
import json, os, sys
sys.path.insert(0, "/work/shared/eval")
from score import norm, names_of
import defnames as dn
HERE = os.path.dirname(__file__)
rows = [json.loads(l) for l in open(os.path.join(HERE, "..", "passages.jsonl"), encoding="utf-8")]
per, fps, fns = {}, [], []
for r in rows:
    lang = r["lang"]; t = r["text"]
    gold = [(g["start"], g["end"], {norm(n) for n in g["names"]}, g["surface"]) for g in r["mentions"]]
    found = dn.extract(t); used = set(); s = per.setdefault(lang, [0, 0, 0])
    for f in found:
        ent = f.match.entity if f.match else None; hit = None
        for i, (gs, ge, names, _) in enumerate(gold):
            if i in used: continue
            if f.start < ge and gs < f.end and ent is not None and names_of(ent) & names:
                hit = i; break
        if hit is None:
            s[1] += 1
            over = [g[3] for g in gold if f.start < g[1] and g[0] < f.end]
            fps.append((lang, r["source"], t[f.start:f.end], ent.id if ent else None, over, t[max(0,f.start-40):f.end+40].replace("\n"," ")))
        else:
            used.add(hit); s[0] += 1
    for i, g in enumerate(gold):
        if i not in used:
            s[2] += 1
            fns.append((lang, r["source"], g[3], sorted(g[2])[:2], t[max(0,g[0]-40):g[1]+40].replace("\n"," ")))
tot = [sum(v[i] for v in per.values()) for i in range(3)]
print("lang  tp  fp  fn  P     R")
for lang, (tp, fp, fn) in sorted(per.items(), key=lambda x: -sum(x[1])) + [("ALL", tot)]:
    P = tp / (tp + fp) if tp + fp else 0; R = tp / (tp + fn) if tp + fn else 0
    print(f"{lang:4} {tp:3} {fp:3} {fn:3}  {P:.2f}  {R:.2f}")
print("\nFALSE EXTRACTIONS")
for x in fps: print("FP", json.dumps(x, ensure_ascii=False))
print("\nMISSED GOLD SPANS")
for x in fns: print("FN", json.dumps(x, ensure_ascii=False))
