"""Build ../mentions.jsonl from mentions_src.py; every id is checked against the registry YAML."""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from reg import REG, gold_names, country, parents, all_names
from mentions_src import NEWS, RECORDS, LOOKALIKES
from build_passages import names_for

def expect(ids):
    ids = ids.split("/")
    for i in ids: assert i in REG, i
    names, countries = names_for(ids)
    par = []
    for i in ids[:1]:
        par += parents(i)
    return {"names": names, "countries": countries, "parent": par}

rows = []
for m, ctx, ids, ph in NEWS:
    if ctx: assert m in ctx, (m, ctx)
    rows.append({"mention": m, "context": ctx, "expect": expect(ids), "phenomenon": "news_" + ph, "kind": "news"})
for m, ctx, ids, ph in RECORDS:
    if ctx: assert m in ctx, (m, ctx)
    rows.append({"mention": m, "context": ctx, "expect": expect(ids), "phenomenon": "record_" + ph, "kind": "record"})
for m, ctx in LOOKALIKES:
    assert m in ctx, (m, ctx)
    rows.append({"mention": m, "context": ctx, "expect": None, "phenomenon": "lookalike", "kind": "lookalike"})
with open(os.path.join(os.path.dirname(__file__), "..", "mentions.jsonl"), "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
print(len(rows), Counter(r["kind"] for r in rows))
