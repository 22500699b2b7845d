/** Next calls this once as the server starts; the check itself lives in a Node-only module. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationOrExit, openDatabaseEarly, startActivityPurgeEarly, startEngineEarly } = await import('@/lib/startup');
    checkConfigurationOrExit();
    await openDatabaseEarly();
    await startEngineEarly();
    await startActivityPurgeEarly();
  }
}
