import { PDFDocument } from 'pdf-lib';
import { withTool } from '../../fixtures/pdf-builders';

/**
 * A scan of `textPdf`: its first page rendered to a PNG and placed on `pages` image-only pages. Without a
 * text layer the worker OCRs it (pdftoppm + tesseract, up to three pages): a document that is slow to
 * validate for a real reason, a few seconds per page.
 */
export async function scannedPdf(textPdf: Buffer, pages: number): Promise<Buffer> {
  const png = await withTool(
    'pdftoppm',
    textPdf,
    (i, o) => ['-r', '150', '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', i, o],
    'out.png',
  );
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  for (let i = 0; i < pages; i++)
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}
