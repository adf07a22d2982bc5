import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectOcr, ocrPdf } from '../../src/documents/inspection/ocr';
import { validateDocument } from '../../src/documents/inspection/validate-document';
import { findLoose, matchName } from '../../src/documents/text/thai-text';
import { EXPECTED_ORDER, PDF_FIXTURES } from '../fixtures/pdf-factory';

/**
 * OCR of the image-only order. Whether tesseract-ocr-tha and poppler-utils are installed is detected at runtime:
 * with them the Thai text must come back; without them the document must go to a person (OCR_UNAVAILABLE).
 */
const scanned = (): Promise<Buffer> => {
  const f = PDF_FIXTURES.find((x) => x.name === 'scanned order (image only)');
  if (!f) throw new Error('scanned fixture missing');
  return f.build();
};

describe('OCR of a scanned order', () => {
  let workDir = '';
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'ocr-spec-'));
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('reads the Thai text when tesseract-ocr-tha is installed, else says it is unavailable', async () => {
    const availability = await detectOcr();
    const result = await ocrPdf(await scanned(), { workDir });
    if (!availability.available) {
      expect(result).toEqual({ available: false, reason: availability.reason });
      return;
    }
    if (!result.available || !result.ok) throw new Error(`OCR failed: ${JSON.stringify(result)}`);
    expect(result.pages).toBe(1);
    expect(findLoose(result.text, 'คำสั่ง')).not.toBeNull();
    expect(findLoose(result.text, EXPECTED_ORDER.laoName)).not.toBeNull();
    expect(matchName(result.text, EXPECTED_ORDER.appointees[0])).not.toBeNull();
    expect(await readdir(workDir)).toEqual([]); // temp files removed
  }, 90_000);

  it('needs a manual check when OCR is switched off', async () => {
    const result = await validateDocument(await scanned(), EXPECTED_ORDER, { ocr: false });
    expect(result).toEqual({
      verdict: 'needs_manual_check',
      pages: 1,
      textLength: 0,
      ocr: false,
      findings: [{ code: 'OCR_UNAVAILABLE', severity: 'warn' }],
    });
  });

  it('needs a manual check when OCR fails', async () => {
    if (!(await detectOcr()).available) return; // nothing can fail without the tools
    const result = await validateDocument(await scanned(), EXPECTED_ORDER, {
      ocr: { lang: 'no-such-language', workDir },
    });
    expect(result).toMatchObject({
      verdict: 'needs_manual_check',
      ocr: true,
      findings: [{ code: 'OCR_FAILED' }],
    });
    expect(await readdir(workDir)).toEqual([]);
  }, 90_000);
});
