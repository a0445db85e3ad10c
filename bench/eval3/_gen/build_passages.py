"""Build ../passages.jsonl from passages_src.py: strip [[surface|id]] markup, compute offsets, assert."""
import json, re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from reg import REG, gold_names, country
from passages_src import P
MARK = re.compile(r"\[\[(.+?)\|([a-z0-9/-]+)\]\]", re.S)

def names_for(ids):
    names, countries = [], []
    for eid in ids:
        assert eid in REG, eid
        for n in gold_names(eid):
            if n not in names: names.append(n)
        succ = REG[eid].get("successor")
        if succ:
            for n in gold_names(succ):
                if n not in names: names.append(n)
            if country(succ) not in countries: countries.append(country(succ))
        if country(eid) not in countries: countries.append(country(eid))
    return names, countries

rows = []
for lang, source, marked in P:
    out, mentions, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        start = sum(len(x) for x in out)
        surface = m.group(1)
        out.append(surface)
        ids = m.group(2).split("/")
        names, countries = names_for(ids)
        mentions.append({"start": start, "end": start + len(surface), "surface": surface,
                         "names": names, "countries": countries, "lang": lang})
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, source
    for g in mentions:
        assert text[g["start"]:g["end"]] == g["surface"], (source, g)
    if not 400 <= len(text) <= 1500: print("LEN", source, len(text))
    k = len({tuple(g["names"]) for g in mentions})
    if not 2 <= k <= 8: print("WARN", source, k, "companies")
    rows.append({"text": text, "mentions": mentions, "source": source, "lang": lang})
with open(os.path.join(os.path.dirname(__file__), "..", "passages.jsonl"), "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "passages,", sum(len(r["mentions"]) for r in rows), "mentions")
