import json
from pathlib import Path
HERE = Path(__file__).resolve().parent
REG = {e['id']: e for e in json.load(open(HERE / 'registry_index.json'))}

def names_for(ids):
    out = []
    for i in ids:
        e = REG[i]  # KeyError = gold bug
        for n in (e['name'], e['legal']):
            if n and n not in out:
                out.append(n)
    return out

def countries_for(ids):
    out = []
    for i in ids:
        c = REG[i]['c']
        if c not in out:
            out.append(c)
    return out

def parent_for(ids):
    if len(ids) != 1:
        return []
    p = REG[ids[0]]['parent']
    if not p:
        return []
    return names_for([p])
