import fc from 'fast-check';
import type { Route, Schema } from './openapi-routes';
import { ROLES, type Pools, type RoleName } from './world';

/** A JSON token written as is: numbers JSON.stringify cannot make (1e400, -0, 30 digits). */
export class RawJson {
  constructor(readonly text: string) {}
}
/** An object with its entries in order, duplicate keys allowed. */
export class Entries {
  constructor(readonly entries: [string, JsonLike][]) {}
}
export type JsonLike = null | boolean | number | string | RawJson | Entries | JsonLike[];

export interface GeneratedRequest {
  role: RoleName;
  method: string;
  path: string;
  query: string;
  contentType?: string;
  body?: string;
  idempotencyKey?: string;
  acceptLanguage?: string;
}

const ODD_CHARS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u200b',
  '\u200f',
  '\u202e',
  '\u0301',
  '\u0e31',
  '\u0e49',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udfff',
  '\u05d0',
  '\u0627',
  'ก',
  'a',
  '0',
  '%',
  '/',
  '\\',
  '"',
  "'",
  '.',
  '\n',
  '\r',
  '\t',
  ' ',
  '{',
  '[',
  '?',
  '#',
  '&',
  '=',
  '+',
];
const SPECIAL_STRINGS = [
  '',
  ' ',
  'ก่อน\u0000หลัง',
  'مرحبا\u202Eabc',
  'שלום עולם',
  'e\u0301\u0301\u0301\u0301',
  'ปั้นน้ำ',
  '\u0e49\u0e49\u0e49\u0e49',
  '\ud83d\ude00',
  '\ud800',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>x</script>',
  '${7*7}',
  '%00',
  '%zz',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e400',
  'NaN',
  '2025-02-30',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  'a'.repeat(64),
  'ก'.repeat(5000),
];

/** Strings a hostile client might send, short enough for a URL. */
export function hostileString(maxLength = 60): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...SPECIAL_STRINGS),
    fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength }),
    // Text with a NUL inside: PostgreSQL refuses it, so it is the likeliest way to a 500.
    fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 10 }))
      .map(([a, b]) => `${a}\u0000${b}`),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
}

const hugeString = fc.constantFrom('x'.repeat(300_000), 'ก'.repeat(100_000), '\u0000'.repeat(10_000));
const rawNumber = fc.constantFrom('1e400', '-0', '123456789012345678901234567890', '-1e-400', '0.1e1');
const deepNesting = fc.integer({ min: 20, max: 3000 }).map((n) => new RawJson('['.repeat(n) + ']'.repeat(n)));

/** Any JSON value of a few levels, with hostile strings at the leaves. */
const anyJson: fc.Arbitrary<JsonLike> = fc.letrec<{ value: JsonLike }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    hostileString(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileString(10), tie('value')), { maxLength: 3 }).map((e) => new Entries(e)),
  ),
})).value;

/** Something of the wrong kind for any field. */
const hostileValue: fc.Arbitrary<JsonLike> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: anyJson },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: rawNumber.map((t) => new RawJson(t)) },
  { weight: 1, arbitrary: deepNesting },
);

function plausibleString(name: string, schema: Schema, pools: Pools): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  const fromPool = /code/i.test(name) ? pools.code : /key/i.test(name) ? pools.serviceKey : pools.id;
  const options = [
    ...fromPool,
    'นายสมชาย ใจดี',
    'somchai@example.go.th',
    '2025-11-01',
    'a'.repeat(64),
    '๑๒',
    'view',
    'process',
  ];
  if (typeof schema.example === 'string') options.push(schema.example);
  return fc.constantFrom(...options);
}

/** A value of the declared type, from the world's own rows where that makes sense. */
function plausible(name: string, schema: Schema, pools: Pools, depth: number): fc.Arbitrary<JsonLike> {
  if (depth > 3) return fc.constant(null);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.constantFrom(0, 1, 2, 5, -1, 2568, 2_147_483_648, 1.5),
        fc.integer({ min: -10, max: 3000 }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(name, schema.items ?? {}, pools, depth + 1), { maxLength: 4 });
    case 'object':
      return objectFor(schema, pools, depth + 1);
    default:
      return schema.properties ? objectFor(schema, pools, depth + 1) : plausibleString(name, schema, pools);
  }
}

function fieldValue(name: string, schema: Schema, pools: Pools, depth: number): fc.Arbitrary<JsonLike> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible(name, schema, pools, depth) },
    { weight: 1, arbitrary: hostileValue },
  );
}

const extraKey = fc.oneof(
  fc.constantFrom('role', '__proto__', 'constructor', 'id', 'laoCode', 'a\u0000b', ''),
  hostileString(12),
);

/** An object after the schema: fields left out, of the wrong kind, unknown or given twice. */
function objectFor(schema: Schema, pools: Pools, depth = 0): fc.Arbitrary<Entries> {
  const fields = Object.entries(schema.properties ?? {}).map(([name, s]) =>
    fc.option(
      fieldValue(name, s, pools, depth).map((v): [string, JsonLike] => [name, v]),
      { freq: 4 },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.array(fc.tuple(extraKey, anyJson), { maxLength: 2 }),
      fc.option(fc.tuple(fc.nat(), anyJson), { freq: 4 }),
    )
    .map(([chosen, extra, duplicate]) => {
      const entries = chosen.filter((e): e is [string, JsonLike] => e !== null);
      const all: [string, JsonLike][] = [...entries, ...extra];
      if (duplicate && all.length > 0) all.push([all[duplicate[0] % all.length][0], duplicate[1]]);
      return new Entries(all);
    });
}

export function serialize(value: JsonLike): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof Entries)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  return JSON.stringify(value);
}

const otherBodies = fc.oneof(
  fc.record({
    contentType: fc.constant('application/json'),
    body: fc.constantFrom('{', '{"a":}', '', '\u0000', '[1,]'),
  }),
  fc.record({ contentType: fc.constant('application/json'), body: anyJson.map(serialize) }),
  fc.record({
    contentType: fc.constantFrom(
      'text/plain',
      'text/csv',
      'application/x-www-form-urlencoded',
      'application/xml',
    ),
    body: hostileString(200),
  }),
  fc.record({
    contentType: fc.constantFrom('multipart/form-data; boundary=xx', 'multipart/form-data'),
    body: fc.constantFrom(
      '--xx\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--xx--\r\n',
      '--xx',
      '',
    ),
  }),
  fc.record({ contentType: fc.constant('application/json; charset=utf-16'), body: fc.constant('{}') }),
);

function bodyFor(route: Route, pools: Pools): fc.Arbitrary<{ contentType?: string; body?: string }> {
  if (route.method === 'GET') return fc.constant({});
  const declared = route.body;
  if (declared?.contentType === 'application/json') {
    return fc.oneof(
      {
        weight: 6,
        arbitrary: objectFor(declared.schema, pools).map((e) => ({
          contentType: declared.contentType,
          body: serialize(e),
        })),
      },
      { weight: 2, arbitrary: otherBodies },
      { weight: 1, arbitrary: fc.constant({}) },
    );
  }
  if (declared?.contentType === 'text/csv') {
    const row = fc.array(hostileString(30), { maxLength: 6 }).map((cells) => cells.join(','));
    const csv = fc
      .array(row, { maxLength: 5 })
      .map((rows) => ['code,name_th,type,district_th,province_code', ...rows].join('\n'));
    return fc.oneof(
      csv.map((body) => ({ contentType: 'text/csv', body })),
      otherBodies,
    );
  }
  return fc.oneof(fc.constant({}), otherBodies);
}

const QUERY_EXTRAS = [
  'cursor',
  'limit',
  'q',
  'unread',
  'state',
  'province',
  'lao',
  'a[b]',
  'limit[]',
  '__proto__',
];

function queryFor(route: Route, pools: Pools): fc.Arbitrary<string> {
  const names = [...Object.keys(route.query), ...QUERY_EXTRAS];
  const value = (name: string): fc.Arbitrary<string> =>
    fc.oneof(
      route.query[name]
        ? plausible(name, route.query[name], pools, 0).map((v) => (typeof v === 'string' ? v : serialize(v)))
        : fc.constant('1'),
      fc.constantFrom('true', '0', '201', '-5', '1.5', 'eyJ4IjoxfQ', 'WyJ4IiwieSJd'),
      hostileString(),
    );
  const pair = fc.constantFrom(...names).chain((name) => value(name).map((v) => [name, v] as const));
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) =>
      pairs
        .map(([k, v]) => `${encodeLoose(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeLoose(v)}`)
        .join('&'),
    );
}

function pathFor(route: Route, pools: Pools): fc.Arbitrary<string> {
  const segment = (name: string): fc.Arbitrary<string> => {
    const pool = name === 'code' ? pools.code : name === 'serviceKey' ? pools.serviceKey : pools.id;
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pool) },
      {
        weight: 2,
        arbitrary: hostileString(200)
          .filter((s) => s.length > 0)
          .map(encodeLoose),
      },
      { weight: 1, arbitrary: fc.constantFrom('%zz', '%E0%B8', '%00', '..', '%2F', '%2e%2e') },
    );
  };
  return fc
    .tuple(...route.pathParams.map(segment))
    .map((values) =>
      route.pathParams.reduce((path, name, i) => path.replace(`{${name}}`, values[i]), route.template),
    );
}

/** encodeURIComponent, except that a lone surrogate goes out as its (invalid) UTF-8 bytes instead of throwing. */
export function encodeLoose(text: string): string {
  return text.replace(/[\s\S]/gu, (ch) => {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

/** One request to the route, as one of the roles, with everything a client controls generated. */
export function requestFor(route: Route, pools: Pools): fc.Arbitrary<GeneratedRequest> {
  return fc
    .record({
      role: fc.constantFrom(...ROLES),
      path: pathFor(route, pools),
      query: queryFor(route, pools),
      body: bodyFor(route, pools),
      idempotencyKey: fc.option(
        fc.oneof(fc.constantFrom('retry-key-0001', 'x'), fc.stringMatching(/^[A-Za-z0-9._:-]{8,20}$/)),
        { freq: 4 },
      ),
      acceptLanguage: fc.option(fc.constantFrom('en', 'th', 'en-US,th;q=0.5', '*', 'xx'), { freq: 3 }),
    })
    .map((r) => ({
      role: r.role,
      method: route.method,
      path: r.path,
      query: r.query,
      ...r.body,
      ...(r.idempotencyKey ? { idempotencyKey: r.idempotencyKey } : {}),
      ...(r.acceptLanguage ? { acceptLanguage: r.acceptLanguage } : {}),
    }));
}
