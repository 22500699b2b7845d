'use client';

import { theme } from '@bigcommerce/big-design-theme';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styled from 'styled-components';

/**
 * The app's sections. A navigation landmark of plain links (not ARIA tabs): each section is its own
 * page, so there is no tab panel to control, and a link works before the page has hydrated.
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

const Bar = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${theme.spacing.xxSmall} ${theme.spacing.large};
  margin: 0 0 ${theme.spacing.large};
  padding: 0;
  list-style: none;
  border-bottom: 1px solid ${theme.colors.secondary30};
`;

const Section = styled(Link)`
  display: inline-block;
  padding: ${theme.spacing.small} 0;
  border-bottom: 3px solid transparent;
  color: ${theme.colors.secondary70};
  font-size: ${theme.typography.fontSize.medium};
  text-decoration: none;
  &:hover {
    color: ${theme.colors.primary60};
  }
  &:focus-visible {
    outline: 2px solid ${theme.colors.primary40};
    outline-offset: 2px;
  }
  &[aria-current='page'] {
    color: ${theme.colors.primary60};
    border-bottom-color: ${theme.colors.primary60};
    font-weight: ${theme.typography.fontWeight.semiBold};
  }
`;

export function AppNav() {
  const active = activeSection(usePathname() ?? '/');
  return (
    <nav aria-label="Sections">
      <Bar>
        {APP_SECTIONS.map((section) => (
          <li key={section.id}>
            <Section href={section.href} aria-current={section.id === active ? 'page' : undefined}>
              {section.title}
            </Section>
          </li>
        ))}
      </Bar>
    </nav>
  );
}
