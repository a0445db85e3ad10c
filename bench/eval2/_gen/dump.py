import yaml,glob,os
for f in sorted(glob.glob('/work/main/reference/entities/*.yml')):
    d=yaml.safe_load(open(f))
    fn=[x if isinstance(x,str) else x.get('name') for x in (d.get('former_names') or [])]
    print(f"{d['id']}|{d.get('name')}|{d.get('legal_name')}|A:{'; '.join(map(str,d.get('aliases') or []))}|W:{'; '.join(map(str,d.get('weak_aliases') or []))}|F:{'; '.join(map(str,fn))}|{d.get('country')}|P:{d.get('parent')}|O:{d.get('owners')}|{d.get('status')}|{d.get('successor') or d.get('merged_into') or ''}")
