import * as fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Realistic Thai appointment orders for the benchmark, drawn with pdf-lib and the Sarabun TTF from npm (as the test
 * fixtures are, so no system font package is needed): page 1 is the order (คำสั่ง ... ที่ n/ปี, the appointees),
 * pages 2-3 an annex listing duties and services. A small copy of test/fixtures/order-pdf.ts (bench code may not
 * import from test/).
 */
const FONT = '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf';

let font: Buffer | undefined;
function thaiFont(): Buffer {
  font ??= readFileSync(require.resolve(FONT));
  return font;
}

export interface BenchPerson {
  title: string;
  firstName: string;
  lastName: string;
  position: string;
}

export interface BenchOrder {
  laoName: string;
  orderNo: number;
  orderYear: number;
  people: BenchPerson[];
  pages: 1 | 2 | 3;
}

const SERVICES = [
  'ระบบจัดเก็บค่าธรรมเนียมขยะมูลฝอย',
  'ระบบขออนุญาตก่อสร้างอาคาร',
  'ระบบลงทะเบียนเบี้ยยังชีพผู้สูงอายุ',
  'ระบบรับเรื่องร้องเรียนร้องทุกข์',
  'ระบบภาษีที่ดินและสิ่งปลูกสร้าง',
];

function orderLines(o: BenchOrder): string[] {
  return [
    `คำสั่ง${o.laoName}`,
    `ที่ ${o.orderNo}/${o.orderYear}`,
    'เรื่อง แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงาน ระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัล',
    '',
    'ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้พัฒนาระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัล',
    'เพื่อให้การดำเนินงานเป็นไปด้วยความเรียบร้อย จึงแต่งตั้งผู้มีรายชื่อต่อไปนี้',
    ...o.people.map((p, i) => `${i + 1}. ${p.title}${p.firstName} ${p.lastName} ตำแหน่ง ${p.position}`),
    'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป',
    `สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. ${o.orderYear}`,
    '',
    '(นายประเสริฐ มั่นคง)',
    `นายก${o.laoName}`,
  ];
}

function annexLines(o: BenchOrder, page: number): string[] {
  return [
    `เอกสารแนบท้ายคำสั่ง${o.laoName} ที่ ${o.orderNo}/${o.orderYear} (หน้า ${page})`,
    'หน้าที่และความรับผิดชอบของผู้ได้รับแต่งตั้ง',
    ...SERVICES.map((s, i) => `${i + 1}. ดูแลและให้บริการ${s} ตามที่ได้รับมอบหมาย`),
    'ให้ผู้ดูแลระบบกำหนดสิทธิ์การใช้งานตามหน้าที่ และตรวจสอบการใช้งานอย่างสม่ำเสมอ',
    'ให้เจ้าหน้าที่ผู้ปฏิบัติงานรักษาความลับของข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562',
  ];
}

export async function benchOrderPdf(o: BenchOrder): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embedded = await doc.embedFont(thaiFont(), { subset: true });
  draw(doc.addPage([595, 842]), embedded, orderLines(o));
  for (let page = 2; page <= o.pages; page++) draw(doc.addPage([595, 842]), embedded, annexLines(o, page));
  return Buffer.from(await doc.save());
}

function draw(page: PDFPage, font: PDFFont, lines: string[]): void {
  const size = 15;
  const width = page.getWidth() - 100;
  let y = page.getHeight() - 70;
  for (const line of lines.flatMap((l) => wrap(l, font, size, width))) {
    if (line) page.drawText(line, { x: 50, y, size, font });
    y -= size * 1.6;
  }
}

function wrap(line: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(next, size) > width) {
      out.push(current);
      current = word;
    } else current = next;
  }
  out.push(current);
  return out;
}
