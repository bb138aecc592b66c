import { Spin } from 'antd';
import { useCustomFields } from '../../custom-fields/use-custom-fields';
import { useSavedViews } from '../../saved-views/use-saved-views';
import { useAccountTypes } from '../use-account-types';
import { AccountList } from './AccountList';

/**
 * The accounts list starts once the custom fields and saved views are known: a saved view may name
 * custom columns and filters, and the user's default view decides what the first page shows.
 */
export default function AccountsPage() {
  const { data: types = [] } = useAccountTypes();
  const fields = useCustomFields('account');
  const views = useSavedViews('account');
  const ready = (fields.data || fields.failed) && (views.data || views.failed);
  if (!ready) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return <AccountList types={types} defs={fields.data ?? []} views={views.data ?? []} reloadViews={views.reload} />;
}
