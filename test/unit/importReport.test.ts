// The import command's readers run in a worker thread: the same text as reading in the server's own thread, and a
// file that takes too long is stopped with a reason (never a hang, never an exception).
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readReportBytes } from '../../server/src/io';
import { importReport, workerReaders } from '../../server/src/lsp/importReport';
import { ROOT } from './helpers';

const FORMATS = join(ROOT, 'test', 'fixtures', 'formats');

describe('import: readers in a worker thread', function () {
  this.timeout(60_000);

  for (const name of ['huaian-2024.pdf', 'shangwu-2020.docx', 'huaian-2024-gb2312.html', '001-gbk.txt']) {
    it(`${name}: the worker reads what the server's thread reads`, async () => {
      const bytes = readFileSync(join(FORMATS, name));
      const inWorker = await workerReaders()(name, bytes);
      const here = await readReportBytes(name, bytes);
      assert.ok(inWorker.ok, !inWorker.ok ? inWorker.reason : '');
      assert.deepStrictEqual(inWorker, here);
    });
  }

  it('a file that takes longer than the limit is stopped with a reason', async () => {
    const r = await workerReaders(1)('huaian-2024.pdf', readFileSync(join(FORMATS, 'huaian-2024.pdf')));
    assert.deepStrictEqual(r, { ok: false, reason: 'reading the file took longer than 0 s' });
  });

  it('importReport: bad requests and unreadable files give reasons', async () => {
    const read = workerReaders();
    assert.deepStrictEqual(await importReport(undefined, read), { ok: false, reason: 'no file given' });
    assert.deepStrictEqual(await importReport({ name: 'x.docx', data: '' }, read), { ok: false, reason: 'the file is empty' });
    const doc = await importReport({ name: 'old.doc', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString('base64') }, read);
    assert.ok(!doc.ok && /old binary Office file/.test(doc.reason));
  });
});
