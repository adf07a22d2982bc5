import { detectOcr } from '../../src/documents/inspection/ocr';
import { sandboxedValidate } from '../../src/documents/inspection/sandboxed-validate';
import type { ValidationResult } from '../../src/documents/inspection/validate-document';
import { EXPECTED_ORDER, PDF_FIXTURES, type PdfFixture } from '../fixtures/pdf-factory';
import { staleCompiledFiles } from './dist-freshness';

/**
 * Every fixture of the corpus through the sandbox (worker thread, heap and time limits), as the queue worker
 * will run it. OCR availability is detected at runtime: without tesseract-ocr-tha the scan must come back as
 * needs_manual_check with OCR_UNAVAILABLE.
 */
describe('document corpus through sandboxedValidate', () => {
  let ocrAvailable = false;

  beforeAll(async () => {
    expect(staleCompiledFiles()).toEqual([]); // run `npx tsc -p tsconfig.build.json` first
    const ocr = await detectOcr();
    ocrAvailable = ocr.available;
    if (!ocr.available)
      console.warn(`OCR unavailable (${ocr.reason}): scans are expected as needs_manual_check`);
  });

  const codes = (r: ValidationResult): string[] => r.findings.map((f) => f.code).sort();

  it.each(PDF_FIXTURES.map((f): [string, PdfFixture] => [f.name, f]))(
    '%s',
    async (_name, fixture) => {
      const result = await sandboxedValidate(await fixture.build(), EXPECTED_ORDER, { timeoutMs: 100_000 });
      const want =
        !ocrAvailable && fixture.whenOcrUnavailable ? fixture.whenOcrUnavailable : fixture.expected;
      const summary = { verdict: result.verdict, code: result.rejection?.code, findings: result.findings };
      expect({ verdict: summary.verdict, code: summary.code }).toEqual({
        verdict: want.verdict,
        code: want.code,
      });
      if (want.findings) expect(codes(result)).toEqual([...want.findings].sort());
      if (want.findingsInclude) expect(codes(result)).toEqual(expect.arrayContaining(want.findingsInclude));
      if (want.ocr !== undefined) expect(result.ocr).toBe(want.ocr);
      if (result.verdict === 'rejected') expect(result.rejection?.message).toMatch(/[\u0e00-\u0e7f]/);
    },
    120_000,
  );
});
