"""List registry names found in passages outside gold spans (manual review aid)."""
import json, re
from common import REG
allnames = []
for e in REG.values():
    for n in [e['name'], e['legal'], *e['aka'], *e['fk']]:
        if n and len(n) >= 3:
            allnames.append((n, e['id']))
for line in open('../passages.jsonl'):
    r = json.loads(line); t = r['text']
    spans = [(m['start'], m['end']) for m in r['mentions']]
    hits = set()
    for n, i in allnames:
        for mm in re.finditer(re.escape(n), t):
            s, e = mm.span()
            # word-ish boundary for latin
            if s > 0 and t[s-1].isalnum() and n[0].isascii(): continue
            if e < len(t) and t[e].isalnum() and n[-1].isascii(): continue
            if not any(s < ge and gs < e for gs, ge in spans):
                hits.add((n, i, s))
    if hits:
        print(r['source'], sorted(hits, key=lambda x: x[2]))
