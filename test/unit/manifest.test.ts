// The extension manifest (package.json) as VS Code reads it: the editor defaults for the report language, the
// icon, the licence.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

interface Manifest {
  license?: string;
  icon?: string;
  contributes: {
    languages: { id: string }[];
    configurationDefaults?: Record<string, Record<string, unknown>>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('manifest', () => {
  it('switches off the unicode highlight that boxes full-width ，（）：； and the full-width space in reports', () => {
    // VS Code marks characters "that could be confused with ASCII" (，；：（）！？ among them) and "invisible"
    // ones (the full-width space 　 that indents Chinese paragraphs): exactly the marks the punctuation rule asks for
    const ids = manifest.contributes.languages.map((l) => l.id);
    assert.deepEqual(ids, ['nianbao']);
    const defaults = manifest.contributes.configurationDefaults?.[`[${ids[0]}]`];
    assert.ok(defaults, 'configurationDefaults has an override for the report language');
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], false);
    // only for reports: no global editor default is changed
    const global = Object.keys(manifest.contributes.configurationDefaults ?? {}).filter((k) => !/^\[.+\]$/.test(k));
    assert.deepEqual(global.filter((k) => k.startsWith('editor.')), []);
  });

  it('has an icon: a 128×128 PNG, with its SVG source beside it', () => {
    assert.equal(manifest.icon, 'docs/images/icon.png');
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(existsSync(join(ROOT, 'docs', 'images', 'icon.svg')), 'the source the PNG is made from (scripts/icon.sh)');
  });

  it('has the MIT licence text its "license" field names', () => {
    assert.equal(manifest.license, 'MIT');
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    assert.match(text, /^MIT License\n/);
    assert.match(text, /Copyright \(c\) \d{4} nianbao contributors/);
    assert.match(text, /Permission is hereby granted, free of charge/);
  });
});
