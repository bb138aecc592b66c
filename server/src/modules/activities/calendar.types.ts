import { z } from 'zod';
import { activityKinds } from './activities.schema.ts';
import { activitySchema } from './activities.types.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from './day-bounds.ts';

const timeZone = z
  .string()
  .max(64)
  .default(DEFAULT_TIME_ZONE)
  .refine(isTimeZone, 'not an IANA time zone')
  .describe(`IANA time zone whose calendar day counts as today; default ${DEFAULT_TIME_ZONE}`);

export const myDayQuery = z.object({ tz: timeZone });

export const myDaySchema = z
  .object({
    date: z.string().describe('today in the time zone, YYYY-MM-DD'),
    timeZone: z.string(),
    overdue: z.array(activitySchema).describe('my open tasks due before now, oldest first'),
    tasks: z.array(activitySchema).describe('my tasks due today that are not overdue: to do later today, or done'),
    events: z.array(activitySchema).describe("today's visits, meetings and calls, earliest first"),
  })
  .meta({ id: 'MyDay' });

const MAX_RANGE_DAYS = 92;

export const calendarQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    kind: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
      .pipe(z.array(z.enum(activityKinds)).optional())
      .describe('comma-separated kinds; default all'),
  })
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
    if (days <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_RANGE_DAYS} days` });
  });

export const calendarSchema = z.object({
  items: z.array(activitySchema),
  truncated: z.boolean().describe('more activities fall in the range than one response carries; ask for a shorter range'),
});

export const feedTokenSchema = z.object({
  token: z.string().describe('shown once; a new one replaces it'),
  path: z.string().describe('/api/v1/calendar/feed/{token}.ics'),
  url: z.string().describe('the address to subscribe to in a calendar app'),
});

export const feedParams = z.object({ token: z.string().min(20).max(100) });
