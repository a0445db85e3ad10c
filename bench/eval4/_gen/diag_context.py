"""For every mention row: result with context vs without, to separate context-gating effects."""
import json, sys
sys.path.insert(0, '/work/shared/eval')
import defnames as dn
from score import names_of, norm
def ok(r, exp):
    if r is None: return False
    e = r.entity
    return bool(names_of(e) & {norm(n) for n in exp['names']}) and e.country in set(exp['countries'])
for line in open('/work/main/bench/eval4/mentions.jsonl'):
    r = json.loads(line); exp = r['expect']
    a = dn.resolve(r['mention'], context=r['context']) if r['context'] else dn.resolve(r['mention'])
    b = dn.resolve(r['mention'])
    if exp is None:
        if a is not None or b is not None:
            print('NIL ', 'ctx=' + (a.entity.id if a else '-'), 'noctx=' + (b.entity.id if b else '-'), '|', r['mention'][:60])
    else:
        oa, ob = ok(a, exp), ok(b, exp)
        if not oa:
            print('POS ', f"ctx={'ok' if oa else (a.entity.id if a else '-')} noctx={'ok' if ob else (b.entity.id if b else '-')}", f"[{a.method if a else ''}|{b.method if b else ''}]", '|', r['phenomenon'], '|', r['mention'][:70])
