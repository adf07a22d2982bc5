import { CsvError, parse, type CastingContext } from 'csv-parse/sync';

/** One physical record of a CSV file and the line it starts on (as a text editor numbers it). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The file cannot be read as CSV at all (an unclosed quote, a stray quote inside a field). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`CSV syntax error at line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Parses UTF-8 CSV (with or without BOM, LF or CRLF, quoted fields with commas, quotes and line
 * breaks). csv-parse reports where a record ends; a record may span several lines, so its start
 * line is found from the byte offset where the previous record ended.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const buffer = Buffer.from(text, 'utf8');
  const lineOf = lineIndex(buffer);
  const records: CsvRecord[] = [];
  let previousEnd = 0;
  try {
    parse(buffer, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (fields: string[], context: CastingContext & { bytes?: number }) => {
        records.push({ line: lineOf(startOfRecord(buffer, previousEnd)), fields });
        previousEnd = context.bytes ?? previousEnd;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError)
      throw new CsvSyntaxError(lineOf(startOfRecord(buffer, previousEnd)), error.code);
    throw error;
  }
  return records;
}

/** Skips the BOM and the empty lines csv-parse passed over before a record. */
function startOfRecord(buffer: Buffer, from: number): number {
  let at = from === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : from;
  while (at < buffer.length && (buffer[at] === LF || buffer[at] === CR)) at += 1;
  return at;
}

/** Line number (1-based) of a byte offset, by binary search over the offsets of the line feeds. */
function lineIndex(buffer: Buffer): (offset: number) => number {
  const feeds: number[] = [];
  for (let i = buffer.indexOf(LF); i !== -1; i = buffer.indexOf(LF, i + 1)) feeds.push(i);
  return (offset) => {
    let low = 0;
    let high = feeds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (feeds[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}
