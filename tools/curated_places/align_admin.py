"""One-off helper: rewrite admin1/admin2 in data_*.txt to the name_en used by admin1.tsv/admin2.tsv
(matched on name_en or variants_en, ignoring case, hyphens, apostrophes and a leading al-)."""
import csv, glob, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
P = os.path.join(HERE, '..', '..', 'src', 'rasd', 'data', 'places')
MANUAL1 = {('LB', 'North Governorate'): 'North', ('LB', 'South Governorate'): 'South',
           ('YE', 'Al-Dhale'): 'Ad Dali', ('LY', 'Wadi al-Shati'): 'Wadi al Shatii'}
# (country, admin1, my admin2) -> admin2 name_en of admin2.tsv ('' = not sure which unit: leave empty)
MANUAL2 = {('IQ', 'Baghdad', 'Taji'): 'Kadhimiyah', ('JO', 'Amman', 'Abdoun'): 'Qasabat Amman',
           ('JO', 'Amman', 'Al-Rabiyeh'): 'Qasabat Amman', ('JO', 'Mafraq', 'Ramtha'): '', ('JO', 'Zarqa', 'Azraq'): '',
           ('LB', 'Bekaa', 'West Beqaa'): 'West Bekaa', ('SY', 'Idlib', 'Maarat al-Numan'): "Ma'arrat An-Nu'man",
           ('YE', 'Aden', 'Al-Buraiqa'): 'Al Burayqah', ('YE', 'Aden', 'Al-Tawahi'): 'At Tawahi',
           ('YE', 'Al Hudaydah', 'Al-Tuhayta'): 'At Tuhayta', ('YE', 'Al Jawf', 'Khab wa al-Shaaf'): "Khabb wa ash Sha'af",
           ('YE', 'Al Mahrah', 'Shahn'): 'Shahan', ('YE', 'Amanat al Asimah', 'Al-Sabeen'): "As Sab'in",
           ('YE', 'Amanat al Asimah', 'Al-Tahrir'): 'At Tahrir', ('YE', 'Amanat al Asimah', 'Al-Thawra'): 'Ath Thawrah',
           ('YE', 'Marib', 'Al-Juba'): 'Al Jubah', ('YE', 'Marib', 'Al-Wadi'): 'Marib',
           ('YE', 'Sadah', 'Kitaf wa al-Buqa'): "Kitaf wa Al Boqe'e", ('YE', 'Sadah', 'Saada'): 'Sadah',
           ('YE', 'Sadah', 'Shada'): "Shada'a", ('YE', 'Taiz', 'Al-Taiziyah'): "At Ta'iziyah"}
MOVE = {('IQ', 'Nineveh', 'Makhmour'): ('Erbil', 'Makhmur')}


def rows(name):
    L = [l for l in open(os.path.join(P, name), encoding='utf-8') if not l.startswith('#') and l.strip()]
    return list(csv.DictReader(L, delimiter='\t', quoting=csv.QUOTE_NONE))


def k(s):
    s = s.lower().replace('-', ' ').replace("'", '').replace('’', '')
    s = re.sub(r'^(al|el|ad|an|as|ash|az|ar)\s+', '', s.strip())
    s = re.sub(r'\s+(governorate|district|province|subdistrict|sub district)$', '', s)
    return re.sub(r'\s+', ' ', s)


a1 = collections.defaultdict(dict)
for r in rows('admin1.tsv'):
    for n in [r['name_en']] + [v for v in r['variants_en'].split('|') if v]:
        a1[r['country_code']].setdefault(k(n), r['name_en'])
a2 = collections.defaultdict(dict)
for r in rows('admin2.tsv'):
    for n in [r['name_en']] + [v for v in r['variants_en'].split('|') if v] + [r.get('seat_en', '')]:
        if n:
            a2[(r['country_code'], r['admin1_en'])].setdefault(k(n), r['name_en'])
unm1, unm2, ch = collections.Counter(), collections.Counter(), 0
for path in sorted(glob.glob(os.path.join(HERE, 'data_*.txt'))):
    cc, out = None, []
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line.startswith('@'):
            cc = line[1:].strip()
        if not line or line[0] in '#@':
            out.append(line); continue
        f = line.split(';')
        if (cc, f[6], f[7]) in MOVE:
            f[6], f[7] = MOVE[(cc, f[6], f[7])]
        if cc == 'SY' and f[6] == 'Damascus':
            f[7] = 'Damascus'
        if (cc, f[6], f[7]) in MANUAL2:
            f[7] = MANUAL2[(cc, f[6], f[7])]
        if cc and cc != '--' and f[6]:
            new1 = MANUAL1.get((cc, f[6])) or a1[cc].get(k(f[6]))
            if new1:
                ch += new1 != f[6]; f[6] = new1
            else:
                unm1[(cc, f[6])] += 1
            if f[7]:
                new2 = a2[(cc, f[6])].get(k(f[7]))
                if new2:
                    ch += new2 != f[7]; f[7] = new2
                else:
                    unm2[(cc, f[6], f[7])] += 1
        out.append(';'.join(f))
    open(path, 'w', encoding='utf-8').write('\n'.join(out))
print('changed', ch)
print('admin1 unmatched', dict(unm1))
print('admin2 unmatched', len(unm2), 'distinct;', sum(unm2.values()), 'rows')
for key, n in sorted(unm2.items()):
    print('  ', key, n)
