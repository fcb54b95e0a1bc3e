// Generators of hostile inputs for the tests (large ones are made by the test, never committed): ZIP packages with
// parts whose sizes lie or whose compression ratio is a zip bomb's, PDFs of many pages, and a reader of a child
// process's peak memory.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type ZipPart =
  | { name: string; data: Buffer }
  /** A part given as a raw DEFLATE stream, with the sizes its directory entry declares (they may lie). */
  | { name: string; deflated: Buffer; size: number; crc?: number };

/** A ZIP package (ZIP64 extended information on every entry when zip64 is set, as large packages have). */
export function zipOf(parts: ZipPart[], zip64 = false): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = 'data' in part ? deflateRawSync(part.data) : part.deflated;
    const size = 'data' in part ? part.data.length : part.size;
    const crc = 'data' in part ? crc32(part.data) : part.crc ?? 0;
    const u32 = (v: number) => (zip64 ? 0xffffffff : v);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0); extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4); extra.writeBigUInt64LE(BigInt(data.length), 12); extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(zip64 ? 45 : 20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(u32(data.length), 18); local.writeUInt32LE(u32(size), 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(45, 4); cd.writeUInt16LE(zip64 ? 45 : 20, 6); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16); cd.writeUInt32LE(u32(data.length), 20); cd.writeUInt32LE(u32(size), 24);
    cd.writeUInt16LE(name.length, 28); cd.writeUInt16LE(extra.length, 30); cd.writeUInt32LE(u32(offset), 42);
    chunks.push(local, name, data);
    central.push(cd, name, extra);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/**
 * A raw DEFLATE stream that inflates to `mib` MiB of the same XML text, made without ever holding that much:
 * one MiB compressed with a full flush (a byte-aligned block that needs nothing before it) repeated, then an
 * empty final block. About 1 KiB per MiB, the ratio of a zip bomb.
 */
export function bombStream(mib: number, unit = ' '): Buffer {
  const text = Buffer.from(unit.repeat(Math.ceil(1048576 / unit.length)).slice(0, 1048576));
  const block = deflateRawSync(text, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const out = Buffer.alloc(block.length * mib + 2);
  for (let i = 0; i < mib; i++) block.copy(out, i * block.length);
  out[out.length - 2] = 0x03; out[out.length - 1] = 0x00; // final fixed-Huffman block with no data
  return out;
}

/** The smallest Word package mammoth reads: content types and the main document. */
export function docxOf(documentXml: Buffer | string | { deflated: Buffer; size: number }, zip64 = false): Buffer {
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    + 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const doc: ZipPart = typeof documentXml === 'string' || Buffer.isBuffer(documentXml)
    ? { name: 'word/document.xml', data: Buffer.from(documentXml) }
    : { name: 'word/document.xml', ...documentXml };
  return zipOf([{ name: '[Content_Types].xml', data: Buffer.from(types) }, doc], zip64);
}

/** document.xml of paragraphs (one per line of text). */
export function documentXmlOf(lines: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    + lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('') + '</w:body></w:document>';
}

/** A PDF of `pages` pages, each with one line of text (Helvetica, ASCII), with a correct cross-reference table. */
export function pdfOfPages(pages: number, line = (p: number) => `Page ${p} of the report`): Buffer {
  const objs: string[] = [];
  const kids: string[] = [];
  // 1 catalog, 2 page tree, 3 font; then page k: object 4 + 2k, its content 5 + 2k
  for (let k = 0; k < pages; k++) kids.push(`${4 + 2 * k} 0 R`);
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Count ${pages} /Kids [${kids.join(' ')}] >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let k = 0; k < pages; k++) {
    const stream = `BT /F1 12 Tf 72 720 Td (${line(k + 1)}) Tj ET`;
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * k} 0 R >>`);
    objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  const parts: string[] = ['%PDF-1.4\n'];
  let pos = parts[0].length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    const s = `${i + 1} 0 obj\n${o}\nendobj\n`;
    offsets.push(pos);
    parts.push(s);
    pos += Buffer.byteLength(s, 'latin1');
  });
  const xref = [`xref\n0 ${objs.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(xref, `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

export const TIME = '/usr/bin/time';
/** Whether GNU time can report the child's peak memory; without it the child reports its own (see maxrss-preload). */
export const haveTime = existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');

export interface Measured { status: number | null; stdout: string; stderr: string; maxRssMiB: number; how: string }

export const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Run `node args…` and measure its peak resident memory: with `/usr/bin/time -v` when present, else from
 * process.resourceUsage().maxRSS reported by the child itself at exit (a preloaded module). `input` is a shell
 * command piped into the child's standard input, or `< file`.
 */
export function measured(args: string[], input = '', opts: SpawnOptions = {}): Promise<Measured> {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'nianbao-rss-')), 'maxrss');
  const node = [process.execPath, ...(haveTime ? [] : ['--require', join(__dirname, 'maxrss-preload.js')]), ...args].map(sh).join(' ');
  const cmd = input.startsWith('<') ? `${haveTime ? TIME + ' -v ' : ''}${node} ${input}` : `${input ? input + ' | ' : ''}${haveTime ? TIME + ' -v ' : ''}${node}`;
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', cmd], { ...opts, env: { ...(opts.env ?? process.env), NIANBAO_MAXRSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => { if (stdout.length < 1 << 22) stdout += d; });
    child.stderr!.setEncoding('utf8').on('data', (d) => { if (stderr.length < 1 << 22) stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      rmSync(dirname(rssFile), { recursive: true, force: true });
      if (haveTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        const e = /Exit status: (\d+)/.exec(stderr);
        const own = stderr.search(/(Command exited with non-zero status \d+\n)?\tCommand being timed:/);
        resolve({ status: e ? Number(e[1]) : status, stdout, stderr: own >= 0 ? stderr.slice(0, own) : stderr, maxRssMiB: m ? Number(m[1]) / 1024 : NaN, how: '/usr/bin/time -v' });
      } else {
        resolve({ status, stdout, stderr, maxRssMiB: kb / 1024, how: 'process.resourceUsage().maxRSS' });
      }
    });
  });
}
