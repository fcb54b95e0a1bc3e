// (d) Turning the label-typo rule off in the settings removes its diagnostics (and only those).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED003, codeOf, hasCodes, lacksCode, nextConfigChange, openReport, waitForDiagnostics } from './helpers';

suite('settings (seed 003)', () => {
  const target = () => vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  let saved: unknown;

  suiteSetup(() => {
    const i = vscode.workspace.getConfiguration('nianbao').inspect('rules');
    assert.ok(i, 'setting nianbao.rules is not contributed by the extension');
    saved = target() === vscode.ConfigurationTarget.Workspace ? i.workspaceValue : i.globalValue;
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('nianbao').update('rules', saved, target());
  });

  test('nianbao.rules { "label-typo": "off" } removes label-typo diagnostics', async () => {
    const { doc } = await openReport(SEED003);
    await waitForDiagnostics(doc.uri, hasCodes('label-typo', 'missing-row'), 'label-typo and missing-row (before)');

    const cfg = vscode.workspace.getConfiguration('nianbao');
    const current = (cfg.get<Record<string, unknown>>('rules') ?? {});
    const changed = nextConfigChange('nianbao.rules');
    await cfg.update('rules', { ...current, 'label-typo': 'off' }, target());
    await changed;
    const off = await waitForDiagnostics(doc.uri, (ds) => lacksCode('label-typo')(ds) && hasCodes('missing-row')(ds),
      'label-typo gone while missing-row stays');
    assert.ok(off.every((d) => codeOf(d) !== 'label-typo'));

    // and back on
    const restored = nextConfigChange('nianbao.rules');
    await vscode.workspace.getConfiguration('nianbao').update('rules', saved, target());
    await restored;
    await waitForDiagnostics(doc.uri, hasCodes('label-typo', 'missing-row'), 'label-typo back after restoring the setting');
  });
});
