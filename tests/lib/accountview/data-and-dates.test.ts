import { describe, expect, it } from 'vitest';
import { filterParams, normaliseRow, readParams, rowsOf, writeBody } from '@/lib/accountview/data';
import { AccountViewError } from '@/lib/accountview';
import { fromWallClock, toFilterLiteral, toWallClock } from '@/lib/accountview/dates';

const AMS = 'Europe/Amsterdam';

describe('read parameters', () => {
  it('numbers filters from 1 and infers value types; In is Equal over a list', () => {
    const params = filterParams(
      [
        { field: 'MAIL_BUS', operator: 'Equal', value: 'jan@example.nl' },
        { field: 'ART_CODE', operator: 'In', values: ['A-1', 'A-2'] },
        { field: 'CNG_DATE', operator: 'DateOnOrAfterDate', value: new Date('2024-10-27T01:30:00Z') },
        { field: 'CNG_DATE', operator: 'DateOnOrAfterDate', value: '2024-07-01' },
        { field: 'QTY_AVAIL', operator: 'NotEqual', value: 0 },
      ],
      AMS,
    );
    expect(Object.fromEntries(params)).toEqual({
      FilterControlSource1: 'MAIL_BUS', FilterOperator1: 'Equal', FilterValueType1: 'C', FilterValue1: 'jan@example.nl', FilterIsListOfValues1: 'false',
      FilterControlSource2: 'ART_CODE', FilterOperator2: 'Equal', FilterValueType2: 'C', FilterValue2: 'A-1,A-2', FilterIsListOfValues2: 'true',
      FilterControlSource3: 'CNG_DATE', FilterOperator3: 'DateOnOrAfterDate', FilterValueType3: 'T', FilterValue3: '{^2024-10-27 02:30:00}', FilterIsListOfValues3: 'false',
      FilterControlSource4: 'CNG_DATE', FilterOperator4: 'DateOnOrAfterDate', FilterValueType4: 'D', FilterValue4: '{^2024-07-01}', FilterIsListOfValues4: 'false',
      FilterControlSource5: 'QTY_AVAIL', FilterOperator5: 'NotEqual', FilterValueType5: 'N', FilterValue5: '0', FilterIsListOfValues5: 'false',
    });
  });

  it('refuses list values that cannot be expressed', () => {
    expect(() => filterParams([{ field: 'ACCT_NAME', operator: 'In', values: ['Jansen, J.'] }], AMS)).toThrow(AccountViewError);
    expect(() => filterParams([{ field: 'ACCT_NAME', operator: 'In', values: [] }], AMS)).toThrow(AccountViewError);
  });

  it('sends paging, fields, sort and book date', () => {
    const params = readParams('AK1', { fields: ['ART_CODE', 'PX_SELL'], sortFields: ['ART_CODE'], sortOrder: 'descending', matchAny: true, bookDate: '2025-01-01' }, { size: 500, number: 3 }, AMS);
    expect(Object.fromEntries(params)).toEqual({
      BusinessObject: 'AK1', PageSize: '500', PageNumber: '3', Fields: 'ART_CODE,PX_SELL', SortFields: 'ART_CODE', SortOrder: 'Descending', matchAnyFilter: 'true', BookDate: '2025-01-01',
    });
  });
});

describe('responses', () => {
  it('normalises rows: trims padding, reads datetimes in the zone, keeps empty dates, recurses into details', () => {
    const row = normaliseRow({ ART_CODE: 'A-1       ', CNG_DATE: '2024-07-01T12:00:00', INV_DATE: '', QTY: 3, FLAG: true, SO_LINE: [{ ART_CODE: 'B ' }], IMG_MEDIUM: { name: 'a.png ' } }, AMS);
    expect(row).toEqual({ ART_CODE: 'A-1', CNG_DATE: new Date('2024-07-01T10:00:00Z'), INV_DATE: '', QTY: 3, FLAG: true, SO_LINE: [{ ART_CODE: 'B' }], IMG_MEDIUM: { name: 'a.png' } });
  });

  it('takes rows by table key, case-insensitively, an object as one row, a missing key as none', () => {
    expect(rowsOf({ ARTICLE: { ART_CODE: 'A' } }, 'ARTICLE', 'x')).toEqual([{ ART_CODE: 'A' }]);
    expect(rowsOf({ contact: [{ SUB_NR: '1' }], USR_LINK: [] }, 'CONTACT', 'x')).toHaveLength(1);
    expect(rowsOf({}, 'ARTICLE', 'x')).toEqual([]);
    expect(rowsOf({ WHATEVER: [{ a: 1 }] }, undefined, 'x')).toEqual([{ a: 1 }]);
    expect(() => rowsOf({ ARTICLE: ['A'] }, 'ARTICLE', 'x')).toThrow(AccountViewError);
  });
});

describe('write bodies', () => {
  it('builds the positional body with RowId/HeaderId, typed columns and wall-clock dates', () => {
    const body = writeBody(
      'SO1',
      {
        fields: { RPL_INV: '10002', ORD_DATE: new Date('2025-06-01T12:03:00Z'), PD_AMT: 0, COMMENT1: null },
        lines: [{ ART_CODE: 'A-1', ORD_QTY: 2, ART_PX: 20.62 }, { ART_CODE: 'SHIP', ORD_QTY: 1 }],
        types: { COMMENT1: 'C' },
      },
      AMS,
    );
    expect(body).toEqual({
      BookDate: '',
      BusinessObject: 'SO1',
      Table: {
        Definition: {
          Name: 'SO_HDR',
          Fields: [{ Name: 'RowId', FieldType: 'C' }, { Name: 'RPL_INV', FieldType: 'C' }, { Name: 'ORD_DATE', FieldType: 'T' }, { Name: 'PD_AMT', FieldType: 'N' }, { Name: 'COMMENT1', FieldType: 'C' }],
        },
        DetailDefinitions: [
          { Name: 'SO_LINE', Fields: [{ Name: 'RowId', FieldType: 'C' }, { Name: 'HeaderId', FieldType: 'C' }, { Name: 'ART_CODE', FieldType: 'C' }, { Name: 'ORD_QTY', FieldType: 'N' }, { Name: 'ART_PX', FieldType: 'N' }] },
        ],
      },
      TableData: {
        Data: { Rows: [{ Values: ['1', '10002', '2025-06-01T14:03:00', 0, ''] }] },
        DetailData: [{ Rows: [{ Values: ['1', '1', 'A-1', 2, 20.62] }, { Values: ['2', '1', 'SHIP', 1, null] }] }],
      },
    });
  });

  it('needs table names for unknown business objects', () => {
    expect(() => writeBody('XYZ', { fields: { A: 1 } }, AMS)).toThrow(/record.table/);
    expect(writeBody('XYZ', { fields: { A: true }, table: 'X_TABLE' }, AMS).Table.Definition).toEqual({ Name: 'X_TABLE', Fields: [{ Name: 'RowId', FieldType: 'C' }, { Name: 'A', FieldType: 'L' }] });
  });
});

const iso = (text: string, zone = AMS) => fromWallClock(text, zone)?.toISOString();

describe('zone-less AccountView datetimes', () => {
  it('reads summer and winter time with the right offset', () => {
    expect(iso('2024-07-01T12:00:00')).toBe('2024-07-01T10:00:00.000Z');
    expect(iso('2024-12-01T12:00:00')).toBe('2024-12-01T11:00:00.000Z');
    expect(iso('2024-07-01T12:00:00.450')).toBe('2024-07-01T10:00:00.450Z');
  });

  it('handles the spring-forward gap and the autumn repeat like Temporal "compatible"', () => {
    expect(iso('2024-03-31T01:59:59')).toBe('2024-03-31T00:59:59.000Z');
    // 02:30 does not exist in Amsterdam on 31 March 2024: it moves forward to 03:30 CEST.
    expect(iso('2024-03-31T02:30:00')).toBe('2024-03-31T01:30:00.000Z');
    expect(iso('2024-03-31T03:30:00')).toBe('2024-03-31T01:30:00.000Z');
    // 02:30 happens twice on 27 October 2024: the earlier (CEST) one is taken.
    expect(iso('2024-10-27T02:30:00')).toBe('2024-10-27T00:30:00.000Z');
    expect(iso('2024-10-27T03:30:00')).toBe('2024-10-27T02:30:00.000Z');
    expect(iso('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
  });

  it('writes instants back as wall-clock time, both sides of a change', () => {
    expect(toWallClock(new Date('2024-10-27T00:30:00Z'), AMS)).toBe('2024-10-27T02:30:00');
    expect(toWallClock(new Date('2024-10-27T01:30:00Z'), AMS)).toBe('2024-10-27T02:30:00');
    expect(toWallClock(new Date('2024-03-31T01:00:00Z'), AMS)).toBe('2024-03-31T03:00:00');
    expect(toWallClock(new Date('2024-12-31T23:30:00Z'), AMS)).toBe('2025-01-01T00:30:00');
  });

  it('leaves anything else alone', () => {
    expect(fromWallClock('2024-02-30T00:00:00', AMS)).toBeUndefined();
    expect(fromWallClock('2024-07-01', AMS)).toBeUndefined();
    expect(fromWallClock('2024-07-01T12:00:00Z', AMS)).toBeUndefined();
    expect(fromWallClock('BAND-0001', AMS)).toBeUndefined();
  });

  it('builds VFP filter literals in the administration time zone', () => {
    expect(toFilterLiteral(new Date('2024-10-27T01:30:00Z'), AMS, 'T')).toBe('{^2024-10-27 02:30:00}');
    expect(toFilterLiteral(new Date('2024-06-30T22:30:00Z'), AMS, 'D')).toBe('{^2024-07-01}');
    expect(toFilterLiteral('2024-07-01', AMS, 'D')).toBe('{^2024-07-01}');
    expect(toFilterLiteral('2024-07-01', AMS, 'T')).toBe('{^2024-07-01 00:00:00}');
  });
});

describe('cached zone offsets', () => {
  it('agree with Intl for instants spread over years and zones', () => {
    const zones = [AMS, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    const intl = (zone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    for (const zone of zones) {
      const f = intl(zone);
      for (let i = 0; i < 120; i++) {
        const instant = new Date(Date.UTC(2023, 0, 1) + i * 181_270_567);
        const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
        const expected = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
        expect(toWallClock(instant, zone), `${zone} ${instant.toISOString()}`).toBe(expected);
        expect(fromWallClock(expected, zone)?.getTime(), `${zone} ${expected}`).toSatisfy((t: number) => toWallClock(new Date(t), zone) === expected);
      }
    }
  });
});
