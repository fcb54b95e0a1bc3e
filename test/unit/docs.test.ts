// The documentation as users meet it: a page in docs/rules for every rule of the registry, written for a report
// writer (Chinese first, with the parts every page must have, the default severity the registry gives, no
// developer notes), and every relative link and path in docs/ and README.md pointing at something in the repository.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MARKETPLACE_README = path.join(ROOT, 'docs', 'marketplace', 'README.md');
const RULE_DIR = path.join(ROOT, 'docs', 'rules');

/** The Chinese part's sections and the English part's, in the order a page has them. */
const ZH_SECTIONS = ['检查内容', '依据', '示例', '修改方法', '关闭方法'];
const EN_SECTIONS = ['What it checks', 'Why', 'Example', 'How to fix', 'How to switch it off'];
const SEVERITY_ZH = { error: '错误', warning: '警告', information: '信息', hint: '提示' } as const;

interface Heading { level: number; text: string; line: number }

/** Lines outside fenced code blocks, with their numbers. */
function proseLines(md: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | undefined;
  md.split('\n').forEach((text, line) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(text);
    if (m) {
      if (fence === undefined) fence = m[1][0];
      else if (m[1][0] === fence) fence = undefined;
      return;
    }
    if (fence === undefined) out.push({ text, line });
  });
  return out;
}

function headings(md: string): Heading[] {
  return proseLines(md).flatMap(({ text, line }) => {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    return m ? [{ level: m[1].length, text: m[2], line }] : [];
  });
}

/** The anchor a heading gets (GitHub's and VS Code's Markdown preview's rule): lower case, punctuation dropped, spaces to -. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The text of a page under a heading, up to the next heading of the same or a higher level. */
function section(md: string, title: string, level: number): string | undefined {
  const lines = md.split('\n');
  const hs = headings(md);
  const i = hs.findIndex((h) => h.level === level && h.text === title);
  if (i < 0) return undefined;
  const next = hs.slice(i + 1).find((h) => h.level <= level);
  return lines.slice(hs[i].line + 1, next ? next.line : lines.length).join('\n');
}

/** Text without code blocks, inline code and quotations: the page's own words. */
function ownWords(md: string): string {
  return proseLines(md).map((l) => l.text).filter((l) => !/^\s*>/.test(l)).join('\n').replace(/`[^`\n]*`/g, '');
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

function mdFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? mdFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

/** Markdown link and image targets outside code: [text](target) and ![alt](target "title"). */
function linkTargets(md: string): string[] {
  const out: string[] = [];
  for (const { text } of proseLines(md)) {
    const line = text.replace(/`[^`\n]*`/g, '');
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]);
  }
  return out;
}

describe('docs: a page for report writers per rule', () => {
  const pages = fs.readdirSync(RULE_DIR).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

  it('every rule of the registry has a page, and every page a rule', () => {
    assert.ok(RULES.length >= 26, `registry holds ${RULES.length} rules`);
    assert.deepEqual(pages, RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = path.join(RULE_DIR, `${rule.id}.md`);
      const md = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';

      it('has the Chinese sections, then the English part with its own, none of them empty', () => {
        assert.ok(md, `docs/rules/${rule.id}.md is missing`);
        const hs = headings(md);
        assert.equal(hs[0]?.level, 1, 'the page opens with its title');
        assert.ok(hs[0].text.includes(rule.title['zh-CN']) && hs[0].text.includes(rule.id), `title "${hs[0].text}" names the rule in Chinese and its id`);
        const h2 = hs.filter((h) => h.level === 2).map((h) => h.text);
        assert.deepEqual(h2, [...ZH_SECTIONS, 'English'], 'Chinese sections in order, then ## English, nothing else at that level');
        const en = section(md, 'English', 2)!;
        assert.deepEqual(headings(en).filter((h) => h.level === 3).map((h) => h.text), EN_SECTIONS);
        assert.ok(en.includes(rule.title.en), `the English part names the rule "${rule.title.en}"`);
        for (const s of ZH_SECTIONS) assert.ok(ownWords(section(md, s, 2)!).replace(/\s/g, '').length >= 10 || section(md, s, 2)!.trim().length >= 20, `section ${s} has content`);
        for (const s of EN_SECTIONS) assert.ok(section(en, s, 3)!.trim().length >= 20, `section ${s} has content`);
      });

      it('states the default severity the registry gives it, and the other severities some findings take, in both languages', () => {
        const zh = /默认级别：(错误|警告|信息|提示)([^\n]*)/.exec(md);
        assert.equal(zh?.[1], SEVERITY_ZH[rule.defaultSeverity]);
        const en = /Default severity: (error|warning|information|hint)([^\n]*)/.exec(section(md, 'English', 2) ?? '');
        assert.equal(en?.[1], rule.defaultSeverity);
        for (const other of rule.otherSeverities ?? []) {
          assert.ok(zh![2].includes(`为${SEVERITY_ZH[other]}`), `the severity line names ${other}: ${zh![0]}`);
          assert.ok(en![2].includes(other), `the severity line names ${other}: ${en![0]}`);
        }
      });

      it('is Chinese first: the Chinese sections are written in Chinese, the English part in English', () => {
        const zh = ownWords(['检查内容', '依据', '修改方法'].map((s) => section(md, s, 2) ?? '').join('\n'));
        const han = count(zh, /\p{Script=Han}/gu), latin = count(zh, /[A-Za-z]/g);
        assert.ok(han >= 50 && han > 3 * latin, `Chinese part: ${han} ideographs, ${latin} Latin letters`);
        const en = ownWords(section(md, 'English', 2) ?? '');
        const enHan = count(en, /\p{Script=Han}/gu), enLatin = count(en, /[A-Za-z]/g);
        assert.ok(enLatin > 300 && enLatin > 2 * enHan, `English part: ${enLatin} Latin letters, ${enHan} ideographs`);
      });

      it('cites the notice or the regulation it rests on, and shows text that is wrong or right', () => {
        const why = section(md, '依据', 2)!;
        assert.match(why, /国办公开办函〔20(?:19|21)〕(?:30|60)号|国务院令第711号|《中华人民共和国[^》]+法》|GB\/T \d+/);
        assert.match(section(md, '示例', 2)!, /\*\*(?:错误|正确|提示)\*\*/);
      });

      it('says how to switch it off: .nianbao.json rules and ignore, the nianbao.rules setting, the quick fixes', () => {
        const off = section(md, '关闭方法', 2)!;
        assert.ok(off.includes(`{ "rules": { "${rule.id}": "off" } }`), 'the .nianbao.json rules entry');
        assert.ok(off.includes(`"nianbao.rules": { "${rule.id}": "off" }`), 'the nianbao.rules setting');
        assert.ok(off.includes(`{ "ignore": [{ "rule": "${rule.id}"`), 'an ignore entry');
        assert.ok(off.includes(`在此文件中忽略规则“${rule.id}”`), 'the quick fix that ignores it in a file');
        const en = section(section(md, 'English', 2)!, 'How to switch it off', 3)!;
        assert.ok(en.includes(`{ "rules": { "${rule.id}": "off" } }`) && en.includes('nianbao.rules'));
      });

      it('holds no developer notes: no source, test or data paths, no fixture names', () => {
        const text = md.replace(/\.nianbao\.json/g, '');
        for (const re of [/\b(?:server|client|test|scripts|bench|out|dist)\//, /fixtures?/i, /\bseeds?\b/i, /\.(?:ts|js|mjs|json)\b/, /FORMAT\.md/, /shared\//]) {
          assert.doesNotMatch(text, re);
        }
      });
    });
  }
});

describe('docs: links and paths', () => {
  const files = [...mdFiles(path.join(ROOT, 'docs')), path.join(ROOT, 'README.md')];

  it('finds the pages to check', () => {
    assert.ok(files.length >= RULES.length + 2, `${files.length} files`);
    assert.ok(files.some((f) => f.endsWith(path.join('docs', 'dev', 'rules.md'))));
  });

  it('every relative link in docs/ and README.md resolves to a file of the repository (and its anchor to a heading)', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const file of files) {
      const md = fs.readFileSync(file, 'utf8');
      for (const target of linkTargets(md)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        checked++;
        const [p, anchor] = target.split('#');
        // the extension page's README is packed as the .vsix's own README (vsce --readme-path): its links are relative
        // to the package root, where it is read
        const base = file === MARKETPLACE_README ? ROOT : path.dirname(file);
        const dest = p ? path.resolve(base, decodeURI(p)) : file;
        const where = `${path.relative(ROOT, file)}: ${target}`;
        if (!dest.startsWith(ROOT + path.sep) && dest !== ROOT) { problems.push(`${where} leaves the repository`); continue; }
        if (!fs.existsSync(dest)) { problems.push(`${where} does not exist`); continue; }
        if (anchor !== undefined && dest.endsWith('.md')) {
          const slugs = headings(fs.readFileSync(dest, 'utf8')).map((h) => slug(h.text));
          if (!slugs.includes(decodeURI(anchor))) problems.push(`${where}: no heading #${anchor}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked >= RULES.length * 2, `${checked} links checked`);
  });

  it('every repository path a page names in code (`dir/file`) exists; no page names a path outside the repository', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const file of files) {
      const md = fs.readFileSync(file, 'utf8');
      const where = path.relative(ROOT, file);
      if (/(?:^|[\s(`'"])(?:\.\.\/)+(?:shared|domain)\b|\/work\/|\/home\/|\/tmp\//m.test(md)) problems.push(`${where} names a path outside the repository`);
      for (const { text } of proseLines(md)) {
        for (const m of text.matchAll(/`([^`\s]+)`/g)) {
          const p = m[1];
          // a path of the repository: two or more segments, a file name or a folder; no placeholders or globs
          if (!/^(?:\.{1,2}\/)*[\w.@-]+(?:\/[\w.@-]+)+\/?$/.test(p) || /[<*{]/.test(p)) continue;
          if (/^\d/.test(p) || p.startsWith('@')) continue; // 2019/2020, 1/2, @scope/package: not paths
          const segments = p.replace(/^(?:\.{1,2}\/)*/, '').replace(/\/$/, '').split('/');
          if (segments.every((s) => s.startsWith('.'))) continue; // `.html/.docx/.pdf`: a list of extensions
          // a path: it starts in a folder of the repository, or it names a file (`data/x.json` must then exist too);
          // `nianbao/tableView` (a request name) is neither
          if (!fs.existsSync(path.join(ROOT, segments[0])) && !/\.[a-z0-9]{1,5}$/i.test(segments[segments.length - 1])) continue;
          // build output and caches, made by `npm run build` / the test scripts, not committed
          if (/^(?:dist|out|node_modules|\.cache)\//.test(p)) continue;
          checked++;
          if (!fs.existsSync(path.join(ROOT, p))) problems.push(`${where}: ${p} does not exist`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked >= 10, `${checked} paths checked`);
  });
});

describe('docs: slug', () => {
  it('makes anchors as the Markdown previews do', () => {
    assert.equal(slug('English'), 'english');
    assert.equal(slug('How to switch it off'), 'how-to-switch-it-off');
    assert.equal(slug('检查内容'), '检查内容');
    assert.equal(slug('missing-title'), 'missing-title');
    assert.equal(slug('表格勾稽关系不成立（`table-balance`）'), '表格勾稽关系不成立table-balance');
  });
});
