import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db/client';
import { env, exportNextAuthUrl } from '@/lib/env';
import { redeemSessionTicket, storeSessionSchema } from './ticket';

export const SESSION_BASE_PATH = '/api/session';
export const SESSION_COOKIE = 'avbc.session';

/**
 * The app lives in the control panel's cross-site iframe. Current Chromium keeps a cookie there only
 * when it is `SameSite=None; Secure; Partitioned` (reference/iframe-cookies.md), so every cookie
 * next-auth sets gets exactly those attributes.
 */
const embeddedCookie = { httpOnly: true, sameSite: 'none', path: '/', secure: true, partitioned: true } as const;

export function authOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET } = env();
  exportNextAuthUrl();
  return {
    secret: NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    providers: [
      CredentialsProvider({
        id: 'bigcommerce',
        name: 'BigCommerce control panel',
        credentials: { ticket: { type: 'text' } },
        // Fed only by a ticket that a verified install or load callback issued a moment ago.
        async authorize(credentials) {
          const session = await redeemSessionTicket(await getDb(), credentials?.ticket, NEXTAUTH_SECRET);
          return session ? { id: `${session.storeHash}:${session.userId}`, ...session } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        const fromUser = storeSessionSchema.safeParse(user);
        if (fromUser.success) token.store = fromUser.data;
        return token;
      },
      session({ session, token }) {
        return { ...session, store: token.store };
      },
    },
    cookies: {
      sessionToken: { name: SESSION_COOKIE, options: embeddedCookie },
      csrfToken: { name: 'avbc.csrf', options: embeddedCookie },
      callbackUrl: { name: 'avbc.callback-url', options: embeddedCookie },
      pkceCodeVerifier: { name: 'avbc.pkce', options: embeddedCookie },
      state: { name: 'avbc.state', options: embeddedCookie },
      nonce: { name: 'avbc.nonce', options: embeddedCookie },
    },
    pages: { signIn: '/session-ended', error: '/session-ended' },
  };
}
