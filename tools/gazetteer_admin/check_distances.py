"""Print admin2 seats farther than N km (default 150) from their admin1 capital: a sanity check after build.py."""
import csv, math, sys
def rd(p):
    L=[l for l in open(p,encoding='utf-8') if not l.startswith('#')]
    r=list(csv.reader(L,delimiter='\t',quoting=csv.QUOTE_NONE)); return [dict(zip(r[0],x)) for x in r[1:]]
a1={(r['country_code'],r['name_en']):r for r in rd('/work/main/src/rasd/data/places/admin1.tsv')}
def d(a,b,c,e):
    R=6371; p1,p2=math.radians(a),math.radians(c); dl=math.radians(e-b); dp=p2-p1
    h=math.sin(dp/2)**2+math.cos(p1)*math.cos(p2)*math.sin(dl/2)**2; return 2*R*math.asin(math.sqrt(h))
lim=float(sys.argv[1]) if len(sys.argv)>1 else 150
for r in rd('/work/main/src/rasd/data/places/admin2.tsv'):
    c=a1[(r['country_code'],r['admin1_en'])]
    if not r['lat'] or not c['lat']: print('NOCOORD',r['country_code'],r['name_en']); continue
    k=d(float(r['lat']),float(r['lon']),float(c['lat']),float(c['lon']))
    if k>lim: print(f"{k:6.0f} km  {r['country_code']}/{r['admin1_en']}/{r['name_en']} seat {r['seat_en']} {r['lat']},{r['lon']} {r['source']}")
