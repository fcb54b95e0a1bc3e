// Rule metadata in one place (core/rules/*.ts): what it generates is what the repository holds (package.json's
// settings schema, package.nls*.json, schemas/nianbao.schema.json, the README's rule tables), and what it declares
// holds for the findings the rules make.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace, PAIR_RULES, PARTS_RULES, parseReport, REPORT_RULES, RULES, type RuleMeta } from '../../server/src/core';
import { generateFiles, README_BEGIN } from '../../server/src/tools/generate';
import { applyEdits, FIXTURES, loadReport, ROOT } from './helpers';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('rule metadata', () => {
  it('every generated file is as `npm run gen` writes it', () => {
    const files = generateFiles(read);
    assert.deepEqual(files.map((f) => f.path).sort(), ['README.md', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/nianbao.schema.json']);
    for (const f of files) assert.ok(read(f.path) === f.text, `${f.path} differs from what the rules' metadata generates: run npm run gen`);
  });

  it('a change of metadata shows in what is generated (so the test above can fail)', () => {
    const changed: RuleMeta[] = RULES.map((r) => (r.id === 'punctuation' ? { ...r, defaultSeverity: 'information', otherSeverities: undefined } : r));
    const now = generateFiles(read), then = generateFiles(read, changed);
    const differ = now.filter((f, i) => f.text !== then[i].text).map((f) => f.path);
    assert.deepEqual(differ.sort(), ['README.md', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/nianbao.schema.json']);
    const added = [...RULES, { ...RULES[0], id: 'new-rule' }];
    assert.deepEqual(generateFiles(read, added).filter((f, i) => f.text !== now[i].text).length, 5);
  });

  it('the README lists every rule once, with its default severity, in the generated block', () => {
    const readme = read('README.md');
    assert.ok(readme.includes(README_BEGIN));
    for (const r of RULES) {
      const rows = readme.split('\n').filter((l) => l.startsWith(`| [${r.id}](docs/rules/${r.id}.md) |`));
      assert.equal(rows.length, 1, r.id);
      assert.equal(rows[0].split(' | ')[1].split(',')[0], r.defaultSeverity, r.id);
    }
    assert.match(readme, new RegExp(`${RULES.length} rules: ${REPORT_RULES.length} read one report, ${PAIR_RULES.length} read a report with last year's report of the same agency, ${PARTS_RULES.length} read a report with the reports declared its parts`));
  });

  it('each rule: a unique kebab-case id, its scope, titles and one-line descriptions in both languages, a docs page', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    assert.equal(REPORT_RULES.length + PAIR_RULES.length + PARTS_RULES.length, RULES.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(['report', 'pair', 'parts'].includes(r.scope) && ['structure', 'figures', 'prose'].includes(r.group), r.id);
      for (const l of ['zh-CN', 'en'] as const) {
        assert.ok(r.title[l].trim() && r.description[l].trim() && !/\n/.test(r.description[l]), `${r.id} ${l}`);
      }
      assert.ok(/[\u4e00-\u9fff]/.test(r.title['zh-CN']) && /[\u4e00-\u9fff]/.test(r.description['zh-CN']), r.id);
      assert.ok(!(r.otherSeverities ?? []).includes(r.defaultSeverity), r.id);
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
    }
  });

  it('the findings of every fixture and corpus report take only the severities their rule declares', () => {
    const texts = [
      ...readdirSync(join(FIXTURES, 'reports')).filter((f) => f.endsWith('.txt')).map((f) => ({ id: f, text: readFileSync(join(FIXTURES, 'reports', f), 'utf8') })),
      ...readdirSync(join(FIXTURES, 'corpus')).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').map((f) => ({ id: f, text: readFileSync(join(FIXTURES, 'corpus', f), 'utf8') })),
    ];
    // and a report with last year's, checked together (carry-over in both of its severities)
    const now = loadReport('huaian-2024-pdf-tabs');
    const lastText = now.replace('2024 年政府信息公开工作年度报告', '2023 年政府信息公开工作年度报告');
    const m = parseReport(lastText);
    const carry = m.tables.t3!.rows.find((r) => r.key === 'carry-forward')!.cells[0];
    const inForce = m.tables.t2!.rows.find((r) => r.key === 'normative')!.cells[2];
    const pair = [{ id: 'now.txt', text: now }, { id: 'last.txt', text: applyEdits(lastText, [{ start: carry.start, end: carry.end, newText: '35' }, { start: inForce.start, end: inForce.end, newText: '80' }]) }];
    assert.ok(texts.length >= 12, String(texts.length));
    const seen = new Set<string>();
    for (const r of [...checkWorkspace(texts), ...checkWorkspace(pair)]) {
      for (const f of r.findings) {
        const rule = RULES.find((x) => x.id === f.rule)!;
        assert.ok(rule, f.rule);
        seen.add(`${f.rule} ${f.severity}`);
        assert.ok([rule.defaultSeverity, ...(rule.otherSeverities ?? [])].includes(f.severity), `${r.id}: ${f.rule} ${f.severity}: ${f.message}`);
      }
    }
    assert.ok(seen.has('carry-over warning') && seen.has('carry-over information') && seen.has('punctuation information'), [...seen].join(', '));
  });
});
