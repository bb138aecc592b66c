import { encodingOfLine, parseContentLine, type ContentLine } from './content-line.ts';
import { logicalLines } from './unfold.ts';
import type { VCardVersion, VCardWarning } from './vcard.types.ts';

/**
 * Groups content lines into cards between BEGIN:VCARD and END:VCARD. Anything outside a card (an
 * iCalendar file, prose around a pasted card) is ignored. A card inside a card (2.1 AGENT, or a
 * broken export) becomes a card of its own and its parent says so; a card cut off by the end of the
 * file keeps what it has.
 */
export interface RawCard {
  /** 0-based position of its BEGIN:VCARD in the file */
  index: number;
  line: number;
  version: VCardVersion;
  lines: ContentLine[];
  warnings: VCardWarning[];
}

const versionOf = (raw: string): VCardVersion | null => {
  const v = raw.trim();
  return v === '2.1' || v === '3.0' || v === '4.0' ? v : v.startsWith('4') ? '4.0' : v.startsWith('3') ? '3.0' : v.startsWith('2') ? '2.1' : null;
};

export function readCardBlocks(buf: Buffer): RawCard[] {
  const done: RawCard[] = [];
  const open: RawCard[] = [];
  let count = 0;
  const lines = logicalLines(buf, {
    // Until a card says otherwise, 2.1's rules: cards without VERSION are 2.1 in practice.
    version: () => open[open.length - 1]?.version ?? '2.1',
    encodingOf: encodingOfLine,
  });

  for (const { bytes, line } of lines) {
    const card = open[open.length - 1];
    const cl = parseContentLine(bytes, line);
    if (!cl) {
      card?.warnings.push({ code: 'unreadable_line', line });
      continue;
    }
    // Only BEGIN and END values are looked at here; a photo's 40 KB are not turned into a string.
    const isVCard = (cl.name === 'BEGIN' || cl.name === 'END') && cl.value.toString('latin1').trim().toUpperCase() === 'VCARD';
    if (cl.name === 'BEGIN' && isVCard) {
      if (card && !card.warnings.some((w) => w.code === 'nested_card')) card.warnings.push({ code: 'nested_card', line });
      open.push({ index: count++, line, version: '2.1', lines: [], warnings: [] });
      continue;
    }
    if (!card) continue;
    if (cl.name === 'END' && isVCard) {
      done.push(open.pop()!);
      continue;
    }
    if (cl.name === 'VERSION') {
      card.version = versionOf(cl.value.toString('latin1')) ?? card.version;
      continue;
    }
    card.lines.push(cl);
  }
  for (const card of open.reverse()) {
    card.warnings.push({ code: 'unterminated_card', line: card.line });
    done.push(card);
  }
  return done.sort((a, b) => a.index - b.index);
}
