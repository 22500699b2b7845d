'use client';

import { Box, Tabs } from '@bigcommerce/big-design';
import { usePathname, useRouter } from 'next/navigation';

/**
 * The app's sections, one tab each. Every page renders this at its top; the tab whose path is the
 * longest prefix of the current one is shown as active.
 */
export const APP_SECTIONS = [
  { id: 'home', title: 'Overview', href: '/' },
  { id: 'dashboard', title: 'Dashboard', href: '/dashboard' },
  { id: 'activity', title: 'Activity log', href: '/activity' },
  { id: 'settings', title: 'Settings', href: '/settings' },
  { id: 'mapping', title: 'Data mapper', href: '/mapping' },
] as const;

export type AppSectionId = (typeof APP_SECTIONS)[number]['id'];

export function activeSection(pathname: string): AppSectionId {
  const matches = APP_SECTIONS.filter((s) => (s.href === '/' ? pathname === '/' : pathname === s.href || pathname.startsWith(`${s.href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.id ?? 'home';
}

export function AppNav() {
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  return (
    <Box marginBottom="large">
      <Tabs
        aria-label="Sections"
        activeTab={activeSection(pathname)}
        items={APP_SECTIONS.map(({ id, title }) => ({ id, title }))}
        onTabClick={(id) => {
          const section = APP_SECTIONS.find((s) => s.id === id);
          if (section) router.push(section.href);
        }}
      />
    </Box>
  );
}
