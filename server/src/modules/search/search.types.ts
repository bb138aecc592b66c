import { z } from 'zod';

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100).describe('any part of a name (Chinese, pinyin, initials), a phone number, an e-mail or a credit code'),
  types: z.string().optional().describe('comma-separated record types to search, e.g. account,contact; default all'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const searchHitSchema = z
  .object({
    type: z.string().describe('account, contact…'),
    id: z.uuid(),
    title: z.string(),
    subtitle: z.string().nullable(),
    rank: z.number().int().describe('0 exact, 1 prefix, 2 contains'),
    highlight: z
      .object({
        field: z.string().describe('the field that matched: name, shortName, formerNames, phones…'),
        text: z.string().describe('its value, masked when your role masks the field'),
        ranges: z.array(z.tuple([z.number().int(), z.number().int()])).describe('[start, end) UTF-16 offsets of the matched spans in text'),
      })
      .nullable(),
  })
  .meta({ id: 'SearchHit' });

export const searchResponse = z.object({ items: z.array(searchHitSchema) });
