import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectedClient } from '../lib/accountview/harness';
import { startAccountViewSimulator } from './accountview';
import { ARTICLE_FIELDS as A, IMAGE_FIELDS } from './accountview/assumptions';
import { LARGE_ADMINISTRATION, largeAdministration } from './accountview/seed/large-administration';

describe('large AccountView administration (benchmarks)', () => {
  const company = largeAdministration();
  const articles = company.tables.ARTICLE ?? [];
  const debtors = company.tables.CONTACT ?? [];

  it('has 10,000 articles, 1,000 of them in 200 families of 5 that differ in size', () => {
    expect(articles).toHaveLength(10_000);
    const families = new Map<string, typeof articles>();
    for (const row of articles) {
      const family = String(row[A.variantGroup]);
      if (family !== '') families.set(family, [...(families.get(family) ?? []), row]);
    }
    expect(families.size).toBe(200);
    for (const rows of families.values()) {
      expect(rows).toHaveLength(5);
      expect(new Set(rows.map((r) => r[A.size])).size).toBe(5);
      expect(new Set(rows.map((r) => r[A.colour])).size).toBe(1);
      expect(rows[0]?.[A.colour]).not.toBe('');
    }
  });

  it('gives every article a unique code and name, a known group and VAT code, stock, and some an image', () => {
    expect(new Set(articles.map((r) => r.ART_CODE)).size).toBe(articles.length);
    expect(new Set(articles.map((r) => r.ART_DESC1)).size).toBe(articles.length);
    const groups = new Set((company.tables.ART_GRP ?? []).map((g) => g.AG_CODE));
    const vatCodes = new Set((company.tables.VAT ?? []).map((v) => String(v.VAT_CODE)));
    expect(articles.every((r) => groups.has(r.AG_CODE) && vatCodes.has(String(r[A.vatCode])))).toBe(true);
    expect(articles.every((r) => typeof r.QTY_AVAIL === 'number')).toBe(true);
    const withImage = articles.filter((r) => r[IMAGE_FIELDS.data] !== '').length;
    expect(withImage).toBeGreaterThan(100);
    expect(withImage).toBeLessThan(articles.length / 10);
  });

  it('has 5,000 debtors with distinct e-mail addresses, one in 20 without', () => {
    expect(debtors).toHaveLength(5_000);
    const mails = debtors.map((d) => String(d.MAIL_BUS)).filter((m) => m !== '');
    expect(debtors.length - mails.length).toBe(250);
    expect(new Set(mails).size).toBe(mails.length);
  });

  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(largeAdministration())).toBe(JSON.stringify(company));
    expect(JSON.stringify(largeAdministration({ seed: 7 }).tables.ARTICLE)).not.toBe(JSON.stringify(articles));
  });

  it('scales down for quick runs and is read through the simulator API like any administration', async () => {
    const small = largeAdministration({ articles: 500, debtors: 40 });
    expect(small.tables.ARTICLE).toHaveLength(500);
    expect(small.tables.ARTICLE?.filter((r) => r[A.variantGroup] !== '')).toHaveLength(50);
    const sim = await startAccountViewSimulator({ clients: [{ clientId: 'av-test-client', clientSecret: 'av-test-secret', redirectUris: ['http://localhost:3000/api/accountview/callback'] }] });
    try {
      sim.state.companies.push(small);
      const { client } = await connectedClient(sim, { companyId: LARGE_ADMINISTRATION.id });
      const rows = await client.readAll('AK1', { fields: ['ART_CODE'], pageSize: 200 }, z.looseObject({ ART_CODE: z.string() }));
      expect(rows).toHaveLength(500);
    } finally {
      await sim.stop();
    }
  });
});
