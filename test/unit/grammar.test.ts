// The TextMate grammar (syntaxes/nianbao.tmLanguage.json) tokenised with the same engine VS Code uses
// (vscode-textmate + vscode-oniguruma): headings, sub-headings, captions, table labels, numbers, totals.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

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
    assert.ok(total.some(([s, sc]) => s === '总计' && sc === 'keyword.other.total.nianbao'), JSON.stringify(total));
    assert.ok(total.some(([s, sc]) => s === '/' && sc === 'constant.language.na.nianbao'), JSON.stringify(total));
    assert.strictEqual(scopeOf('行政事业性收费\t4166.241619', '4166.241619'), 'constant.numeric.nianbao');
    assert.strictEqual(scopeOf('| 规章 | 0 | 0 | 0 |', '规章'), 'entity.name.tag.label.nianbao');
  });

  it('tokenises every fixture report without error', () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'reports');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      let state = textmate.INITIAL;
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)) state = grammar.tokenizeLine(line, state).ruleStack;
    }
  });
});
