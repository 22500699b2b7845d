import { NextResponse } from 'next/server';
import { env } from '@/lib/env';

/**
 * The app may only be framed by BigCommerce's control panel (or, in development, the simulator that
 * plays it). The list comes from FRAME_ANCESTORS at run time, so one build serves every environment.
 */
export function proxy(): NextResponse {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', `frame-ancestors ${env().FRAME_ANCESTORS.join(' ')}`);
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
