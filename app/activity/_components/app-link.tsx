'use client';

import { Link } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import type { ComponentProps, MouseEvent } from 'react';

/**
 * A link in BigDesign's look that moves within the app through the router, as the section tabs do,
 * without a full page load inside the control panel's iframe. A modified click (new tab, new window)
 * is left to the browser, and the href keeps it a real link for keyboards and screen readers.
 */
export function AppLink({ href, ...props }: Omit<ComponentProps<typeof Link>, 'href'> & { href: string }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    router.push(href);
  };
  return <Link href={href} onClick={onClick} {...props} />;
}
