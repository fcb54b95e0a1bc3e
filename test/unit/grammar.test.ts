// The TextMate grammar (syntaxes/nianbao.tmLanguage.json) tokenised with the same engine VS Code uses
// (vscode-textmate + vscode-oniguruma): headings, sub-headings, captions, table labels, numbers, totals.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { LineIndex, parseReport } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('TextMate grammar', () => {
  let grammar: textmate.IGrammar;

  before(async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        if (scope !== 'text.nianbao') return null;
        const file = path.join(ROOT, 'syntaxes', 'nianbao.tmLanguage.json');
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    const g = await registry.loadGrammar('text.nianbao');
    assert.ok(g);
    grammar = g;
  });

  /** Tokens of one line as [text, innermost scope]. */
  function tokens(line: string): [string, string][] {
    const r = grammar.tokenizeLine(line, textmate.INITIAL);
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
  }
  /** Every scope of the tokens covering `text` in a line (the whole stack, as themes match it). */
  function stacksOf(line: string, text: string): string[][] {
    const r = grammar.tokenizeLine(line, textmate.INITIAL);
    return r.tokens.filter((t) => line.slice(t.startIndex, t.endIndex) === text).map((t) => t.scopes);
  }
  const scopeOf = (line: string, text: string) => tokens(line).find(([s]) => s === text)?.[1];

  it('title and section headings', () => {
    assert.strictEqual(scopeOf('某某市某某局2023年政府信息公开工作年度报告', '某某市某某局2023年政府信息公开工作年度报告'), 'entity.name.section.title.nianbao');
    assert.strictEqual(scopeOf('三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况'), 'entity.name.section.nianbao');
    assert.strictEqual(scopeOf('五、存在的主要问题及改进情况', '五'), 'punctuation.definition.heading.nianbao');
  });

  it('a table row label is not a heading, even when it starts with 一、', () => {
    const line = '一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3';
    assert.strictEqual(scopeOf(line, '一、本年新收政府信息公开申请数量'), 'entity.name.tag.label.nianbao');
    assert.strictEqual(scopeOf(line, '3'), 'constant.numeric.nianbao');
  });

  it('sub-headings, captions, totals, decimals and not-applicable markers', () => {
    assert.strictEqual(scopeOf('（一）主动公开情况', '主动公开情况'), 'entity.name.section.sub.nianbao');
    assert.strictEqual(scopeOf('第二十条第（一）项', '第二十条第（一）项'), 'entity.name.type.caption.nianbao');
    const total = tokens('（七）总计\t12\t0\t/\t-\t0\t0\t12');
    assert.ok(total.some(([s, sc]) => s === '/' && sc === 'constant.language.na.nianbao'), JSON.stringify(total));
    assert.strictEqual(scopeOf('行政事业性收费\t4166.241619', '4166.241619'), 'constant.numeric.nianbao');
    assert.strictEqual(scopeOf('| 规章 | 0 | 0 | 0 |', '规章'), 'entity.name.tag.label.nianbao');
  });

  it('总计 has a neutral scope: in a row it is coloured as its label, in the prose as the prose, never as a keyword or an error', () => {
    const cases: [string, string | undefined][] = [
      ['（七）总计\t12\t0\t0\t0\t0\t0\t12', 'entity.name.tag.label.nianbao'],
      ['| (七) 总计 | 0 | 0 | 0 |', 'entity.name.tag.label.nianbao'],
      ['全年总计受理申请 12 件。', undefined],
      ['行政复议\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计', undefined],
    ];
    for (const [line, label] of cases) {
      const stacks = stacksOf(line, '总计');
      assert.equal(stacks.length, 1, `${line}: one token 总计 in ${JSON.stringify(tokens(line))}`);
      const scopes = stacks[0];
      assert.equal(scopes[scopes.length - 1], 'meta.total.nianbao', line);
      // what themes colour: keywords (red in some), invalid, deleted; meta.* is coloured by none
      assert.deepEqual(scopes.filter((sc) => /^(keyword|invalid|markup\.deleted|storage|support|variable|constant)\b/.test(sc)), [], line);
      if (label) assert.ok(scopes.includes(label), `${line}: 总计 inside the row label keeps its scope (${scopes.join(' ')})`);
    }
  });

  it('every fixture report: each line tokenised whole, and the section headings it colours are the ones the checker reads', () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'reports');
    const files = fs.readdirSync(dir).filter((x) => x.endsWith('.txt'));
    assert.ok(files.length >= 9, `${files.length} fixture reports`);
    let headings = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const colored: number[] = [];
      let state = textmate.INITIAL;
      text.split(/\r?\n/).forEach((line, n) => {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        // the tokens cover the line from its first character to its last, in order
        assert.equal(r.tokens.map((t, i) => (i === 0 ? t.startIndex : t.startIndex - r.tokens[i - 1].endIndex)).every((gap) => gap === 0), true, `${f}:${n + 1}`);
        assert.ok(r.tokens.length && r.tokens[r.tokens.length - 1].endIndex >= line.length, `${f}:${n + 1}`);
        if (r.tokens.some((t) => t.scopes.includes('entity.name.section.nianbao'))) colored.push(n);
      });
      // headings inside a collapsed line are the parser's alone (the grammar colours whole lines)
      const idx = new LineIndex(text);
      const read = parseReport(text).sections.filter((s) => !s.heading.inline).map((s) => idx.positionAt(s.heading.start).line);
      assert.deepEqual(colored, read, f);
      headings += read.length;
    }
    assert.ok(headings >= 40, `${headings} headings compared`);
  });
});
