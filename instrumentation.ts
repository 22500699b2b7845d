/**
 * Runs once when the server starts: a production server with missing or malformed settings stops
 * here with a message naming each one, instead of failing on the first merchant's request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, MissingConfigError } = await import('@/lib/env');
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
