import { env, type Env } from '@/lib/env';

/** Inngest's settings, as far as the engine needs them to choose where events go. */
export interface InngestSettings {
  eventKey?: string;
  signingKey?: string;
  baseUrl?: string;
  /** `1` or a dev server URL for local Inngest; `0` or unset for cloud. */
  dev?: string;
}

/** Events go to Inngest when one is configured (cloud keys, a self-hosted URL or a dev server), else to the runner. */
export function usesInngest(settings: InngestSettings): boolean {
  const dev = settings.dev?.trim().toLowerCase();
  return Boolean(settings.eventKey || settings.baseUrl || (dev && dev !== '0' && dev !== 'false'));
}

// The INNGEST_* settings belong in lib/env.ts's schema (as optional strings). Typed as optional here
// so this compiles before and after they are added; once added they are read from there.
type InngestEnv = Pick<Env, 'NODE_ENV'> &
  Partial<Record<'INNGEST_EVENT_KEY' | 'INNGEST_SIGNING_KEY' | 'INNGEST_BASE_URL' | 'INNGEST_DEV', string>>;

export function inngestSettingsFromEnv(): InngestSettings {
  const values: InngestEnv = env();
  return {
    eventKey: values.INNGEST_EVENT_KEY,
    signingKey: values.INNGEST_SIGNING_KEY,
    baseUrl: values.INNGEST_BASE_URL,
    dev: values.INNGEST_DEV,
  };
}
