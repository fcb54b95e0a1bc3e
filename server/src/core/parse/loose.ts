// Regular expressions that find an official label in raw text whatever its widths and stray spaces are.

const EQUIV: Record<string, string> = {
  '（': '[（(]', '(': '[（(]', '）': '[）)]', ')': '[）)]', '：': '[：:]', ':': '[：:]', '，': '[，,]', ',': '[，,]',
  '“': '[“”"＂]', '”': '[“”"＂]', '"': '[“”"＂]', '.': '[.．、]', '、': '[、.．]', '/': '[/／]',
};

function escapeChar(ch: string): string {
  if (EQUIV[ch]) return EQUIV[ch];
  if (/[0-9]/.test(ch)) return `[${ch}${String.fromCharCode(ch.charCodeAt(0) + 0xfee0)}]`;
  return ch.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const cache = new Map<string, RegExp>();

/** A global regex matching `label` with any white space (or table pipes) between its characters. */
export function looseRegex(label: string): RegExp {
  let re = cache.get(label);
  if (!re) {
    const chars = Array.from(label).filter((c) => !/\s/.test(c));
    re = new RegExp(chars.map(escapeChar).join('[ \\t\\u3000|]*'), 'g');
    cache.set(label, re);
  }
  re.lastIndex = 0;
  return re;
}

/** First occurrence of `label` in text[start, end), or undefined. */
export function findLoose(text: string, label: string, start = 0, end = text.length): { start: number; end: number } | undefined {
  const re = looseRegex(label);
  re.lastIndex = start;
  const m = re.exec(text);
  if (!m || m.index + m[0].length > end) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}
