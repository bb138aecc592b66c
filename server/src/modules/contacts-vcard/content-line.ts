import { isUtf8 } from 'node:buffer';

/**
 * One property: `item1.TEL;TYPE=work,voice;PREF=1:+86 21 1234 5678`. Parameters come in three
 * styles and are normalised into one map: `TYPE=work,voice` (3.0/4.0), `TYPE=WORK;TYPE=VOICE`
 * (3.0, Apple) and vCard 2.1's bare `WORK;VOICE`, where a bare word is an encoding, a value kind or
 * a type. The value stays bytes until its charset is known.
 */
export interface ContentLine {
  group: string | null;
  /** upper-case: TEL, EMAIL, X-ABLABEL */
  name: string;
  /** upper-case keys; TYPE values split on commas */
  params: Map<string, string[]>;
  value: Buffer;
  line: number;
}

const NAME = /^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$/;
const BARE_ENCODINGS = new Set(['7BIT', '8BIT', 'QUOTED-PRINTABLE', 'BASE64', 'B']);
const BARE_VALUE_KINDS = new Set(['INLINE', 'URL', 'URI', 'CONTENT-ID', 'CID']);
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const QUOTE = 0x22;

/** The colon that ends the parameters: the first one outside double quotes (TYPE="a:b" has one inside). */
function valueColon(bytes: Buffer): number {
  let inQuotes = false;
  let inParams = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === COLON && !inQuotes) return i;
    if (b === SEMICOLON) inParams = true;
    else if (b === QUOTE && inParams) inQuotes = !inQuotes;
  }
  // An unbalanced quote in a 2.1 parameter: fall back to the first colon at all.
  return bytes.indexOf(COLON);
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  if (!s.includes('"')) return s.split(sep);
  const out: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (const ch of s) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === sep && !inQuotes) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parameter text was read as latin1 to find its structure; UTF-8 parameter values are restored here. */
function restore(s: string): string {
  if (!/[\u0080-\uffff]/.test(s)) return s;
  const bytes = Buffer.from(s, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : s;
}

/** RFC 6868 caret escapes in 4.0 parameter values: ^n newline, ^' double quote, ^^ caret. */
const uncaret = (s: string) => s.replace(/\^(\^|n|N|')/g, (_, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));
const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

function addParam(params: Map<string, string[]>, key: string, values: string[]) {
  const list = params.get(key) ?? [];
  list.push(...values.filter((v) => v !== ''));
  params.set(key, list);
}

function parseParams(raw: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const part of raw) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq < 0) {
      const word = p.toUpperCase();
      const key = BARE_ENCODINGS.has(word) ? 'ENCODING' : BARE_VALUE_KINDS.has(word) ? 'VALUE' : 'TYPE';
      addParam(params, key, [restore(p)]);
      continue;
    }
    const key = p.slice(0, eq).trim().toUpperCase();
    const value = p.slice(eq + 1).trim();
    // TYPE lists are split even inside quotes: RFC 6350's own example writes TYPE="work,voice".
    const values = key === 'TYPE'
      ? splitOutsideQuotes(value, ',').flatMap((v) => unquote(v.trim()).split(','))
      : [unquote(value)];
    addParam(params, key, values.map((v) => uncaret(restore(v.trim()))));
  }
  return params;
}

export function parseContentLine(bytes: Buffer, line: number): ContentLine | null {
  const colon = valueColon(bytes);
  if (colon <= 0) return null;
  const head = bytes.subarray(0, colon).toString('latin1');
  const [nameWithGroup, ...rawParams] = splitOutsideQuotes(head, ';');
  const m = NAME.exec(nameWithGroup.trim());
  if (!m) return null;
  return {
    group: m[1] ? m[1].toLowerCase() : null,
    name: m[2].toUpperCase(),
    params: parseParams(rawParams),
    value: bytes.subarray(colon + 1),
    line,
  };
}

export const param = (cl: ContentLine, key: string): string | undefined => cl.params.get(key)?.[0];

/** The ENCODING of a (possibly partial) logical line, for the unfolder's continuation rules. */
export function encodingOfLine(bytes: Buffer): string | undefined {
  const cl = parseContentLine(bytes, 0);
  return cl ? param(cl, 'ENCODING')?.toUpperCase() : undefined;
}
