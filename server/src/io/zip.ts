// Reading the parts of a ZIP package (a .docx) with bounded memory. The sizes come from the package's central
// directory and are checked before anything is inflated: the XML parts together may not exceed MAX_XML_BYTES, and
// no part may claim a compression ratio no real document has (a zip bomb). A part is then inflated with its declared
// size as a hard limit, so a directory that lies about a size is caught too. Never inflates more than it was allowed.
import { inflateRawSync } from 'node:zlib';

/**
 * Largest total of the XML parts of a Word document. A report's document.xml is 0.2 MiB (the fixtures, 5 pages with
 * their tables) to a few MiB; mammoth holds about 70 times the XML it reads in memory (8 MiB of document.xml took
 * 590 MB to read), so this cap is what bounds the memory a .docx can take.
 */
export const MAX_XML_BYTES = 16 * 1024 * 1024;
/**
 * Largest compression ratio of a part larger than 1 MiB. Word's XML compresses about 5–30 to 1 (the fixtures: 25);
 * DEFLATE cannot exceed about 1032 to 1, which is what zip bombs use.
 */
export const MAX_RATIO = 200;
/** More parts than any document package has (a report has a dozen, a few hundred with images). */
export const MAX_ENTRIES = 20_000;

export class ZipError extends Error {}
/** A package refused for its sizes (a zip bomb, or more than a document has), not for damage. */
export class ZipLimitError extends ZipError {}

interface Entry { name: string; method: number; flags: number; compressed: number; size: number; offset: number }

const MiB = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
/** Parts a reader of the document reads as text (the images and other binary parts are never inflated). */
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name) || !/\.[a-z0-9]{1,5}$/i.test(name);

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(private readonly buf: Buffer) {
    const eocd = this.findEnd();
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    let expectedEnd = cdOffset + cdSize;
    // ZIP64: the end record's fields are 0xFFFF…, the real ones are in the ZIP64 end record the locator points to
    const loc = eocd - 20;
    if (loc >= 0 && buf.readUInt32LE(loc) === 0x07064b50) {
      const z = Number(buf.readBigUInt64LE(loc + 8));
      if (z < 0 || z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) throw new ZipError('damaged ZIP64 end record');
      count = Number(buf.readBigUInt64LE(z + 32));
      cdSize = Number(buf.readBigUInt64LE(z + 40));
      cdOffset = Number(buf.readBigUInt64LE(z + 48));
      expectedEnd = cdOffset + cdSize + 56 + 20;
    }
    if (count > MAX_ENTRIES) throw new ZipLimitError(`${count} parts in the package (a document has far fewer; the limit is ${MAX_ENTRIES})`);
    // bytes before the package (as a self-extracting archive has) shift every offset
    const shift = eocd - expectedEnd;
    if (shift < 0) throw new ZipError('damaged ZIP package (the central directory lies outside the file)');
    let p = cdOffset + shift;
    let xmlTotal = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('damaged ZIP package (central directory)');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      let compressed = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
      let offset = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      // ZIP64 extended information: the 64-bit values of the fields set to 0xFFFFFFFF, in this order
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = buf.readUInt16LE(e), len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const next = () => { const v = q + 8 <= e + 4 + len ? Number(buf.readBigUInt64LE(q)) : NaN; q += 8; return v; };
          if (size === 0xffffffff) size = next();
          if (compressed === 0xffffffff) compressed = next();
          if (offset === 0xffffffff) offset = next();
        }
        e += 4 + len;
      }
      if (![size, compressed, offset].every(Number.isFinite)) throw new ZipError(`damaged ZIP package (sizes of ${name})`);
      if (flags & 1) throw new ZipError('the document is encrypted (a password is needed to read it)');
      if (isXmlPart(name)) {
        if (size > 1048576 && size > MAX_RATIO * Math.max(1, compressed)) {
          throw new ZipLimitError(`${name} would inflate from ${MiB(compressed)} to ${MiB(size)} (a compression ratio of ${Math.round(size / Math.max(1, compressed))} to 1; a zip bomb?)`);
        }
        xmlTotal += size;
        if (xmlTotal > MAX_XML_BYTES) throw new ZipLimitError(`its XML parts would inflate to more than ${MAX_XML_BYTES / 1048576} MiB (${name}: ${MiB(size)}); a report has a few MiB`);
      }
      this.entries.set(name, { name, method, flags, compressed, size, offset: offset + shift });
      p = extraEnd + commentLen;
    }
  }

  private findEnd(): number {
    const buf = this.buf;
    const stop = Math.max(0, buf.length - 22 - 65535);
    for (let i = buf.length - 22; i >= stop; i--) {
      if (buf[i] === 0x50 && buf.readUInt32LE(i) === 0x06054b50) return i;
    }
    throw new ZipError('damaged ZIP package (no end of central directory)');
  }

  exists(name: string): boolean { return this.entries.has(name); }

  names(): string[] { return [...this.entries.keys()]; }

  /** A part's bytes, inflated with its declared size as the limit, and every part read counted against the cap. */
  read(name: string): Buffer {
    const en = this.entries.get(name);
    if (!en) throw new ZipError(`no part ${name} in the package`);
    if (this.inflated + en.size > MAX_XML_BYTES) throw new ZipLimitError(`the parts read would inflate to more than ${MAX_XML_BYTES / 1048576} MiB`);
    const buf = this.buf;
    const h = en.offset;
    if (h < 0 || h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new ZipError(`damaged ZIP package (local header of ${name})`);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    if (start + en.compressed > buf.length) throw new ZipError(`damaged ZIP package (${name} is cut off)`);
    const data = buf.subarray(start, start + en.compressed);
    let out: Buffer;
    if (en.method === 0) out = data;
    else if (en.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, en.size) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ZipLimitError(`${name} inflates to more than the ${MiB(en.size)} its directory declares (a zip bomb?)`);
        }
        throw new ZipError(`damaged ZIP package (${name}: ${(e as Error).message})`);
      }
    } else throw new ZipError(`${name} is compressed with method ${en.method}, which cannot be read`);
    if (out.length !== en.size) throw new ZipError(`damaged ZIP package (${name} is ${out.length} bytes, its directory says ${en.size})`);
    this.inflated += out.length;
    return out;
  }
}
