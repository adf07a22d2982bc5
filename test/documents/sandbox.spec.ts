import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxedValidate, workerEntryPath } from '../../src/documents/inspection/sandboxed-validate';
import { EXPECTED_ORDER, PDF_FIXTURES } from '../fixtures/pdf-factory';

/** The limits of the sandbox itself: wall clock, heap, size, and that nothing is left behind. */
/** Command lines of running processes that mention `text` (Linux /proc; the OCR tools get work paths as args). */
async function processesMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push(cmdline.replace(/\0/g, ' '));
  }
  return found;
}

const fixture = (name: string): Promise<Buffer> => {
  const f = PDF_FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f.build();
};

describe('sandboxedValidate', () => {
  it('runs the compiled worker entry', () => {
    expect(workerEntryPath()).toMatch(/dist\/src\/documents\/inspection\/validate-worker\.js$/);
  });

  it('terminates a validation that exceeds its wall-clock limit', async () => {
    const result = await sandboxedValidate(await fixture('order with Thai digits'), EXPECTED_ORDER, {
      timeoutMs: 5,
    });
    expect(result).toMatchObject({ verdict: 'rejected', rejection: { code: 'DOCUMENT_TOO_COMPLEX' } });
    expect(result.rejection?.detail).toMatch(/exceeded 5 ms/);
  });

  it('turns running out of heap into DOCUMENT_TOO_COMPLEX without harming this process', async () => {
    // pdf.js alone needs more than 8 MB of old generation: the worker dies of OOM, the test process does not.
    const result = await sandboxedValidate(await fixture('30 pages'), EXPECTED_ORDER, {
      maxOldGenerationSizeMb: 8,
    });
    expect(result).toMatchObject({ verdict: 'rejected', rejection: { code: 'DOCUMENT_TOO_COMPLEX' } });
    expect(result.rejection?.detail).toMatch(/heap/);
  });

  it('refuses an oversized upload before starting a worker', async () => {
    const result = await sandboxedValidate(Buffer.alloc(21 * 1024 * 1024), EXPECTED_ORDER);
    expect(result.rejection).toEqual({
      code: 'DOCUMENT_TOO_LARGE',
      message: 'ไฟล์มีขนาดเกิน 20 MB',
      messageEn: 'The file is larger than 20 MB',
      detail: expect.stringContaining('22020096 bytes'),
    });
  });

  it('leaves no work directory and no OCR process behind, also when it kills the worker', async () => {
    const workRoot = await mkdtemp(join(tmpdir(), 'sandbox-spec-'));
    try {
      await sandboxedValidate(await fixture('blank page'), EXPECTED_ORDER, { workRoot });
      // Usually killed while pdftoppm/tesseract run (timing-dependent; child-process.spec covers the kill itself).
      const killed = await sandboxedValidate(await fixture('scanned order (image only)'), EXPECTED_ORDER, {
        workRoot,
        timeoutMs: 1200,
      });
      expect(['valid', 'rejected']).toContain(killed.verdict);
      expect(await readdir(workRoot)).toEqual([]);
      expect(await processesMentioning(workRoot)).toEqual([]);
    } finally {
      await rm(workRoot, { recursive: true, force: true });
    }
  });

  it('validates documents concurrently', async () => {
    const buf = await fixture('order with Arabic digits');
    const results = await Promise.all([1, 2, 3].map(() => sandboxedValidate(buf, EXPECTED_ORDER)));
    expect(results.map((r) => r.verdict)).toEqual(['valid', 'valid', 'valid']);
  });
});
