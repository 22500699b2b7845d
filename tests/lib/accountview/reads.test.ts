import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountViewApiError, AccountViewError, avDate, avNumber, type Filter } from '@/lib/accountview';
import type { AccountViewSimulator } from '@/tests/simulators/accountview';
import { connectedClient, firstPage, FVR_ID, requestsTo, startSimulator, type Clock } from './harness';

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
const reads = (bo: string) => requestsTo(sim, '/api/v3/accountviewdata').filter((r) => r.businessObject === bo);

const article = z.object({ ART_CODE: z.string(), ART_DESC1: z.string(), AG_CODE: z.string(), PX_SELL: avNumber, CNG_DATE: avDate });
const group = z.object({ AG_CODE: z.string(), AG_DESC: z.string() });

describe('reading', () => {
  it('reads typed rows with codes trimmed and change dates as instants', async () => {
    const { client } = await connectedClient(sim);
    const tyres = await client.readAll('AK1', { fields: ['ART_CODE', 'ART_DESC1', 'AG_CODE', 'PX_SELL', 'CNG_DATE'], filters: [{ field: 'AG_CODE', operator: 'Equal', value: 'BAND' }] }, article);
    expect(tyres).toHaveLength(200);
    expect(tyres[0]).toEqual({ ART_CODE: 'BAND-0001', ART_DESC1: 'Schwalbe Marathon 28 x 1.40 (37-622)', AG_CODE: 'BAND', PX_SELL: expect.any(Number), CNG_DATE: expect.any(Date) });
    expect(tyres.every((t) => t.ART_CODE === t.ART_CODE.trim())).toBe(true);
  });

  it('pages until a short page: exact multiple, short last page, empty result', async () => {
    const { client } = await connectedClient(sim);
    const pageSizes = async (pageSize: number, filters: Filter[] = []) => {
      const sizes: number[] = [];
      for await (const page of client.readPages('AG1', { pageSize, filters }, group)) sizes.push(page.length);
      return sizes;
    };
    expect(await pageSizes(10)).toEqual([10, 10]);
    expect(reads('AG1')).toHaveLength(3);
    sim.requests.length = 0;
    expect(await pageSizes(7)).toEqual([7, 7, 6]);
    expect(reads('AG1')).toHaveLength(3);
    sim.requests.length = 0;
    expect(await pageSizes(25)).toEqual([20]);
    expect(reads('AG1')).toHaveLength(1);
    sim.requests.length = 0;
    expect(await pageSizes(10, [{ field: 'AG_CODE', operator: 'Equal', value: 'NOPE' }])).toEqual([]);
    expect(reads('AG1')).toHaveLength(1);
  });

  it('fetches one page at a time, only when asked', async () => {
    const { client } = await connectedClient(sim);
    const pages = client.readPages('AK1', { pageSize: 100, fields: ['ART_CODE'] }, z.object({ ART_CODE: z.string() }));
    const first = await pages.next();
    expect(first.value).toHaveLength(100);
    expect(reads('AK1')).toHaveLength(1);
    await pages.return(undefined);
    expect(reads('AK1')).toHaveLength(1);
  });

  it('clamps the page size to 1000, so a capped page can never end paging early', async () => {
    const { client } = await connectedClient(sim);
    const total = fvr().tables.ARTICLE?.length ?? 0;
    expect(await client.count('AK1')).toBe(total);
    expect(reads('AK1').map((r) => r.query.PageSize)).toEqual(Array(Math.ceil(total / 1000)).fill('1000'));
    expect(reads('AK1')[0]?.query.Fields).toBe('ART_CODE');
    const all = await client.readAll('AG1', { pageSize: 5000 }, group);
    expect(all).toHaveLength(20);
  });

  it('accepts a single row sent as an object instead of an array', async () => {
    const { client } = await connectedClient(sim);
    const rows = await client.readAll('AK1', { filters: [{ field: 'ART_CODE', operator: 'Equal', value: 'BAND-0001' }] }, article);
    expect(rows.map((r) => r.ART_CODE)).toEqual(['BAND-0001']);
  });

  it('filters by a list of values and by change date in the administration time zone', async () => {
    const { client } = await connectedClient(sim);
    const listed = await client.readAll('AK1', { filters: [{ field: 'ART_CODE', operator: 'In', values: ['BAND-0002', 'HELM-0001-S-ZWA', 'NOPE'] }] }, article);
    expect(listed.map((r) => r.ART_CODE).sort()).toEqual(['BAND-0002']);

    // 2025-03-30T01:30Z is 03:30 in Amsterdam (CEST started at 01:00Z): rows at 03:00 local are before it.
    const since = new Date('2025-03-30T01:30:00Z');
    const expected = (fvr().tables.ARTICLE ?? []).filter((a) => String(a.CNG_DATE) >= '2025-03-30T03:30:00').length;
    const changed = await client.count('AK1', [{ field: 'CNG_DATE', operator: 'DateOnOrAfterDate', value: since }]);
    expect(changed).toBe(expected);
    expect(reads('AK1').at(-1)?.query.FilterValue1).toBe('{^2025-03-30 03:30:00}');
  });

  it('reads zone-less change dates correctly across both DST changes', async () => {
    const articles = fvr().tables.ARTICLE ?? [];
    const stamps = ['2024-03-31T01:30:00', '2024-03-31T02:30:00', '2024-03-31T03:30:00', '2024-10-27T02:30:00', '2024-10-27T03:30:00', '2024-12-01T12:00:00'];
    stamps.forEach((stamp, i) => {
      const row = articles[i];
      if (row) row.CNG_DATE = stamp;
    });
    const { client } = await connectedClient(sim);
    const rows = await firstPage(client.readPages('AK1', { pageSize: 6 }, article.pick({ CNG_DATE: true })));
    expect(rows.map((r) => r.CNG_DATE?.toISOString())).toEqual([
      '2024-03-31T00:30:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-10-27T00:30:00.000Z',
      '2024-10-27T02:30:00.000Z',
      '2024-12-01T11:00:00.000Z',
    ]);
  });

  it('trims and converts nested detail rows, and empty dates read as null', async () => {
    const { client } = await connectedClient(sim);
    const line = z.object({ ART_CODE: z.string(), ORD_QTY: z.number(), DEL_DATE: avDate });
    const order = z.object({ ORD_NR: z.string(), INV_DATE: avDate, ORD_DATE: avDate, SO_LINE: z.array(line) });
    const [first] = await firstPage(client.readPages('SO1', { pageSize: 1 }, order));
    expect(first).toMatchObject({ ORD_NR: '250001', INV_DATE: null, ORD_DATE: expect.any(Date) });
    expect(first?.SO_LINE[0]?.ART_CODE).toMatch(/^[A-Z]{4}-\d{4}/);
    expect(first?.SO_LINE[0]?.ART_CODE).toBe(first?.SO_LINE[0]?.ART_CODE.trim());
  });

  it('reads a bare 404 as no rows', async () => {
    const { client } = await connectedClient(sim);
    sim.faults.add({ match: { businessObject: 'AK1' }, kind: 'status', status: 404, times: 1 });
    expect(await client.readAll('AK1', {}, article)).toEqual([]);
  });

  it('throws AccountViewApiError for an error inside a 200, without retrying it', async () => {
    const { client } = await connectedClient(sim);
    sim.faults.add({ match: { businessObject: 'AG1' }, kind: 'error-in-200' });
    const failed = client.readAll('AG1', {}, group);
    await expect(failed).rejects.toBeInstanceOf(AccountViewApiError);
    await expect(failed).rejects.toMatchObject({ status: 200, errorType: 'AccountViewError', errorNumbers: [9001], retryable: false, userMessage: expect.stringMatching(/^AccountView refused the request: /) });
    expect(reads('AG1')).toHaveLength(1);
  });

  it('throws AccountViewApiError for a request AccountView cannot parse', async () => {
    const { client } = await connectedClient(sim);
    await expect(client.readAll('AK1', { fields: ['NO_SUCH'] }, article)).rejects.toMatchObject({ name: 'AccountViewApiError', status: 400, errorMessage: expect.stringMatching(/NO_SUCH/) });
  });

  it('names the record and field when a row does not match the schema', async () => {
    const { client } = await connectedClient(sim);
    const strict = z.object({ AG_CODE: z.number() });
    const failed = client.readAll('AG1', {}, strict);
    await expect(failed).rejects.toBeInstanceOf(AccountViewError);
    await expect(failed).rejects.toMatchObject({ userMessage: 'AccountView sent an AG1 record this app cannot read.', hint: expect.stringContaining('AG_CODE') });
  });
});
