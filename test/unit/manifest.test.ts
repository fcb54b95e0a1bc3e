// The extension manifest (package.json) as VS Code reads it: the editor defaults for the report language, the
// icon, the licence.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

interface Manifest {
  license?: string;
  icon?: string;
  activationEvents?: string[];
  contributes: {
    languages: { id: string; firstLine?: string; filenamePatterns?: string[] }[];
    configurationDefaults?: Record<string, Record<string, unknown>>;
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { markdownDescription?: string; properties?: Record<string, { description?: string }> }> };
  };
}

const nls = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;

/**
 * The value of a `when` clause of the form `resourceExtname =~ /…/flags` (with `&&` more conditions, which are
 * ignored) for a file name: what VS Code decides when it draws a context menu.
 */
function extnameMatches(when: string | undefined, file: string): boolean {
  const m = /resourceExtname\s*=~\s*\/(.+?)\/([a-z]*)/.exec(when ?? '');
  if (!m) return false;
  const ext = /\.[^.]*$/.exec(file)?.[0] ?? '';
  return new RegExp(m[1], m[2]).test(ext);
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

  it('the Explorer\'s context menu on a .docx, .pdf or .html offers the import (what the README says); not on a .txt', () => {
    const entries = manifest.contributes.menus['explorer/context'].filter((e) => e.command === 'nianbao.importReport');
    assert.equal(entries.length, 1);
    for (const f of ['报告.docx', 'a.PDF', 'x.html', 'x.htm']) assert.ok(extnameMatches(entries[0].when, f), f);
    for (const f of ['报告.txt', 'a.doc', 'docx', 'x.md']) assert.ok(!extnameMatches(entries[0].when, f), f);
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'nianbao.importReport'));
  });

  it('gives the language by name and by content, not by a first-line pattern VS Code does not apply to .txt', () => {
    const lang = manifest.contributes.languages[0];
    assert.equal(lang.firstLine, undefined);
    assert.deepEqual(lang.filenamePatterns, ['*年度报告*.txt', '*年报*.txt']);
    // recognition by content needs the extension running when a .txt or .md opens
    for (const e of ['onLanguage:plaintext', 'onLanguage:markdown']) assert.ok(manifest.activationEvents?.includes(e), e);
  });

  it('every setting\'s description opens with its name, and every rule has a name beside its id, in both languages', () => {
    // VS Code makes a setting's label from its key ("Debounce Ms") and shows no `title` of an extension's setting
    // (checked in the real workbench): the name in the display language opens the description instead
    const en = nls('package.nls.json'), zh = nls('package.nls.zh-cn.json');
    const key = (v: string | undefined) => /^%(.+)%$/.exec(v ?? '')?.[1];
    const props = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string; properties?: Record<string, { description?: string }> }>;
    assert.ok(Object.keys(props).length >= 10);
    for (const [name, p] of Object.entries(props)) {
      const k = key(p.markdownDescription);
      assert.ok(k && en[k] && zh[k], `${name}: ${p.markdownDescription}`);
      assert.match(zh[k], /^\*\*\p{Script=Han}[^*]*\*\*：/u, `${name}: "${zh[k]}"`);
      assert.match(en[k], /^\*\*[A-Z][^*\p{Script=Han}]*\*\*: /u, `${name}: "${en[k]}"`);
    }
    const rules = props['nianbao.rules'].properties ?? {};
    assert.ok(Object.keys(rules).length >= 27);
    for (const [id, r] of Object.entries(rules)) {
      const k = key(r.description);
      assert.ok(k && en[k] && zh[k] && zh[k] !== en[k], `${id}: ${r.description}`);
    }
  });
});
