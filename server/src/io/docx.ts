// Word (.docx) to report text: mammoth turns the document into HTML (tables with their merged cells),
// which is then read like any web page. The package is opened by our own ZIP reader (zip.ts), which checks the
// sizes in its central directory before inflating anything and inflates each part with a hard limit; mammoth reads
// the parts through it (its `file` input: an object with exists(name) and read(name, encoding)). Images are
// never read (the report's text is all that is checked).
import { htmlToText } from './html';
import { ZipError, ZipLimitError, ZipPackage } from './zip';

export class DocxError extends Error {}

const refused = (e: ZipError) => new DocxError(e instanceof ZipLimitError ? `the Word document is refused: ${e.message}` : `cannot read the Word document: ${e.message}`);

export async function docxToText(buf: Uint8Array): Promise<string> {
  let zip: ZipPackage;
  try {
    zip = new ZipPackage(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    if (e instanceof ZipError) throw refused(e);
    throw e;
  }
  const file = {
    exists: (name: string) => zip.exists(name),
    read: async (name: string, encoding?: string) => {
      const bytes = zip.read(name);
      if (encoding === 'base64') return bytes.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
  // loaded on first use: the CLI starts faster and the language server never needs it
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mammoth = require('mammoth') as typeof import('mammoth');
  const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
  try {
    const { value } = await mammoth.convertToHtml({ file } as unknown as Parameters<typeof mammoth.convertToHtml>[0], { ignoreEmptyParagraphs: true, convertImage: noImages });
    return htmlToText(value);
  } catch (e) {
    if (e instanceof ZipError) throw refused(e);
    throw e;
  }
}
