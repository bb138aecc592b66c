export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

export const isLocale = (v: unknown): v is Locale => locales.includes(v as Locale);

/** Chinese unless the browser prefers English before Chinese: the same rule the server applies to Accept-Language. */
export function browserLocale(): Locale {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
