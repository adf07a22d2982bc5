import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPOOL_STALE_MS, sweepSpool } from '../../src/orders/documents/spool-sweeper';
import { createTestApp } from '../support/test-app';

/** Spool files a crash left behind are removed at start; live ones and unrelated files stay. */
describe('upload spool sweep', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dla-spool-sweep-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function seed(): Promise<{ stale: string; live: string; other: string }> {
    const stale = `dla-upload-${randomUUID()}.part`;
    const live = `dla-upload-${randomUUID()}.part`;
    const other = 'someone-elses-file.part';
    for (const name of [stale, live, other]) await writeFile(join(dir, name), '%PDF-1.7');
    const old = new Date(Date.now() - SPOOL_STALE_MS - 60_000);
    await utimes(join(dir, stale), old, old);
    await utimes(join(dir, other), old, old);
    return { stale, live, other };
  }

  it('removes only stale spool files', async () => {
    const { live, other } = await seed();
    expect(await sweepSpool(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([live, other].sort());
  });

  it('runs when the API starts', async () => {
    const { live, other } = await seed();
    const t = await createTestApp({ env: { UPLOAD_SPOOL_DIR: dir } });
    try {
      expect((await readdir(dir)).sort()).toEqual([live, other].sort());
    } finally {
      await t.close();
    }
  });
});
