"""Build bench/eval4/mentions.jsonl and passages.jsonl from the _gen sources. Run from anywhere."""
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REG, names_for, countries_for, parent_for
import m_news_en, m_news_ml, m_records, m_nil, passages_src

OUT = Path(__file__).resolve().parent.parent

def expect(ids):
    ids = [ids] if isinstance(ids, str) else list(ids)
    for i in ids:
        assert i in REG, f"unknown id {i}"
    return {"names": names_for(ids), "countries": countries_for(ids), "parent": parent_for(ids), "ids": ids}

rows = []
for src, mod in (("news_en", m_news_en), ("news_ml", m_news_ml), ("records", m_records)):
    for mention, ctx, ids, phen in mod.ROWS:
        assert ids is not None, mention
        rows.append({"mention": mention, "context": ctx, "expect": expect(ids), "phenomenon": phen, "source": src})
for mention, ctx, phen in m_nil.ROWS:
    rows.append({"mention": mention, "context": ctx, "expect": None, "phenomenon": "nil_" + phen, "source": "lookalike"})
# a context must contain its mention when it is a sentence (sanity)
for r in rows:
    if r["context"] and r["source"] != "lookalike":
        assert r["mention"] in r["context"], r["mention"]
    if r["context"] and r["source"] == "lookalike":
        assert r["mention"].casefold() in r["context"].casefold() or r["mention"] in ("Zbrojovka Brno", "スバル望遠鏡", "Jelcz-Laskowice"), r["mention"]
with open(OUT / "mentions.jsonl", "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

prow = []
for source, text, gold in passages_src.P:
    assert 600 <= len(text) <= 1500, (source, len(text))
    ments = []
    for surface, ids, nth in gold:
        pos = -1
        if isinstance(nth, tuple):
            _, nth, pos = nth
            pos -= 1
        for _ in range(nth + 1):
            pos = text.find(surface, pos + 1)
            assert pos >= 0, (source, surface, nth)
        e = expect(ids)
        assert text[pos:pos + len(surface)] == surface
        ments.append({"start": pos, "end": pos + len(surface), "surface": surface, "names": e["names"], "countries": e["countries"], "ids": e["ids"]})
    ments.sort(key=lambda m: m["start"])
    for a, b in zip(ments, ments[1:]):
        assert a["end"] <= b["start"], (source, a["surface"], b["surface"])
    assert 3 <= len(ments) <= 10, (source, len(ments))
    prow.append({"text": text, "mentions": ments, "source": source})
with open(OUT / "passages.jsonl", "w") as f:
    for r in prow:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
pos = sum(1 for r in rows if r["expect"]); nil = len(rows) - pos
print(f"mentions {len(rows)} (pos {pos}, nil {nil}); passages {len(prow)}, gold spans {sum(len(r['mentions']) for r in prow)}")
print("passage lengths", [len(r["text"]) for r in prow])
