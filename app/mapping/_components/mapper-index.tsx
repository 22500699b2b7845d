'use client';

import { Box, H1, H2, Link, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { AppNav } from '@/components/app-nav';

const FLOWS = [
  { flow: 'orders', title: 'Orders to AccountView', text: 'How a BigCommerce order becomes a debtor, a delivery address and a sales order or sales invoice in AccountView.' },
  { flow: 'products', title: 'Articles to BigCommerce products', text: 'How an AccountView article becomes a product: name, price, weight, descriptions, custom fields.' },
] as const;

export function MapperIndex() {
  const router = useRouter();
  // In-app navigation, as the section tabs do: the session lives in the frame, not in a new document load.
  const go = (href: string) => (event: React.MouseEvent) => {
    event.preventDefault();
    router.push(href);
  };
  return (
    <>
      <AppNav />
      {/* The active section tab (id "mapping") controls "mapping-content". */}
      <div>
      <Box marginBottom="large">
        <H1>Data mapper</H1>
        <Text>
          Choose which data goes into which field. Every field starts with a default that works; change only what your
          bookkeeping needs, check it on a real record, and see what would change before you save.
        </Text>
      </Box>
      {FLOWS.map(({ flow, title, text }) => (
        <Box key={flow} marginBottom="medium">
          <Panel>
            <H2>{title}</H2>
            <Text>{text}</Text>
            <Link href={`/mapping/${flow}`} data-testid={`open-mapping-${flow}`} onClick={go(`/mapping/${flow}`)}>
              Edit the {flow} mapping
            </Link>
          </Panel>
        </Box>
      ))}
      <Panel>
        <H2>Stock and customers</H2>
        <Text data-testid="no-mapping-note">
          Stock levels and customers have no field mapping: what they send is set by their choices under Settings (which
          stock figure to use, which customers to copy).
        </Text>
        <Link href="/settings" onClick={go('/settings')}>
          Go to Settings
        </Link>
      </Panel>
      </div>
    </>
  );
}
