// (b) The preferred quick fix for the label-typo, applied with workspace.applyEdit, turns
// 本年度止件数 into 本年废止件数 and the label-typo diagnostic goes away.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED003, codeOf, hasCodes, lacksCode, openReport, revertAndClose, waitForDiagnostics } from './helpers';

suite('quick fix (seed 003)', () => {
  let doc: vscode.TextDocument | undefined;
  teardown(async () => { if (doc) await revertAndClose(doc); });

  test('preferred quick fix corrects 本年度止件数 → 本年废止件数', async () => {
    ({ doc } = await openReport(SEED003));
    const ds = await waitForDiagnostics(doc.uri, hasCodes('label-typo'), 'label-typo');
    const typo = ds.find((d) => codeOf(d) === 'label-typo')!;

    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, typo.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
    const list = actions.map((a) => `${a.isPreferred ? '*' : ' '} [${a.kind?.value ?? '-'}] ${a.title}`).join('\n');
    console.log(`  code actions at the label-typo:\n${list}`);
    const preferred = actions.filter((a) => a.isPreferred);
    const fix = preferred.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'label-typo')) ?? (preferred.length === 1 ? preferred[0] : undefined);
    assert.ok(fix, `no preferred quick fix for label-typo among:\n${list}`);
    assert.ok(fix.edit, `preferred quick fix "${fix.title}" has no edit`);

    const version = doc.version;
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit returned false');
    assert.ok(doc.version > version, 'document unchanged after applyEdit');
    const line = doc.lineAt(typo.range.start.line).text;
    assert.ok(line.includes('本年废止件数'), `line ${typo.range.start.line + 1} after the fix: ${line}`);
    assert.ok(!doc.getText().includes('本年度止件数'), '本年度止件数 still in the document');

    const after = await waitForDiagnostics(doc.uri, lacksCode('label-typo'), 'the label-typo diagnostic to disappear');
    assert.ok(after.some((d) => codeOf(d) === 'missing-row'), 'other findings (missing-row) must remain after the fix');
  });
});
