"""Helpers: turn (mention, context, intended registry id(s), phenomenon) into gold rows.
Gold names/countries/parent are read from the registry YAML for the id(s) *I* chose by hand,
so the expected names are always names the intended entity carries."""
import glob, yaml
from functools import lru_cache

@lru_cache(None)
def REG():
    out = {}
    for f in glob.glob('/work/main/reference/entities/*.yml'):
        d = yaml.safe_load(open(f))
        out[d['id']] = d
    return out

def chain(eid):
    """the entity, then its successors (status merged -> successor)."""
    seen = []
    e = REG()[eid]
    while True:
        seen.append(e)
        if e.get('status') == 'merged' and e.get('successor') and e['successor'] not in [x['id'] for x in seen]:
            e = REG()[e['successor']]
        else:
            return seen

def expect(ids):
    if isinstance(ids, str):
        ids = [ids]
    names, countries, parents = [], [], []
    for i in ids:
        if i not in REG():
            raise KeyError(i)
        ch = chain(i)
        for e in ch:
            for n in (e['name'], e.get('legal_name')):
                if n and n not in names:
                    names.append(n)
            if e['country'] not in countries:
                countries.append(e['country'])
        first = ch[0]
        if first.get('parent') and first.get('status') != 'merged':
            p = REG()[first['parent']]
            for n in (p['name'], p.get('legal_name')):
                if n and n not in parents:
                    parents.append(n)
    if len(ids) > 1:
        # several acceptable entities (a division or its parent): a parent check would
        # contradict accepting the parent itself, so none is expected
        parents = []
    return {"names": names, "countries": countries, "parent": parents}

def P(mention, context, ids, phen):
    return {"mention": mention, "context": context, "expect": expect(ids), "phenomenon": phen}

def N(mention, context, phen):
    return {"mention": mention, "context": context, "expect": None, "phenomenon": phen}
