"""Write bench/eval2/mentions.jsonl and passages.jsonl from the hand-written rows."""
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
import news, records, nils, passages
OUT = Path(__file__).resolve().parent.parent
rows = news.ROWS + records.ROWS + nils.ROWS
with open(OUT / "mentions.jsonl", "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
prows = passages.build()
for p in prows:
    for m in p["mentions"]:
        assert p["text"][m["start"]:m["end"]] == m["surface"]
with open(OUT / "passages.jsonl", "w") as f:
    for p in prows:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
print(f"mentions {len(rows)} (news {len(news.ROWS)}, records {len(records.ROWS)}, nil {len(nils.ROWS)}); passages {len(prows)} with {sum(len(p['mentions']) for p in prows)} spans")
