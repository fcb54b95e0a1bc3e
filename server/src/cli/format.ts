// Output formats of `nianbao check`: text, JSON (LSP positions) and SARIF 2.1.0.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineTextAt, RULES, ruleDocPath, type Finding, type Locale, type TemplateVersion } from '../core';
import { LineIndex } from '../core/text';

export interface FileResult {
  path: string;
  template: TemplateVersion | null;
  findings: Finding[];
  lines: LineIndex;
}

const range = (lines: LineIndex, s: { start: number; end: number }) => ({ start: lines.positionAt(s.start), end: lines.positionAt(s.end) });

export function toJson(results: FileResult[]): string {
  const linesOf = (path: string) => results.find((x) => x.path === path)!.lines;
  return JSON.stringify({
    version: 1,
    files: results.map((r) => ({
      path: r.path,
      template: r.template,
      diagnostics: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: range(r.lines, f),
        ...(f.expected !== undefined ? { expected: f.expected, actual: f.actual } : {}),
        ...(f.related?.length ? { related: f.related.map((x) => ({ ...(x.file ? { path: x.file } : {}), range: range(x.file ? linesOf(x.file) : r.lines, x), message: x.message })) } : {}),
        fixes: (f.fixes ?? []).map((fx) => ({
          title: fx.title,
          ...(fx.preferred ? { preferred: true } : {}),
          edits: fx.edits.map((e) => ({ range: range(r.lines, e), newText: e.newText })),
        })),
      })),
    })),
  }, null, 2) + '\n';
}

export function toText(results: FileResult[], locale: Locale): string {
  const out: string[] = [];
  const count = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    for (const f of r.findings) {
      const p = r.lines.positionAt(f.start);
      out.push(`${r.path}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule} ${f.message}`);
      count[f.severity]++;
    }
    out.push('');
  }
  const total = count.error + count.warning + count.information + count.hint;
  out.push(locale === 'en'
    ? `${total} finding(s) in ${results.length} file(s): ${count.error} error(s), ${count.warning} warning(s), ${count.information + count.hint} note(s)`
    : `共检查 ${results.length} 个文件，发现 ${total} 个问题：错误 ${count.error}，警告 ${count.warning}，提示 ${count.information + count.hint}`);
  return out.join('\n') + '\n';
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** The key of SARIF partialFingerprints our fingerprint goes under (versioned: a change of recipe changes the key). */
export const FINGERPRINT_KEY = 'nianbao/lineHash/v1';

/**
 * A fingerprint per finding that survives edits elsewhere in the file, so that code scanning tracks a finding across
 * commits: a hash of the rule and the trimmed text of the finding's line (the key "ignore here" uses), and which
 * occurrence of that pair in the file it is (`hash:n`, n from 1 in file order).
 */
export function fingerprints(findings: readonly Finding[], lines: LineIndex): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256').update(`${f.rule}\0${lineTextAt(lines, f.start)}`).digest('hex').slice(0, 16);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

export function toSarif(results: FileResult[], locale: Locale, packageRoot: string, version: string, cwd: string): string {
  const rules = RULES.map((r) => {
    const docFile = join(packageRoot, ruleDocPath(r.id));
    const doc = existsSync(docFile) ? readFileSync(docFile, 'utf8') : undefined;
    return {
      id: r.id,
      name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.title[locale] },
      fullDescription: { text: r.description[locale] },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      ...(doc ? { help: { text: doc, markdown: doc } } : {}),
      properties: { tags: ['nianbao'] },
    };
  });
  // the user's rule packs (pack:<name>, from .nianbao.json) that have findings: described by their id
  const packIds = [...new Set(results.flatMap((r) => r.findings.map((f) => f.rule)).filter((id) => id.startsWith('pack:')))].sort();
  for (const id of packIds) {
    const name = id.slice('pack:'.length);
    rules.push({
      id, name: id, shortDescription: { text: locale === 'en' ? `User rule pack "${name}"` : `用户规则包“${name}”` },
      fullDescription: { text: locale === 'en' ? 'terms defined by the user in .nianbao.json' : '用户在 .nianbao.json 中定义的用语规则' },
      defaultConfiguration: { level: 'warning' }, properties: { tags: ['nianbao', 'user-pack'] },
    });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const region = (lines: LineIndex, s: { start: number; end: number }) => {
    const a = lines.positionAt(s.start), b = lines.positionAt(s.end);
    return { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  };
  const uriOf = (p: string) => {
    const rel = p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p;
    return rel.split('/').map(encodeURIComponent).join('/');
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'nianbao', version, semanticVersion: version, rules } },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) => { const prints = fingerprints(r.findings, r.lines); return r.findings.map((f, k) => {
        const uri = uriOf(r.path);
        const loc = (s: { start: number; end: number; file?: string }) => {
          const other = s.file ? results.find((x) => x.path === s.file) : undefined;
          return { physicalLocation: { artifactLocation: { uri: other ? uriOf(other.path) : uri }, region: region(other ? other.lines : r.lines, s) } };
        };
        return {
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? -1,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [loc(f)],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[k] },
          ...(f.related?.length ? { relatedLocations: f.related.map((x, i) => ({ id: i + 1, ...loc(x), message: { text: x.message } })) } : {}),
          ...(f.fixes?.length ? {
            fixes: f.fixes.map((fx) => ({
              description: { text: fx.title },
              artifactChanges: [{ artifactLocation: { uri }, replacements: fx.edits.map((e) => ({ deletedRegion: region(r.lines, e), insertedContent: { text: e.newText } })) }],
            })),
          } : {}),
        };
      }); }),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
