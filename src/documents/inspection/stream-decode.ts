import { Unzlib } from 'fflate';

/**
 * Decodes stream bodies for inspection under a shared output budget, so a "zip bomb" (a few KB that inflate to
 * gigabytes) is refused after `budget` bytes instead of exhausting memory.
 */
export class DecodeBudget {
  constructor(public remaining: number) {}
}

export type DecodeResult =
  | { kind: 'ok'; data: Buffer }
  | { kind: 'over-budget' }
  | { kind: 'unsupported'; filter: string }
  | { kind: 'error'; message: string };

export function decodeStream(data: Buffer, filters: readonly string[], budget: DecodeBudget): DecodeResult {
  let current = data;
  for (const filter of filters) {
    let next: Buffer | 'over-budget';
    try {
      if (filter === 'FlateDecode') next = inflateCapped(current, budget);
      else if (filter === 'ASCIIHexDecode') next = asciiHex(current);
      else if (filter === 'ASCII85Decode') next = ascii85(current, budget);
      else return { kind: 'unsupported', filter };
    } catch (e: unknown) {
      return { kind: 'error', message: `${filter}: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (next === 'over-budget' || next.length > budget.remaining) return { kind: 'over-budget' };
    budget.remaining -= next.length;
    current = next;
  }
  return { kind: 'ok', data: current };
}

/**
 * fflate, not node:zlib: this runs in the validation threads, which are terminated when a document runs out
 * of time, and Node aborts the whole process when a thread dies between creating a zlib handle and
 * initialising it ("close before init"). Pure JS leaves nothing native half-made.
 */
function inflateCapped(data: Buffer, budget: DecodeBudget): Buffer | 'over-budget' {
  if (budget.remaining <= 0) return data.length === 0 ? data : 'over-budget';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > budget.remaining) throw OVER_BUDGET;
    chunks.push(chunk);
  });
  const input = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  try {
    // Small slices of input (deflate expands at most ~1032:1), so a bomb is stopped within a few MB of the
    // budget. Never final: a truncated stream yields what it has (pdf.js is as lenient) instead of throwing.
    for (let at = 0; at < input.length; at += INFLATE_SLICE) {
      inflater.push(input.subarray(at, at + INFLATE_SLICE), false);
    }
  } catch (e: unknown) {
    if (e === OVER_BUDGET) return 'over-budget';
    throw e;
  }
  return Buffer.concat(chunks, total);
}

const OVER_BUDGET = new Error('inflate output over budget');
const INFLATE_SLICE = 4096;

function asciiHex(data: Buffer): Buffer {
  const text = data.toString('latin1');
  const end = text.indexOf('>');
  const hex = (end >= 0 ? text.slice(0, end) : text).replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function ascii85(data: Buffer, budget: DecodeBudget): Buffer | 'over-budget' {
  const text = data.toString('latin1');
  const end = text.indexOf('~>');
  const body = (end >= 0 ? text.slice(0, end) : text).replace(/\s/g, '').replaceAll('\0', '');
  // Each "z" stands for 4 zero bytes: bound the output before allocating it.
  const zeros = body.split('z').length - 1;
  const bound = zeros * 4 + Math.ceil(((body.length - zeros) * 4) / 5);
  if (bound > budget.remaining) return 'over-budget';
  const out = Buffer.alloc(bound);
  let length = 0;
  let group: number[] = [];
  const flush = (n: number): void => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (i < group.length ? group[i] : 84);
    for (let i = 0; i < n - 1; i++) out[length++] = Math.floor(value / 2 ** (24 - 8 * i)) & 0xff;
  };
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      length += 4;
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) throw new Error(`invalid ASCII85 character ${JSON.stringify(ch)}`);
    group.push(c);
    if (group.length === 5) {
      flush(5);
      group = [];
    }
  }
  if (group.length > 1) flush(group.length);
  return out.subarray(0, length);
}
