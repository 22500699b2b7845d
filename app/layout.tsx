import '@fontsource/source-sans-3/latin-300.css';
import '@fontsource/source-sans-3/latin-400.css';
import '@fontsource/source-sans-3/latin-600.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { StyledRegistry } from '@/components/styled-registry';

export const metadata: Metadata = {
  title: 'AccountView connector',
  description: 'Orders from BigCommerce to AccountView; products, stock and customers back.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <StyledRegistry>
          <AppShell>{children}</AppShell>
        </StyledRegistry>
      </body>
    </html>
  );
}
