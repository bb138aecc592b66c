import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with an embedded (subset) font: glyph ids in the content
 * streams mapped back to Unicode through the font's ToUnicode CMap — what a reader's copy and
 * search would give, so a test can assert that Chinese text came out as Chinese.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    re.lastIndex = end + 'endstream'.length;
  }
  const glyphs = new Map<number, string>();
  for (const s of streams.filter((x) => x.includes('beginbfrange'))) {
    for (const r of s.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
      const first = parseInt(r[1], 16);
      [...r[3].matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((e, i) => {
        const units = e[1].trim().split(/\s+/).map((h) => parseInt(h, 16));
        glyphs.set(first + i, String.fromCharCode(...units));
      });
    }
  }
  const out: string[] = [];
  for (const s of streams.filter((x) => /T[Jj]/.test(x) && !x.includes('begincmap'))) {
    for (const op of s.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [op[2]];
      out.push(hexes.map((h) => (h.match(/.{4}/g) ?? []).map((g) => glyphs.get(parseInt(g, 16)) ?? '').join('')).join(''));
    }
  }
  return out.join('\n');
}
