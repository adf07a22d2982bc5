import { deflateSync, inflateSync } from 'node:zlib';
import { inspectPdfBytes } from '../../src/documents/inspection/pdf-inspector';
import { DecodeBudget, decodeStream } from '../../src/documents/inspection/stream-decode';
import { onePageObjects, rawPdf, streamObject, zerosBomb } from '../fixtures/pdf-builders';

/** Fast, direct tests of the raw-byte inspector on hand-made PDFs (the corpus spec covers real producers). */

const codeOf = (buf: Buffer): string | undefined => {
  const v = inspectPdfBytes(buf);
  return v.ok ? undefined : v.code;
};

/** An object stream holding `objects` (number, body), encoded with `encode` (Flate by default). */
function objectStream(
  objects: ReadonlyArray<readonly [number, string]>,
  encode: { filter: string; data: (b: Buffer) => Buffer } = {
    filter: '/FlateDecode',
    data: (b) => deflateSync(b),
  },
  extraDict = '',
): Buffer {
  let offset = 0;
  const header: string[] = [];
  const bodies: string[] = [];
  for (const [num, body] of objects) {
    header.push(`${num} ${offset}`);
    bodies.push(body);
    offset += body.length + 1;
  }
  const head = `${header.join(' ')}\n`;
  const plain = Buffer.from(head + bodies.join('\n'), 'latin1');
  const dict = `/Type /ObjStm /N ${objects.length} /First ${head.length} /Filter ${encode.filter} ${extraDict}`;
  return streamObject(dict, encode.data(plain));
}

/** ASCII85 encoder (ISO 32000-1 §7.4.3) for the test data; "z" for all-zero groups. */
function ascii85(data: Buffer): Buffer {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const group = Buffer.alloc(4);
    data.copy(group, 0, i, i + 4);
    const n = Math.min(4, data.length - i);
    let v = group.readUInt32BE(0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += n === 4 && v === 0 && group.readUInt32BE(0) === 0 ? 'z' : digits.slice(0, n + 1).join('');
  }
  return Buffer.from(`${out}~>`, 'latin1');
}

describe('decodeStream', () => {
  it('round-trips ASCII85 including "z" groups and a partial last group', () => {
    const data = Buffer.concat([Buffer.from('/JavaScript'), Buffer.alloc(8), Buffer.from('xy')]);
    expect(decodeStream(ascii85(data), ['ASCII85Decode'], new DecodeBudget(1000))).toEqual({
      kind: 'ok',
      data,
    });
  });

  it('refuses an ASCII85 "z" bomb before allocating it', () => {
    const zs = Buffer.from(`${'z'.repeat(1000)}~>`);
    expect(decodeStream(zs, ['ASCII85Decode'], new DecodeBudget(100))).toEqual({ kind: 'over-budget' });
  });
});

describe('inspectPdfBytes', () => {
  it('accepts a minimal PDF, also with trailing whitespace and NULs after %%EOF', () => {
    expect(inspectPdfBytes(rawPdf(onePageObjects()))).toEqual({ ok: true });
    expect(codeOf(Buffer.concat([rawPdf(onePageObjects()), Buffer.from('\r\n\0\0 \n')]))).toBeUndefined();
  });

  it.each([
    ['empty', Buffer.alloc(0), 'DOCUMENT_EMPTY'],
    ['whitespace only', Buffer.from(' \n\r\n'), 'DOCUMENT_EMPTY'],
    ['no header', Buffer.from('hello %PDF-1.7'), 'DOCUMENT_NOT_PDF'],
    [
      'header not at offset 0',
      Buffer.concat([Buffer.from(' '), rawPdf(onePageObjects())]),
      'DOCUMENT_NOT_PDF',
    ],
    ['no %%EOF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'DOCUMENT_CORRUPT'],
    [
      'data after %%EOF',
      Buffer.concat([rawPdf(onePageObjects()), Buffer.from('<script>')]),
      'DOCUMENT_POLYGLOT',
    ],
  ])('%s → %s', (_what, buf, code) => expect(codeOf(buf)).toBe(code));

  it('finds a ZIP interleaved before %%EOF', () => {
    const pdf = rawPdf([...onePageObjects(), 'PK\x03\x04\x14\x00 not a pdf object']);
    expect(codeOf(pdf)).toBe('DOCUMENT_POLYGLOT');
  });

  it('refuses /Encrypt wherever it is', () => {
    expect(codeOf(rawPdf(onePageObjects(), '/Encrypt 9 0 R '))).toBe('DOCUMENT_ENCRYPTED');
    expect(codeOf(rawPdf(onePageObjects(), '/Encr#79pt 9 0 R '))).toBe('DOCUMENT_ENCRYPTED');
  });

  it.each([
    '/Names << /JavaScript 4 0 R >>',
    '/AA << /WC 4 0 R >>',
    '/Names << /EmbeddedFiles 4 0 R >>',
    '/AcroForm << /XFA 4 0 R >>',
    '/X << /S /Launch /F (calc.exe) >>',
    '/X << /Type /RichMedia >>',
    '/X << /S /JavaScript /JS (x) >>',
    '/X << /EF << /F 4 0 R >> >>',
  ])('refuses active content %s', (catalogExtra) => {
    expect(codeOf(rawPdf(onePageObjects(catalogExtra)))).toBe('DOCUMENT_ACTIVE_CONTENT');
  });

  it.each(['/J#61vaScript', '/#4a#53', '/L#61#75nch', '/#41A', '/RichM#65dia'])(
    'decodes hex-escaped name %s',
    (name) => {
      expect(codeOf(rawPdf(onePageObjects(`/X << ${name} 4 0 R >>`)))).toBe('DOCUMENT_ACTIVE_CONTENT');
    },
  );

  it('does not confuse longer names with active ones', () => {
    expect(codeOf(rawPdf(onePageObjects('/JSX 1 /AAB 2 /Launcher 3 /OpenActionX 4')))).toBeUndefined();
  });

  describe('/OpenAction', () => {
    it.each([
      ['a destination array', '/OpenAction [3 0 R /Fit]', []],
      ['a direct /GoTo', '/OpenAction << /S /GoTo /D [3 0 R /XYZ 0 842 0] >>', []],
      ['an indirect /GoTo', '/OpenAction 4 0 R', ['<< /S /GoTo /D [3 0 R /Fit] >>']],
      ['an indirect destination array', '/OpenAction 4 0 R', ['[3 0 R /FitH 842]']],
    ])('accepts %s', (_what, catalog, extra) => {
      expect(codeOf(rawPdf([...onePageObjects(catalog), ...extra]))).toBeUndefined();
    });

    it.each([
      ['a /URI action', '/OpenAction << /S /URI /URI (https://evil.example) >>', []],
      [
        'a /GoTo chained with /Next',
        '/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 4 0 R >>',
        ['<< /S /URI >>'],
      ],
      ['a reference to a missing object', '/OpenAction 9 0 R', []],
      ['an indirect /SubmitForm', '/OpenAction 4 0 R', ['<< /S /SubmitForm /F (x) >>']],
    ])('refuses %s', (_what, catalog, extra) => {
      expect(codeOf(rawPdf([...onePageObjects(catalog), ...extra]))).toBe('DOCUMENT_ACTIVE_CONTENT');
    });

    it('resolves its target inside an object stream', () => {
      const ok = rawPdf([
        ...onePageObjects('/OpenAction 5 0 R'),
        objectStream([[5, '<< /S /GoTo /D [3 0 R /Fit] >>']]),
      ]);
      expect(codeOf(ok)).toBeUndefined();
      const bad = rawPdf([
        ...onePageObjects('/OpenAction 5 0 R'),
        objectStream([[5, '<< /S /Im#70ortData >>']]),
      ]);
      expect(codeOf(bad)).toBe('DOCUMENT_ACTIVE_CONTENT');
    });
  });

  describe('inside streams', () => {
    it('finds names hidden in Flate, ASCIIHex and ASCII85 object streams', () => {
      const flate = objectStream([[5, '<< /S /JavaScript /JS (app.alert\\(1\\)) >>']]);
      expect(codeOf(rawPdf([...onePageObjects(), flate]))).toBe('DOCUMENT_ACTIVE_CONTENT');
      const hex = objectStream([[5, '<< /AA 6 0 R >>']], {
        filter: '[/ASCIIHexDecode /FlateDecode]',
        data: (b) => Buffer.from(`${deflateSync(b).toString('hex')}>`, 'latin1'),
      });
      expect(codeOf(rawPdf([...onePageObjects(), hex]))).toBe('DOCUMENT_ACTIVE_CONTENT');
      const a85 = objectStream([[5, '<< /S /Launch /F (x) >>']], {
        filter: '[/ASCII85Decode /FlateDecode]',
        data: (b) => ascii85(deflateSync(b)),
      });
      expect(codeOf(rawPdf([...onePageObjects(), a85]))).toBe('DOCUMENT_ACTIVE_CONTENT');
    });

    it('finds names in a compressed content stream', () => {
      const content = streamObject(
        '/Filter /FlateDecode',
        deflateSync(Buffer.from('BT /EmbeddedFile 1 Tf ET')),
      );
      expect(codeOf(rawPdf([...onePageObjects('', '/Contents 4 0 R'), content]))).toBe(
        'DOCUMENT_ACTIVE_CONTENT',
      );
    });

    it('does not scan image or font payloads, where names are inert bytes', () => {
      const image = streamObject(
        '/Subtype /Image /Width 2 /Height 2 /Filter /FlateDecode',
        deflateSync(Buffer.from('/JS (x)')),
      );
      const font = streamObject('/Length1 7 /Filter /FlateDecode', deflateSync(Buffer.from('/AA (x)')));
      expect(codeOf(rawPdf([...onePageObjects(), image, font]))).toBeUndefined();
    });

    it('counts font programs against the budget (pdf.js inflates them) but not images (nothing does)', () => {
      const bomb = zerosBomb(64 << 20);
      const font = streamObject('/Length1 1 /Filter /FlateDecode', bomb);
      expect(codeOf(rawPdf([...onePageObjects(), font]))).toBe('DOCUMENT_TOO_COMPLEX');
      const image = streamObject(
        '/Subtype /Image /Width 8192 /Height 8192 /BitsPerComponent 8 /Filter /FlateDecode',
        bomb,
      );
      expect(codeOf(rawPdf([...onePageObjects(), image]))).toBeUndefined();
    });

    it('does not take "stream" inside a binary body for a new stream', () => {
      const body = Buffer.from('binary stream\n/JavaScript endstrea', 'latin1');
      const image = streamObject('/Subtype /Image /Width 1 /Height 1', body);
      expect(codeOf(rawPdf([...onePageObjects(), image]))).toBeUndefined();
    });

    it('refuses an object stream it cannot decode or read', () => {
      const broken = objectStream([[5, '<<>>']], {
        filter: '/FlateDecode',
        data: () => Buffer.from('not zlib at all'),
      });
      expect(codeOf(rawPdf([...onePageObjects(), broken]))).toBe('DOCUMENT_CORRUPT');
      const lzw = objectStream([[5, '<<>>']], { filter: '/LZWDecode', data: (b) => b });
      expect(codeOf(rawPdf([...onePageObjects(), lzw]))).toBe('DOCUMENT_TOO_COMPLEX');
      const predicted = objectStream([[5, '<<>>']], undefined, '/DecodeParms << /Predictor 12 /Columns 4 >>');
      expect(codeOf(rawPdf([...onePageObjects(), predicted]))).toBe('DOCUMENT_TOO_COMPLEX');
    });

    it('tolerates a damaged content stream (pdf.js does too)', () => {
      const content = streamObject('/Filter /FlateDecode', Buffer.from('garbage'));
      expect(codeOf(rawPdf([...onePageObjects('', '/Contents 4 0 R'), content]))).toBeUndefined();
    });
  });

  describe('inflate budget', () => {
    it('builds a valid zlib stream of zeros without holding it', () => {
      const bomb = zerosBomb(4 << 20);
      expect(bomb.length).toBeLessThan(20_000);
      const plain = inflateSync(bomb); // also verifies the Adler-32
      expect(plain.length).toBe(4 << 20);
      expect(plain.every((b) => b === 0)).toBe(true);
    });

    it('refuses streams that inflate past the budget, counted across streams', () => {
      const stream = streamObject('/Filter /FlateDecode', zerosBomb(8 << 20));
      const pdf = rawPdf([...onePageObjects('', '/Contents 4 0 R'), stream, stream]);
      expect(inspectPdfBytes(pdf)).toEqual({ ok: true });
      expect(inspectPdfBytes(pdf, { inflateBudgetBytes: 12 << 20 })).toMatchObject({
        ok: false,
        code: 'DOCUMENT_TOO_COMPLEX',
      });
    });

    it('stops a 1 GB bomb quickly', () => {
      const pdf = rawPdf([
        ...onePageObjects('', '/Contents 4 0 R'),
        streamObject('/Filter /FlateDecode', zerosBomb(1 << 30)),
      ]);
      const started = Date.now();
      expect(codeOf(pdf)).toBe('DOCUMENT_TOO_COMPLEX');
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('caps the number of streams', () => {
      const s = streamObject('', Buffer.from('q Q'));
      expect(inspectPdfBytes(rawPdf([...onePageObjects(), s, s, s]), { maxStreams: 2 })).toMatchObject({
        code: 'DOCUMENT_TOO_COMPLEX',
      });
    });
  });
});
