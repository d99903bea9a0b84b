import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gn
cc = sys.argv[1]
for pat in sys.argv[2:]:
    p = gn.fold(pat); pa = gn.arnorm(pat)
    for c in gn.by_country().get(cc, []):
        alts = c.get('alternatenames') or []
        if p in gn.fold(c['name']) or any(p in gn.fold(a) for a in alts) or any(pa in gn.arnorm(a) for a in alts if a):
            ar = [a for a in alts if any('\u0600'<=ch<='\u06ff' for ch in a)]
            print(pat, '|', c['geonameid'], c['name'], c['population'], c.get('admin1code'), round(c['latitude'],4), round(c['longitude'],4), '|'.join(ar[:6]))
