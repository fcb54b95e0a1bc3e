// Word (.docx) to report text: mammoth turns the document into HTML (tables with their merged cells),
// which is then read like any web page.
import { htmlToText } from './html';

export async function docxToText(buf: Uint8Array): Promise<string> {
  // loaded on first use: the CLI starts faster and the language server never needs it
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mammoth = require('mammoth') as typeof import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) }, { ignoreEmptyParagraphs: true });
  return htmlToText(value);
}
