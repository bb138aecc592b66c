import { Flex, Typography } from 'antd';

/** The product mark: 客 in a blue square and the name. */
export function Brand({ name = true }: { name?: boolean }) {
  return (
    <Flex align="center" gap={8} style={{ height: 56, padding: '0 16px' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {name && (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          客户 Kehu
        </Typography.Text>
      )}
    </Flex>
  );
}
