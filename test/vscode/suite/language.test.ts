// The language id: given automatically to reports by file name, and by command to any file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, SEED004_PLAIN, activateExtension, fixtureUri, waitForDiagnostics } from './helpers';

suite('language', () => {
  suiteSetup(activateExtension);

  test('a .txt named …年度报告… opens as nianbao', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('seed001_灤河回族区人民政府2023年度报告.txt'));
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
  });

  test('command nianbao.setLanguage turns a plain .txt into a checked report', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('nianbao.setLanguage'), 'command nianbao.setLanguage is not registered');
    const doc = await vscode.workspace.openTextDocument(fixtureUri(SEED004_PLAIN));
    assert.notStrictEqual(doc.languageId, LANGUAGE_ID, 'precondition: seed004_untitled.txt is plain text');
    await vscode.window.showTextDocument(doc, { preview: false });
    const changed = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === doc.uri.toString() && d.languageId === LANGUAGE_ID) { sub.dispose(); resolve(d); }
      });
    });
    await vscode.commands.executeCommand('nianbao.setLanguage');
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
    const d = now?.languageId === LANGUAGE_ID ? now : await changed;
    assert.strictEqual(d.languageId, LANGUAGE_ID);
    // seed 004 has no tables in the official layout, so the checker must say something about it
    await waitForDiagnostics(d.uri, (ds) => ds.length > 0, 'any nianbao diagnostic on seed 004');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
