import { env, MissingConfigError } from '@/lib/env';

/**
 * A production server with missing or malformed settings stops at start with a message naming each
 * one, instead of failing on the first merchant's request.
 */
export function checkConfigurationOrExit(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof MissingConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
