'use client';

import { Box, GlobalStyles } from '@bigcommerce/big-design';
import type { ReactNode } from 'react';

/** The frame every page sits in: BigDesign's global styles and the control panel's page margins. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <>
      <GlobalStyles />
      <Box as="main" marginHorizontal={{ mobile: 'medium', tablet: 'xxLarge' }} marginVertical="xLarge">
        {children}
      </Box>
    </>
  );
}
