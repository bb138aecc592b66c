import { describe, expect, it } from 'vitest';
import { accountLinks, genericMoveProblem, linkName } from './account-links.ts';
import { handlingOf } from './link-handling.ts';
import './link-handling.defaults.ts';

/**
 * Every table that points at an account must say what a merge does with its rows. A new table
 * whose link is a plain column is moved without anyone doing anything; one whose link is part of
 * a key (and so could collide with the survivor's own row) fails here until it registers a
 * handling in link-handling.defaults.ts.
 */
describe('links to accounts', () => {
  const links = accountLinks();

  it('are found in the schema, polymorphic ones included', () => {
    const names = links.map(linkName);
    expect(names).toEqual(expect.arrayContaining([
      'activities.account_id', 'account_contacts.account_id', 'attachments.record_id', 'risk_flags.account_id',
      'account_owner_history.account_id', 'dedup_keys.account_id', 'pool_warnings.account_id', 'accounts.merged_into_id',
    ]));
  });

  it('are every one handled by a merge', () => {
    const unhandled = links.filter((l) => !handlingOf(l)).map((l) => `${linkName(l)}: ${genericMoveProblem(l)}`);
    expect(unhandled).toEqual([]);
  });

  it('that collide on a key are not moved blindly', () => {
    const contacts = links.find((l) => linkName(l) === 'account_contacts.account_id')!;
    expect(genericMoveProblem(contacts)).toMatch(/primary key/);
    expect(handlingOf(contacts)?.kind).toBe('custom');
    expect(handlingOf(links.find((l) => linkName(l) === 'activities.account_id')!)?.kind).toBe('move');
  });
});
