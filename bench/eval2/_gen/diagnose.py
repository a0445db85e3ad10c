"""Print resolve() explanation and top candidates for every miss in score.txt."""
import json, sys
import defnames as dn
rows = {json.loads(l)["mention"]: json.loads(l) for l in open("/work/main/bench/eval2/mentions.jsonl")}
for line in open("/work/main/bench/eval2/score.txt"):
    if not line.startswith("MISS"):
        continue
    m = json.loads(line[5:])
    r = rows[m["mention"]]
    res = dn.resolve(r["mention"], context=r.get("context"))
    print("==", r["mention"][:110], "| ctx:", (r.get("context") or "")[:60])
    if res:
        print("   got", res.entity.id, res.score, res.method, repr(res.matched), res.explanation.dropped if res.explanation else None, res.explanation.notes if res.explanation else None)
    else:
        try:
            c = dn.candidates(r["mention"], limit=3)
            print("   none; candidates:", [(x.entity.id, round(x.score,1), x.method, x.matched) for x in c])
        except Exception as e:
            print("   none", e)
