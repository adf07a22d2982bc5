import { extractPdf } from '../../src/documents/inspection/pdf-text';
import { findLoose, normalizeThai } from '../../src/documents/text/thai-text';
import { onePageObjects, pseudoRandomBytes, rawPdf } from '../fixtures/pdf-builders';
import { PDF_FIXTURES } from '../fixtures/pdf-factory';

/**
 * pdf-parse directly (Jest needs NODE_OPTIONS=--experimental-vm-modules for its fake worker). Also covers the
 * paths the structural inspector normally pre-empts: pdf.js is the second line of defence.
 */
const fixture = (name: string): Promise<Buffer> => {
  const f = PDF_FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f.build();
};

describe('extractPdf', () => {
  it('returns the page count and the text of each page', async () => {
    const result = await extractPdf(await fixture('30 pages'), { timeoutMs: 20_000 });
    if (!result.ok) throw new Error(result.detail);
    expect(result.pages).toBe(30);
    expect(result.pageTexts).toHaveLength(30);
    expect(normalizeThai(result.pageTexts[0])).toContain('คำสั่งองค์การบริหารส่วนตำบลคูเมือง ที่ 12/2568');
    // Sarabun's glyphs map back to the characters drawn, tone marks included: the text reads back exactly.
    expect(findLoose(result.pageTexts[29], 'เอกสารแนบท้ายคำสั่ง หน้า 30')).toMatchObject({ mode: 'exact' });
  });

  it.each([
    ['user-password encryption', 'DOCUMENT_ENCRYPTED'],
    ['owner-password-only encryption', 'DOCUMENT_ENCRYPTED'],
    ['120 pages', 'DOCUMENT_TOO_MANY_PAGES'],
    ['random bytes between %PDF-1.7 and %%EOF (pdf.js rejects)', 'DOCUMENT_CORRUPT'],
    ['PNG named .pdf', 'DOCUMENT_CORRUPT'],
  ])('maps %s to %s', async (name, code) => {
    expect(await extractPdf(await fixture(name), { timeoutMs: 20_000 })).toMatchObject({ ok: false, code });
  });

  it('honours maxPages', async () => {
    const result = await extractPdf(await fixture('30 pages'), { timeoutMs: 20_000, maxPages: 10 });
    expect(result).toMatchObject({ ok: false, code: 'DOCUMENT_TOO_MANY_PAGES', detail: '30 pages (max 10)' });
  });

  it('reports a PDF without pages as empty or corrupt, never as valid', async () => {
    const noPages = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
    const result = await extractPdf(noPages, { timeoutMs: 20_000 });
    expect(result.ok).toBe(false);
    expect(['DOCUMENT_EMPTY', 'DOCUMENT_CORRUPT']).toContain(result.ok ? undefined : result.code);
  });

  it('extracts nothing but succeeds on a blank page', async () => {
    expect(await extractPdf(rawPdf(onePageObjects()), { timeoutMs: 20_000 })).toEqual({
      ok: true,
      pages: 1,
      pageTexts: [''],
    });
  });

  it('maps garbage to DOCUMENT_CORRUPT', async () => {
    expect(await extractPdf(pseudoRandomBytes(2048), { timeoutMs: 20_000 })).toMatchObject({
      code: 'DOCUMENT_CORRUPT',
    });
  });
});
