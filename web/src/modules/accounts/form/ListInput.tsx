import { Select } from 'antd';

/**
 * Several short values (phones, e-mails, tags) typed one after another: Enter, a comma or leaving
 * the field turns the text into a value. Nothing to pick from, so no dropdown.
 */
export function ListInput(props: { id?: string; value?: string[]; onChange?: (v: string[]) => void; placeholder?: string }) {
  return <Select {...props} mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ';', '；']} style={{ width: '100%' }} />;
}
