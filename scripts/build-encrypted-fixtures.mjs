// Builds the encrypted PDF fixtures once; they are committed under test/fixtures/encrypted, so the tests need no
// qpdf (pdf-lib cannot encrypt). Run again only to change them: `node scripts/build-encrypted-fixtures.mjs`
// (needs qpdf: apt-get install qpdf). Each is a short Thai order, AES-256 encrypted:
//   user-password.pdf    opens only with a password (user "user-secret", owner "owner-secret")
//   owner-password.pdf   opens without one, but carries owner restrictions (owner "owner-secret")
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../test/fixtures/encrypted/', import.meta.url));
const LINES = [
  'คำสั่งองค์การบริหารส่วนตำบลคูเมือง',
  'ที่ ๑๒/๒๕๖๘',
  'เรื่อง แต่งตั้งผู้ดูแลระบบ ระบบบริการประชาชนและบริหารท้องถิ่นดิจิทัล',
  '๑. นายสมชาย ใจดี ตำแหน่ง นักวิชาการคอมพิวเตอร์ เป็นผู้ดูแลระบบ',
  'สั่ง ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘',
];

async function orderPdf() {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fontPath = require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf');
  const font = await doc.embedFont(readFileSync(fontPath), { subset: true });
  const page = doc.addPage([595, 842]);
  LINES.forEach((line, i) => page.drawText(line, { x: 50, y: 770 - i * 26, size: 16, font }));
  return Buffer.from(await doc.save());
}

const dir = mkdtempSync(join(tmpdir(), 'encrypted-fixtures-'));
try {
  const plain = join(dir, 'plain.pdf');
  writeFileSync(plain, await orderPdf());
  for (const [name, userPassword] of [
    ['user-password.pdf', 'user-secret'],
    ['owner-password.pdf', ''],
  ]) {
    execFileSync('qpdf', ['--encrypt', userPassword, 'owner-secret', '256', '--', plain, join(OUT, name)]);
    console.log(`wrote test/fixtures/encrypted/${name} (${readFileSync(join(OUT, name)).length} bytes)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
