import json, sys
import defnames
REG = defnames.registry()
ENTS = REG.entities
ENTS = ENTS if isinstance(ENTS, dict) else {e.id: e for e in ENTS}

def ent(i):
    if i not in ENTS:
        raise SystemExit(f"unknown entity id {i}")
    return ENTS[i]

def expect(ids):
    if isinstance(ids, str):
        ids = [ids]
    names, countries, parents = [], [], []
    single = len(ids) == 1
    # merged entities resolve to today's successor by registry design ("old documents still
    # resolve to today's entity"): accept the whole successor chain too
    full = []
    for i in ids:
        while i and i not in full:
            full.append(i)
            e = ent(i)
            i = getattr(e, "successor", None) if str(getattr(e, "status", "")).endswith("merged") else None
    merged = len(full) > len(ids)
    ids = full
    for i in ids:
        e = ent(i)
        for n in (e.name, e.legal_name):
            if n and n not in names:
                names.append(n)
        if e.country not in countries:
            countries.append(e.country)
        if e.parent and single and not merged:
            p = ent(e.parent)
            for n in (p.name, p.legal_name):
                if n and n not in parents:
                    parents.append(n)
    return {"names": names, "countries": countries, "parent": parents}

def write(path, rows):
    seen = set()
    with open(path, "w") as f:
        for r in rows:
            mention, context, ids, phen = r
            key = (mention, context)
            if key in seen:
                print("DUP", mention, file=sys.stderr)
            seen.add(key)
            if context is not None and mention and mention not in context:
                i = context.lower().find(mention.lower())
                if i >= 0:
                    mention = context[i:i + len(mention)]
                else:
                    print("MENTION NOT IN CONTEXT:", mention, "|", context, file=sys.stderr)
            row = {"mention": mention, "context": context,
                   "expect": None if ids is None else expect(ids), "phenomenon": phen}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(path, len(rows))
