// Decoding report text files: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the text is
// recognisably UTF-16, with or without ASCII in it), UTF-32 (with BOM, or recognisably so) and
// GB18030/GBK/GB2312 (what many government files are saved in), detected from the bytes.
// Anything else is refused with a reason rather than checked as garbage. Bytes that are not characters of the
// detected encoding (a file cut off inside its last character, a stray byte) are never dropped silently: the text
// has U+FFFD there and `damaged` says where, so that a command reports it and never writes the text back.
import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; bom: boolean; damaged?: string }
  | { ok: false; reason: string };

const UNREADABLE = 'not valid UTF-8, UTF-16 or GB18030/GBK text';

const isCjkIdeograph = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** Share of characters that plausibly occur in a Chinese report (CJK, ASCII, common punctuation and forms). */
export function plausibility(text: string): number {
  let good = 0, n = 0;
  for (let i = 0; i < text.length && n < 20000; i++, n++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x3400 && c <= 0x4dbf) || c === 0xa0 || c === 0xb7 || c === 0xd7 ||
      (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2160 && c <= 0x217f) || (c >= 0x25a0 && c <= 0x25ff) ||
      (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)) good++;
  }
  return n ? good / n : 1;
}

/** Share of CJK ideographs among the first 20,000 characters. */
function cjkShare(text: string): number {
  let cjk = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) if (isCjkIdeograph(text.charCodeAt(i))) cjk++;
  return n ? cjk / n : 0;
}

/**
 * UTF-16 without a BOM. With ASCII characters in it (digits, line ends, tabs) every other byte is NUL, which text
 * in any other encoding never has. Without ASCII (Chinese text only) there are few or no NUL bytes: then the text
 * must be nearly all CJK ideographs and report punctuation in one byte order, which ASCII, UTF-8 or GBK bytes read
 * as UTF-16 are not (this guess is made only once the bytes failed to be UTF-8).
 */
function utf16Guess(buf: Uint8Array, withoutAscii: boolean): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length - (buf.length % 2), 8192);
  if (n < 4) return undefined;
  if (!withoutAscii) {
    let nul = 0;
    for (let i = 0; i < n; i++) if (buf[i] === 0) nul++;
    if (nul < 0.02 * n) return undefined;
  }
  let best: 'utf-16le' | 'utf-16be' | undefined, score = 0.97;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(enc).decode(buf.subarray(0, n));
    if (text.includes('\0')) continue;
    if (withoutAscii && cjkShare(text) < 0.5) continue;
    const p = plausibility(text);
    if (p > score) { score = p; best = enc; }
  }
  return best;
}

/**
 * UTF-32 without a BOM: every four bytes one code point, below U+110000, so the top byte of each four is NUL (and
 * the next at most 0x10); the code points must be (nearly all) characters and read as plausible report text.
 */
function utf32Guess(buf: Uint8Array): 'utf-32le' | 'utf-32be' | undefined {
  const n = Math.min(buf.length - (buf.length % 4), 8192);
  if (n < 8) return undefined;
  for (const enc of ['utf-32le', 'utf-32be'] as const) {
    const top = enc === 'utf-32le' ? 3 : 0;
    let ok = true;
    for (let i = 0; i < n && ok; i += 4) ok = buf[i + top] === 0;
    if (!ok) continue;
    const { text } = decodeUtf32(buf.subarray(0, n), enc);
    let bad = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd || text.charCodeAt(i) === 0) bad++;
    if (bad <= 1 + text.length / 100 && plausibility(text) > 0.9) return enc;
  }
  return undefined;
}

/** UTF-32 to text; code points that are not characters (surrogates, above U+10FFFF) and a cut-off tail become U+FFFD. */
function decodeUtf32(buf: Uint8Array, enc: 'utf-32le' | 'utf-32be'): { text: string; bad: number } {
  const parts: string[] = [];
  let chunk: number[] = [];
  let bad = -1;
  const n = buf.length - (buf.length % 4);
  for (let i = 0; i < n; i += 4) {
    const cp = enc === 'utf-32le' ? (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)) >>> 0 : ((buf[i] << 24) | (buf[i + 1] << 16) | (buf[i + 2] << 8) | buf[i + 3]) >>> 0;
    const valid = cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    if (!valid && bad < 0) bad = i;
    chunk.push(valid ? cp : 0xfffd);
    if (chunk.length === 8192) { parts.push(String.fromCodePoint(...chunk)); chunk = []; }
  }
  if (buf.length % 4) { if (bad < 0) bad = n; chunk.push(0xfffd); }
  parts.push(String.fromCodePoint(...chunk));
  return { text: parts.join(''), bad };
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array, from = 0): number {
  let i = from;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    let len: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) { len = 3; if (b === 0xe0) lo = 0xa0; else if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { len = 4; if (b === 0xf0) lo = 0x90; else if (b === 0xf4) hi = 0x8f; }
    else return i;
    if (i + len > n) return i;
    if (buf[i + 1] < lo || buf[i + 1] > hi) return i;
    for (let k = 2; k < len; k++) if (buf[i + k] < 0x80 || buf[i + k] > 0xbf) return i;
    i += len;
  }
  return -1;
}

/** The number of places (up to `max`) with invalid UTF-8 from `bad` on; the continuation bytes after a bad byte are one place with it. */
function invalidPlaces(buf: Uint8Array, bad: number, max: number): number {
  let count = 0;
  for (let i = bad; i >= 0 && count < max;) {
    count++;
    let j = i + 1;
    while (j < buf.length && buf[j] >= 0x80 && buf[j] <= 0xbf) j++;
    i = firstInvalidUtf8(buf, j);
  }
  return count;
}

/** Line and column (1-based, in characters) of a byte offset of a UTF-8 text whose bytes before it are valid. */
function whereUtf8(buf: Uint8Array, offset: number, bomLength: number): string {
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf.subarray(0, offset));
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return `line ${line}, column ${column} (byte ${offset + bomLength})`;
}

/** Whether the bytes from `at` to the end are the start of a UTF-8 sequence cut off by the end of the file. */
function cutOff(buf: Uint8Array, at: number): boolean {
  const b = buf[at];
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (!len || at + len <= buf.length) return false;
  for (let k = at + 1; k < buf.length; k++) if (buf[k] < 0x80 || buf[k] > 0xbf) return false;
  return true;
}

/** The WHATWG label of a charset name as written in HTML or XML (`gb2312`, `GBK`, `utf8`…), mapped to what we decode. */
export function encodingOfLabel(label: string): TextEncoding | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(gb2312|gbk|gb18030|gb_2312-80|x-gbk|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58)$/.test(l)) return 'gb18030';
  if (/^(utf-?16(le)?|unicode)$/.test(l)) return 'utf-16le';
  if (/^utf-?16be$/.test(l)) return 'utf-16be';
  return undefined;
}

/** Decode with a known encoding (a BOM, if present, still wins; bytes that are not of that encoding: detected). */
export function decodeAs(buf: Uint8Array, encoding: TextEncoding): DecodeResult {
  if (bomOf(buf)) return decodeText(buf);
  if (encoding === 'gb18030') return decodeGb18030(buf, false) ?? decodeText(buf);
  if (encoding === 'utf-8') return firstInvalidUtf8(buf) < 0 ? decodeWith(buf, 'utf-8', false) : decodeText(buf);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return decodeWith(buf, encoding, false);
  return decodeText(buf);
}

function bomOf(buf: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  // FF FE 00 00 is UTF-32LE's mark (UTF-16LE text never starts with U+0000 after its mark)
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (buf.length >= 4 && buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  return undefined;
}

/** Strict GB18030 validity of the byte sequence (iconv-lite replaces invalid sequences silently). */
function validGb18030(buf: Uint8Array): boolean {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    if (b === 0x80 || b === 0xff || i + 1 >= n) return false;
    const b2 = buf[i + 1];
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) { i += 2; continue; }
    if (b2 >= 0x30 && b2 <= 0x39 && i + 3 < n && buf[i + 2] >= 0x81 && buf[i + 2] <= 0xfe && buf[i + 3] >= 0x30 && buf[i + 3] <= 0x39) { i += 4; continue; }
    return false;
  }
  return true;
}

/** GB18030 text, or undefined when the bytes are not valid GB18030 (with a BOM: read, any invalid bytes said). */
function decodeGb18030(body: Uint8Array, bom: boolean): DecodeResult | undefined {
  const valid = validGb18030(body);
  if (!valid && !bom) return undefined;
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030');
  const bad = !valid || text.includes('\ufffd') && !iconv.encode(text, 'gb18030').equals(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  return { ok: true, text, encoding: 'gb18030', bom, ...(bad ? { damaged: 'bytes that are not GB18030 characters, read as U+FFFD' } : {}) };
}

/** Text of UTF-8/16/32 bytes (BOM already removed); bytes that are not characters are said in `damaged`. */
function decodeWith(body: Uint8Array, encoding: Exclude<TextEncoding, 'gb18030'>, bom: boolean): DecodeResult {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') {
    const { text, bad } = decodeUtf32(body, encoding);
    return { ok: true, text, encoding, bom, ...(bad >= 0 ? { damaged: `bytes that are not a UTF-32 character at byte ${bad + (bom ? 4 : 0)}, read as U+FFFD` } : {}) };
  }
  if (encoding === 'utf-8') {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding, bom };
    } catch { /* said below */ }
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    const bad = Math.max(0, firstInvalidUtf8(body));
    const count = invalidPlaces(body, bad, 1000);
    const where = whereUtf8(body, bad, bom ? 3 : 0);
    const what = count === 1 && cutOff(body, bad) ? 'the file ends inside a character' : `invalid UTF-8 bytes${count > 1 ? ` in ${count >= 1000 ? '1000 or more' : count} places, the first` : ''}`;
    return { ok: true, text, encoding, bom, damaged: `${what} at ${where}, read as U+FFFD` };
  }
  const even = body.subarray(0, body.length - (body.length % 2));
  let text: string, damaged: string | undefined;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(even);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(even);
    damaged = 'an unpaired UTF-16 surrogate, read as U+FFFD';
  }
  if (body.length % 2) { text += '\ufffd'; damaged ??= 'the file ends inside a UTF-16 character (an odd number of bytes), read as U+FFFD'; }
  return { ok: true, text, encoding, bom, ...(damaged ? { damaged } : {}) };
}

/** Decode a text file's bytes, detecting the encoding. */
export function decodeText(buf: Uint8Array): DecodeResult {
  const bom = bomOf(buf);
  if (bom) {
    const body = buf.subarray(bom.length);
    return bom.encoding === 'gb18030' ? decodeGb18030(body, true)! : decodeWith(body, bom.encoding, true);
  }
  const u32 = utf32Guess(buf);
  if (u32) return decodeWith(buf, u32, false);
  const u16 = utf16Guess(buf, false);
  if (u16) return decodeWith(buf, u16, false);
  if (buf.subarray(0, 8192).includes(0)) {
    // UTF-16 of Chinese text alone: a NUL byte in some characters (一 is U+4E00), none in most
    const cjk16 = utf16Guess(buf, true);
    if (cjk16) return decodeWith(buf, cjk16, false);
    return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
  }
  // valid UTF-8, or UTF-8 cut off inside its last character
  const utf8 = decodeWith(buf, 'utf-8', false);
  if (!utf8.ok || !utf8.damaged) return utf8;
  const bad = firstInvalidUtf8(buf);
  if (cutOff(buf, bad) && firstInvalidUtf8(buf.subarray(0, bad)) < 0) return utf8;
  const cjk16 = utf16Guess(buf, true);
  if (cjk16) return decodeWith(buf, cjk16, false);
  const gb = decodeGb18030(buf, false);
  if (gb?.ok && plausibility(gb.text) >= 0.9) return gb;
  // UTF-8 with a few stray bytes (a byte of another encoding pasted in, a damaged copy): read, and said
  if (mostlyUtf8(buf, bad)) return utf8;
  return { ok: false, reason: UNREADABLE };
}

/** Whether bytes with invalid UTF-8 from `bad` on are UTF-8 with a few stray bytes: a few places in 50 non-ASCII characters invalid. */
function mostlyUtf8(buf: Uint8Array, bad: number): boolean {
  let multi = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] >= 0xc2 && buf[i] <= 0xf4) multi++;
  // a stray byte inside a character breaks the character and itself: two places
  const invalid = invalidPlaces(buf, bad, 3 + multi / 50);
  return invalid <= 2 + multi / 50 && multi >= 10 * invalid;
}

/** Encode text back into a file's encoding (a rewritten file keeps the encoding and BOM it had). */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  if (encoding === 'gb18030') return Buffer.concat([bom ? Buffer.from([0x84, 0x31, 0x95, 0x33]) : Buffer.alloc(0), iconv.encode(text, 'gb18030')]);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const b = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    if (encoding === 'utf-16be') b.swap16();
    return b;
  }
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return iconv.encode((bom ? '\ufeff' : '') + text, encoding === 'utf-32le' ? 'utf32le' : 'utf32be');
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
}
