/**
 * Kehu's users are in China; until tenants and users carry a time zone of their own, "today" is a
 * day in this zone unless the caller names another (the browser knows its own).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock midnight happens in the zone; twice around, so a DST change that day is met. */
function midnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let t = wall - offsetAt(new Date(wall), timeZone);
  t = wall - offsetAt(new Date(t), timeZone);
  return new Date(t);
}

/** The day containing `now` in the zone: its date (YYYY-MM-DD) and the instants it starts and ends. */
export function dayBounds(now: Date, timeZone: string): { date: string; start: Date; end: Date } {
  const w = wallClock(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${w.year}-${pad(w.month)}-${pad(w.day)}`,
    start: midnight(w.year, w.month, w.day, timeZone),
    end: midnight(w.year, w.month, w.day + 1, timeZone),
  };
}
