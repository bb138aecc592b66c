import dayjs, { type Dayjs } from 'dayjs';

/** Dates follow dayjs's current locale, which the i18n provider keeps in step with the interface. */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/**
 * Today in the company's calendar: reports read periods as days in Beijing time (UTC+8, no daylight
 * saving), so a browser in another zone must not end "this year" a day early in the evening.
 */
export const companyToday = (): Dayjs => dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));

/** Money as the API sends it ("1234567.50") with thousands separators; never through a float. */
export function formatMoney(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const [whole, cents] = String(amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents ? `${grouped}.${cents.padEnd(2, '0')}` : grouped;
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * A stored phone (digits only) as people write it: 138 0013 8000, 021-6888 1001. Masked values
 * (138****8000) and numbers of other shapes are shown as they are.
 */
export function formatPhone(phone: string): string {
  if (!/^\d+$/.test(phone)) return phone;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  const area = /^0(10|2\d)/.test(phone) ? 3 : /^0\d{3}/.test(phone) && phone.length >= 11 ? 4 : 0;
  return area ? `${phone.slice(0, area)}-${phone.slice(area)}` : phone;
}
