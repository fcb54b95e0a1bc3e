// (c) Document symbols for seed 001: the six sections of the report, as siblings, in order.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED001, SEED003, flattenSymbols, hasCodes, openReport, waitForDiagnostics } from './helpers';

const SECTIONS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];

suite('document symbols (seed 001)', () => {
  suiteSetup(async () => {
    // make sure the language server is up: diagnostics for seed 003 prove it (an event, not a sleep)
    const { doc } = await openReport(SEED003);
    await waitForDiagnostics(doc.uri, hasCodes('label-typo'), 'the server to be ready');
  });

  test('outline has the six sections', async () => {
    const { doc } = await openReport(SEED001);
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length > 0, 'no document symbols for seed 001');
    assert.ok('children' in symbols[0], 'expected hierarchical DocumentSymbols (for Outline and breadcrumbs)');
    const tree = symbols as vscode.DocumentSymbol[];
    const all = flattenSymbols(tree);
    const dump = (list: readonly vscode.DocumentSymbol[], ind = '  '): string =>
      list.map((s) => `${ind}${s.name} (${vscode.SymbolKind[s.kind]}, line ${s.range.start.line + 1})\n${dump(s.children, ind + '  ')}`).join('');
    console.log(`  seed 001 symbols:\n${dump(tree)}`);

    const found = SECTIONS.map((title) => {
      const s = all.find((x) => x.name.includes(title));
      assert.ok(s, `no symbol for section ${title}`);
      return s;
    });
    // siblings: all six under the same parent (the title) or all at the top level
    const parentOf = (s: vscode.DocumentSymbol) => [tree, ...all.map((x) => x.children)].find((list) => list.includes(s));
    const parent = parentOf(found[0]);
    for (const s of found) assert.strictEqual(parentOf(s), parent, `section "${s.name}" is not a sibling of "${found[0].name}"`);
    for (let i = 1; i < found.length; i++) {
      assert.ok(found[i].range.start.isAfter(found[i - 1].range.start), `section ${i + 1} comes before section ${i}`);
    }
    // each section's range runs from its heading to before the next heading
    const headingLines = [5, 19, 36, 67, 74, 80];
    found.forEach((s, i) => assert.strictEqual(s.selectionRange.start.line + 1, headingLines[i], `heading line of ${s.name}`));
    const sectionSiblings = parent!.filter((s) => /^[一二三四五六七八九十]、/.test(s.name));
    assert.strictEqual(sectionSiblings.length, 6, `expected exactly six numbered sections, got: ${sectionSiblings.map((s) => s.name).join(' | ')}`);
  });
});
