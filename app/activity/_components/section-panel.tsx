'use client';

import type { ReactNode } from 'react';
import type { AppSectionId } from '@/components/app-nav';

/**
 * The panel the active section tab controls: BigDesign's tabs point `aria-controls` at
 * `<tab id>-content`, and axe requires that element to exist for the selected tab.
 */
export function SectionPanel({ section, children }: { section: AppSectionId; children: ReactNode }) {
  return (
    <div id={`${section}-content`} role="tabpanel" aria-labelledby={section}>
      {children}
    </div>
  );
}
