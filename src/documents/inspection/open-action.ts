import { balancedDict, decodeNamesIn } from './pdf-syntax';

/** Returns the text of indirect object `num gen`, or undefined when the file does not define it. */
export type ObjectResolver = (num: number, gen: number) => string | undefined;

const MAX_INDIRECTIONS = 8;

/**
 * Judges the value that follows an /OpenAction name. A destination (an array, or a name/string for a named
 * destination) and a plain /GoTo action only jump to a page: harmless, and common in Word/LibreOffice exports.
 * Any other action (JavaScript, Launch, URI, SubmitForm, …), a /Next chain, or a reference we cannot resolve is
 * refused. Returns a problem description, or undefined when harmless.
 */
export function evaluateOpenAction(value: string, resolve: ObjectResolver): string | undefined {
  let current = value;
  for (let depth = 0; depth < MAX_INDIRECTIONS; depth++) {
    // eslint-disable-next-line no-control-regex -- PDF whitespace includes NUL and form feed
    const v = current.replace(/^[\x00\x09\x0a\x0c\x0d\x20]+/, '');
    if (v.startsWith('[') || v.startsWith('/') || v.startsWith('(') || v.startsWith('null')) return undefined;
    if (v.startsWith('<<')) return evaluateActionDict(balancedDict(v, 0));
    if (v.startsWith('<')) return undefined; // a hex string: a named destination
    const ref = /^(\d+)\s+(\d+)\s+R(?![A-Za-z])/.exec(v);
    if (!ref) return `OpenAction value not understood: ${JSON.stringify(v.slice(0, 20))}`;
    const target = resolve(Number(ref[1]), Number(ref[2]));
    if (target === undefined) return `OpenAction points at missing object ${ref[1]} ${ref[2]} R`;
    current = target;
  }
  return 'OpenAction reference chain too deep';
}

function evaluateActionDict(dict: string | undefined): string | undefined {
  if (dict === undefined) return 'OpenAction dictionary is not terminated';
  const d = decodeNamesIn(dict);
  const s = /\/S\s*\/([^\s/[\]<>()]+)/.exec(d)?.[1];
  if (s !== 'GoTo') return `OpenAction runs a /${s ?? '(no /S)'} action`;
  if (/\/Next[\s/[<(\d]/.test(d)) return 'OpenAction /GoTo chains further actions (/Next)';
  return undefined;
}
