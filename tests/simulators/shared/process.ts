import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Both simulators listen the same way: on the given host, port 0 meaning a free one; resolves to the base URL. */
export async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
}

/** For the command-line entry points: stop cleanly on Ctrl+C or a terminate signal, and fail loudly on start-up errors. */
export function runUntilSignalled(start: () => Promise<{ stop(): Promise<void> }>): void {
  start().then(
    (simulator) => {
      const shutdown = (): void => {
        simulator.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
