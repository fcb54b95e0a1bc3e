// Decoding report text files: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the text is
// recognisably UTF-16) and GB18030/GBK/GB2312 (what many government files are saved in), detected from the bytes.
// Anything else is refused with a reason rather than checked as garbage.
import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; bom: boolean }
  | { ok: false; reason: string };

const UNREADABLE = 'not valid UTF-8, UTF-16 or GB18030/GBK text';

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

function utf16Guess(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  // UTF-16 without a BOM: ASCII characters (digits, line ends, tabs) leave NUL bytes in every other byte;
  // of the two byte orders, the one that decodes to plausible report text wins
  const n = Math.min(buf.length - (buf.length % 2), 8192);
  if (n < 4) return undefined;
  let nul = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) nul++;
  if (nul < 0.02 * n) return undefined;
  let best: 'utf-16le' | 'utf-16be' | undefined, score = 0.97;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(enc).decode(buf.subarray(0, n));
    if (text.includes('\0')) continue;
    const p = plausibility(text);
    if (p > score) { score = p; best = enc; }
  }
  return best;
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

/** Decode with a known encoding (a BOM, if present, still wins). */
export function decodeAs(buf: Uint8Array, encoding: TextEncoding): DecodeResult {
  const bom = bomOf(buf);
  if (bom) return decodeText(buf);
  if (encoding === 'gb18030') return { ok: true, text: iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030'), encoding, bom: false };
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(buf), encoding, bom: false };
  } catch {
    return decodeText(buf);
  }
}

function bomOf(buf: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
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

/** Decode a text file's bytes, detecting the encoding. */
export function decodeText(buf: Uint8Array): DecodeResult {
  const bom = bomOf(buf);
  if (bom) {
    const body = buf.subarray(bom.length);
    const text = bom.encoding === 'gb18030' ? iconv.decode(Buffer.from(body), 'gb18030') : new TextDecoder(bom.encoding).decode(body);
    return { ok: true, text, encoding: bom.encoding, bom: true };
  }
  const u16 = utf16Guess(buf);
  if (u16) return { ok: true, text: new TextDecoder(u16).decode(buf.subarray(0, buf.length - (buf.length % 2))), encoding: u16, bom: false };
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', bom: false };
  } catch {
    // a UTF-8 file cut off inside its last character is still UTF-8
    for (let k = 1; k <= 3 && k < buf.length; k++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, buf.length - k));
        return { ok: true, text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8', bom: false };
      } catch { /* keep trying */ }
    }
  }
  if (validGb18030(buf)) {
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
    if (plausibility(text) >= 0.9) return { ok: true, text, encoding: 'gb18030', bom: false };
  }
  return { ok: false, reason: UNREADABLE };
}

/** Encode text back into a file's encoding (a rewritten file keeps the encoding and BOM it had). */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  if (encoding === 'gb18030') return Buffer.concat([bom ? Buffer.from([0x84, 0x31, 0x95, 0x33]) : Buffer.alloc(0), iconv.encode(text, 'gb18030')]);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const b = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    if (encoding === 'utf-16be') b.swap16();
    return b;
  }
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
}
