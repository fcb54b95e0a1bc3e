// (a) Opening seed 003 gives nianbao diagnostics, among them label-typo and missing-row.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED003, codeOf, describeDiagnostics, hasCodes, openReport, waitForDiagnostics } from './helpers';

suite('diagnostics on a real report (seed 003)', () => {
  test('opening seed 003 publishes label-typo and missing-row', async () => {
    const { doc } = await openReport(SEED003);
    assert.strictEqual(doc.languageId, 'nianbao');
    const ds = await waitForDiagnostics(doc.uri, hasCodes('label-typo', 'missing-row'), 'label-typo and missing-row');
    console.log(`  seed 003: ${ds.length} nianbao diagnostics\n${describeDiagnostics(ds)}`);

    for (const d of ds) assert.strictEqual(d.source, 'nianbao', `source of ${codeOf(d)}`);
    const typo = ds.find((d) => codeOf(d) === 'label-typo')!;
    // the finding is on the mistyped header cell, not somewhere else on the line
    assert.strictEqual(doc.getText(typo.range), '本年度止件数', `label-typo range covers "${doc.getText(typo.range)}"`);
    // diagnostics carry a link to the rule's documentation when the server sends codeDescription
    if (typeof typo.code === 'object') assert.ok(typo.code.target instanceof vscode.Uri, 'code.target is a Uri');
  });
});
