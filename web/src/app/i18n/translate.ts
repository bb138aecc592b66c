import type { Locale } from './locale';
import { enUS } from './messages/en-US';
import { zhCN, type MessageKey } from './messages/zh-CN';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, vars) => (vars ? dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : dict[key]);
}

/** For keys built from server values (an action, a field): falls back to the raw value when unknown. */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}
