import type { Random } from '../random';

const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-clock moment during office hours, `days` days after `from`; built in UTC arithmetic so no zone leaks in. */
export function officeHours(random: Random, from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + random.int(0, days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(random.int(7, 19))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
}

export function addDays(wallClock: string, days: number): string {
  const d = new Date(`${wallClock.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T00:00:00`;
}
