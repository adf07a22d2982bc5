import * as fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { thaiFontBytes } from '../../fixtures/thai-font';

/** A one-page order drawn with pdf-lib in Thai (the Sarabun TTF from npm, see test/fixtures/thai-font.ts). */
export async function thaiOrderPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(thaiFontBytes(), { subset: true });
  const page = doc.addPage([595, 842]);
  let y = 780;
  for (const line of lines) {
    page.drawText(line, { x: 60, y, size: 14, font });
    y -= 24;
  }
  return Buffer.from(await doc.save());
}

export function orderTextLines(input: {
  laoName: string;
  orderNo: number;
  orderYear: number;
  names: string[];
}): string[] {
  return [
    `คำสั่ง${input.laoName}`,
    `ที่ ${input.orderNo}/${input.orderYear}`,
    'เรื่อง แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงาน ระบบ Digital DLA',
    'จึงแต่งตั้งผู้มีรายชื่อต่อไปนี้',
    ...input.names.map((n, i) => `${i + 1}. ${n}`),
    'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป',
  ];
}
