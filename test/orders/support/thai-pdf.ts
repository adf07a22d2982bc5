import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const THAI_FONTS = [
  '/usr/share/fonts/truetype/tlwg/Laksaman.ttf',
  '/usr/share/fonts/truetype/tlwg/Garuda.ttf',
];

/** A one-page order drawn with pdf-lib, in Thai when a TLWG font is installed (else Latin placeholders). */
export async function thaiOrderPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fontPath = THAI_FONTS.find((p) => existsSync(p));
  const font = fontPath
    ? await doc.embedFont(readFileSync(fontPath), { subset: true })
    : await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  let y = 780;
  for (const line of lines) {
    const text = fontPath ? line : line.replace(/[^\x20-\x7e]/g, '?');
    page.drawText(text, { x: 60, y, size: 14, font });
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
