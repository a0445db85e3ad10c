import yaml, glob, os, json
out=[]
for f in sorted(glob.glob('/work/main/reference/entities/*.yml')):
    d=yaml.safe_load(open(f))
    def s(x):
        r=[]
        for i in x or []:
            r.append(i if isinstance(i,str) else (i.get('name') if isinstance(i,dict) else str(i)))
        return r
    out.append(dict(id=d.get('id'),name=d.get('name'),legal=d.get('legal_name'),c=d.get('country'),parent=d.get('parent'),owners=[o.get('owner') if isinstance(o,dict) else o for o in d.get('owners') or []],aka=s(d.get('aliases')),fk=s(d.get('former_names')),kind=d.get('kind'),status=d.get('status')))
json.dump(out,open('registry_index.json','w'),ensure_ascii=False)
with open('registry_compact.txt','w') as fh:
    for e in out:
        fh.write(f"{e['id']}|{e['name']}|{e['legal']}|{e['c']}|p={e['parent']}|o={e['owners']}|aka={e['aka']}|fk={e['fk']}\n")
print(len(out))
