import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountViewApiError, AccountViewUnavailableError } from '@/lib/accountview';
import type { AccountViewSimulator } from '@/tests/simulators/accountview';
import { connectedClient, FVR_ID, requestsTo, startSimulator, type Clock } from './harness';

const clock: Clock = { offsetMs: 0 };
let sim: AccountViewSimulator;

beforeAll(async () => {
  sim = await startSimulator(clock);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const fvr = () => {
  const company = sim.state.companies.find((c) => c.id === FVR_ID);
  if (!company) throw new Error('FVR missing');
  return company;
};
const posts = () => requestsTo(sim, '/api/v3/accountviewdata', 'POST');

describe('writing', () => {
  it('inserts a debtor from named fields and answers the stored record, trimmed', async () => {
    const { client } = await connectedClient(sim);
    const result = await client.insert('AR1', { fields: { ACCT_NAME: 'Anna de Groot', MAIL_BUS: 'anna@example.nl', ADDRESS1: 'Kerkstraat 1', POST_CODE: '1017 AB', CITY: 'Amsterdam', CNT_CODE: 'NL' } });
    expect(result.table).toBe('CONTACT');
    expect(result.row).toMatchObject({ SUB_NR: '10241', ACCT_NAME: 'Anna de Groot', ACCT_NR: '1300', CNG_DATE: expect.any(Date) });
    expect(fvr().tables.CONTACT?.at(-1)).toMatchObject({ SUB_NR: '10241', POST_CODE: '1017 AB' });
  });

  it('inserts a sales order with lines; datetimes go out as Amsterdam wall-clock time', async () => {
    const { client } = await connectedClient(sim);
    const result = await client.insert('SO1', {
      fields: { RPL_INV: '10002', ORD_DATE: new Date('2025-06-01T12:03:00Z'), COMMENT1: 'BC-1001', TO_EMAIL: 'jan@example.nl' },
      lines: [
        { ART_CODE: 'BAND-0003', ORD_QTY: 2, ART_PX: 20.62 },
        { ART_CODE: 'BINN-0001', ORD_QTY: 1, ART_PX: 4.5 },
      ],
    });
    expect(result.row).toMatchObject({ ORD_NR: '250041', COMMENT1: 'BC-1001', ORD_DATE: new Date('2025-06-01T12:03:00Z') });
    expect((result.row?.SO_LINE as { ART_CODE: string }[]).map((l) => l.ART_CODE)).toEqual(['BAND-0003', 'BINN-0001']);
    expect(fvr().tables.SO_HDR?.at(-1)?.ORD_DATE).toBe('2025-06-01T14:03:00');
  });

  it('turns a refusal for an unknown article into AccountViewApiError, stores nothing and does not retry', async () => {
    const { client } = await connectedClient(sim);
    const before = fvr().tables.SO_HDR?.length;
    const refused = client.insert('SO1', { fields: { RPL_INV: '10002' }, lines: [{ ART_CODE: 'NOPE-0001', ORD_QTY: 1 }] });
    await expect(refused).rejects.toBeInstanceOf(AccountViewApiError);
    await expect(refused).rejects.toMatchObject({ status: 200, errorType: 'AccountViewError', errorNumbers: [2002], errorMessage: "Artikel 'NOPE-0001' bestaat niet (ART_CODE).", retryable: false });
    await expect(refused).rejects.toMatchObject({ userMessage: "AccountView refused the request: Artikel 'NOPE-0001' bestaat niet (ART_CODE)." });
    expect(posts()).toHaveLength(1);
    expect(fvr().tables.SO_HDR?.length).toBe(before);
  });

  it('refuses a debtor without its mandatory name', async () => {
    const { client } = await connectedClient(sim);
    await expect(client.insert('AR1', { fields: { MAIL_BUS: 'x@example.nl' } })).rejects.toMatchObject({ name: 'AccountViewApiError', errorNumbers: [2001], errorMessage: expect.stringMatching(/ACCT_NAME/) });
  });

  it('updates the listed fields of a debtor by its number', async () => {
    const { client } = await connectedClient(sim);
    const result = await client.update('AR1', { fields: { SUB_NR: '10002', TEL_BUS: '030-1234567' } });
    expect(result.row).toMatchObject({ SUB_NR: '10002', TEL_BUS: '030-1234567' });
    expect(fvr().tables.CONTACT?.[1]?.TEL_BUS).toBe('030-1234567');
  });

  it('books a sales invoice on DJ2 and is refused when it tries to update it', async () => {
    const { client } = await connectedClient(sim);
    const booked = await client.insert('DJ2', {
      fields: { DJ_CODE: 'VRK', SUB_NR: '10002', TRN_DATE: new Date('2025-06-01T10:00:00Z'), HDR_DESC: 'Order BC-1001' },
      lines: [
        { ACCT_NR: '8000', TRN_DESC: 'Omzet hoog', AMOUNT: 100, VAT_CODE: '2', VAT_AMT: 21 },
        { ACCT_NR: '8010', TRN_DESC: 'Omzet laag', AMOUNT: 50, VAT_CODE: '1', VAT_AMT: 4.5 },
      ],
    });
    expect(booked.row?.INV_NR).toBe('25000036');
    await expect(client.update('DJ2', { fields: { INV_NR: '25000036', HDR_DESC: 'x' } })).rejects.toMatchObject({ errorNumbers: [2007] });
  });

  it('knows from the granted scope whether it may write, and a read-only consent is refused with advice', async () => {
    const { client: full } = await connectedClient(sim);
    expect(await full.canWrite()).toBe(true);
    const { client: readOnly } = await connectedClient(sim, { scope: 'readaccountviewdata' });
    expect(await readOnly.canWrite()).toBe(false);
    const refused = readOnly.insert('AG1', { fields: { AG_CODE: 'NEW', AG_DESC: 'Nieuw' } });
    await expect(refused).rejects.toMatchObject({ name: 'AccountViewApiError', status: 403, hint: expect.stringMatching(/Reconnect/) });
    expect(sim.requests.filter((r) => r.method !== 'GET' && r.path.endsWith('accountviewdata')).every((r) => r.status !== 200)).toBe(true);
  });

  it('never repeats a write, even when AccountView is unavailable', async () => {
    const { client } = await connectedClient(sim);
    sim.faults.add({ match: { method: 'POST', pathPrefix: '/api/v3/accountviewdata' }, kind: 'status', status: 503, times: 1 });
    await expect(client.insert('AG1', { fields: { AG_CODE: 'NEW', AG_DESC: 'Nieuw' } })).rejects.toBeInstanceOf(AccountViewUnavailableError);
    expect(posts()).toHaveLength(1);
    expect(fvr().tables.ART_GRP).toHaveLength(20);
  });
});
