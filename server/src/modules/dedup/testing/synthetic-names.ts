import OpenCC from 'opencc-js';

/**
 * Test and benchmark support: company names built from known parts, and the ways people write
 * the same name differently. Deliberately independent of the matcher: it knows where the region
 * and legal form are because it put them there (or read them from the data's own columns), not
 * because the normaliser found them.
 */

/** Seeded PRNG (mulberry32) so every benchmark run builds the same pairs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A company name as parts: 上海市 + 火炬润滑油 + 有限公司. */
export interface NameParts {
  /** Region prefix exactly as written, '' when the name has none. */
  regionWritten: string;
  /** The region's short label used when it is moved into brackets (上海). */
  regionShort: string;
  /** Everything between region and legal form, brackets included (振业(集团)). */
  body: string;
  legal: string;
}

export function joinParts(parts: NameParts): string {
  return `${parts.regionWritten}${parts.body}${parts.legal}`;
}

export const LEGAL_FORMS = ['有限公司', '有限责任公司', '股份有限公司'] as const;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export type VariantKind =
  | 'region_in_brackets'
  | 'legal_form_changed'
  | 'full_half_width'
  | 'spaces'
  | 'traditional'
  | 'region_dropped'
  | 'region_added'
  | 'combined';

/** Half-width ASCII ↔ full-width forms, both directions, so either way of typing is covered. */
export function toggleWidth(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) return String.fromCharCode(code + 0xfee0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return ch;
  }).join('');
}

export function insertSpaces(random: () => number, text: string): string {
  const chars = Array.from(text);
  const count = 1 + Math.floor(random() * 3);
  for (let n = 0; n < count; n++) {
    const at = 1 + Math.floor(random() * (chars.length - 1));
    chars.splice(at, 0, random() < 0.5 ? ' ' : '\u3000');
  }
  return chars.join('');
}

/**
 * One way of writing the same company differently, or undefined when it does not apply to these
 * parts (no region to move, nothing to widen). `cityForAdding` is the company's own city, from
 * the data, for the variant that prefixes it.
 */
export function variant(random: () => number, parts: NameParts, kind: VariantKind, cityForAdding = ''): string | undefined {
  const full = joinParts(parts);
  switch (kind) {
    case 'region_in_brackets':
      if (!parts.regionWritten) return undefined;
      return `${parts.body}${random() < 0.5 ? '(' : '（'}${parts.regionShort}${random() < 0.5 ? ')' : '）'}${parts.legal}`;
    case 'legal_form_changed': {
      const others = LEGAL_FORMS.filter((f) => f !== parts.legal);
      return joinParts({ ...parts, legal: pick(random, others) });
    }
    case 'full_half_width': {
      const widened = toggleWidth(full);
      if (widened !== full) return widened;
      if (!parts.regionWritten) return undefined;
      return `${parts.body}（${parts.regionShort}）${parts.legal}`;
    }
    case 'spaces':
      return insertSpaces(random, full);
    case 'traditional': {
      const traditional = toTraditional(full);
      return traditional !== full ? traditional : undefined;
    }
    case 'region_dropped':
      return parts.regionWritten ? `${parts.body}${parts.legal}` : undefined;
    case 'region_added':
      return !parts.regionWritten && cityForAdding ? `${cityForAdding}${full}` : undefined;
    case 'combined': {
      const steps = (['region_in_brackets', 'legal_form_changed', 'region_dropped'] as const).filter(() => random() < 0.6);
      let current = parts;
      for (const step of steps) {
        if (step === 'region_in_brackets' && current.regionWritten) {
          current = { ...current, regionWritten: '', body: `${current.body}(${current.regionShort})` };
        } else if (step === 'legal_form_changed') {
          current = { ...current, legal: pick(random, LEGAL_FORMS.filter((f) => f !== current.legal)) };
        } else if (step === 'region_dropped') {
          current = { ...current, regionWritten: '' };
        }
      }
      let text = joinParts(current);
      if (random() < 0.5) text = toTraditional(text);
      if (random() < 0.5) text = toggleWidth(text);
      text = insertSpaces(random, text);
      return text;
    }
  }
}

/** Words placed between brand and legal form in synthetic names. */
export const SYNTHETIC_INDUSTRIES = [
  '润滑油', '船务', '物流', '科技', '贸易', '电子', '化工', '食品', '机械', '医药', '建材', '服饰', '信息技术', '国际货运代理',
  '进出口', '实业', '投资', '环保', '新材料', '汽车配件', '包装', '印刷', '家具', '酒店管理',
] as const;
