import { z } from 'zod';
import { avBoolean, avNumber } from '@/lib/accountview';
import type { DocLine } from './document';
import type { OrdersContext } from './ports';
import type { RunMemory } from './run-memory';
import { SERVICE_LABEL } from './wording';

/** An AccountView article as the orders flow needs it. */
export interface ArticleInfo {
  code: string;
  ean: string;
  vatCode: string;
  blocked: boolean;
}

const vatRow = z.looseObject({ VAT_CODE: z.union([z.string(), z.number()]).transform((v) => String(v).trim()), VAT_PCT: avNumber.optional() });

/**
 * The percentage of each AccountView VAT code, read once per run: on a sales order AccountView computes the
 * VAT itself from the article's code, so a code whose percentage differs from what BigCommerce charged would
 * make the document total wrong. Administrations whose VAT table has no percentage column are not checked.
 */
async function vatPercentages(ctx: OrdersContext, memory: RunMemory): Promise<Record<string, number>> {
  if (!memory.vatPercentages) {
    memory.vatPercentages = await ctx.step.run('vat-codes', async () => {
      const rows = await ctx.accountview.readAll('VA1', { pageSize: 1000 }, vatRow);
      return Object.fromEntries(rows.filter((r) => r.VAT_PCT !== undefined).map((r) => [r.VAT_CODE, r.VAT_PCT as number]));
    });
  }
  return memory.vatPercentages;
}

const articleRow = z.looseObject({
  ART_CODE: z.string(),
  EAN_CODE: z.string().optional(),
  VAT_CODE: z.string().optional(),
  REC_BLK: avBoolean.optional(),
});

/** AccountView separates a list of values with commas; a code with a comma cannot be asked for in a list. */
const listable = (value: string) => value !== '' && !value.includes(',');

function infoOf(row: z.output<typeof articleRow>): ArticleInfo {
  return { code: row.ART_CODE.trim(), ean: (row.EAN_CODE ?? '').trim(), vatCode: (row.VAT_CODE ?? '').trim(), blocked: row.REC_BLK === true };
}

async function readArticles(ctx: OrdersContext, stepId: string, field: 'ART_CODE' | 'EAN_CODE', values: string[]): Promise<ArticleInfo[]> {
  const fields = ['ART_CODE', 'VAT_CODE', 'REC_BLK', ...(ctx.settings.articleMatch === 'sku-then-ean' ? ['EAN_CODE'] : [])];
  return ctx.step.run(stepId, async () => {
    const rows = await ctx.accountview.readAll('AK1', { filters: [{ field, operator: 'In', values }], fields, pageSize: 1000 }, articleRow);
    return rows.map(infoOf);
  });
}

/** Finds an article in what the run learned: exact code first, then ignoring case (AccountView codes are usually upper case). */
export function known(memory: RunMemory, kind: 'code' | 'ean', value: string): ArticleInfo | null | undefined {
  const exact = memory.articles.get(`${kind}:${value}`);
  if (exact !== undefined) return exact;
  return memory.articles.get(`${kind}:${value.toUpperCase()}`);
}

function remember(memory: RunMemory, infos: readonly ArticleInfo[], kind: 'code' | 'ean', asked: readonly string[]): void {
  for (const info of infos) {
    memory.articles.set(`code:${info.code}`, info);
    if (info.ean) memory.articles.set(`ean:${info.ean}`, info);
  }
  for (const value of asked) {
    if (memory.articles.has(`${kind}:${value}`)) continue;
    const loose = infos.find((i) => (kind === 'code' ? i.code : i.ean).toUpperCase() === value.toUpperCase());
    memory.articles.set(`${kind}:${value}`, loose ?? null);
  }
}

export interface ArticleCheck {
  /** Plain-language problems; empty when every line has its article. */
  problems: string[];
  hints: string[];
  /** SKUs that had no article (for the log's search text and the retry). */
  missingSkus: string[];
}

/**
 * Gives every product line its AccountView article: all of an order's SKUs in ONE filtered read (a list of
 * values), then one read by EAN for the SKUs that were not found, skipping whatever this run already
 * learned. For sales orders the configured articles of the other lines are checked in the same read.
 */
export async function matchArticles(ctx: OrdersContext, memory: RunMemory, orderId: number, lines: DocLine[]): Promise<ArticleCheck> {
  const salesOrder = ctx.settings.documentType === 'sales-order';
  const products = lines.filter((l) => l.kind === 'product');
  const services = salesOrder ? lines.filter((l) => l.kind !== 'product') : [];
  // The rounding article is asked along, so a rounding line later needs no read of its own.
  const rounding = salesOrder && ctx.settings.roundingPolicy === 'line' ? [ctx.settings.serviceLines.rounding.article] : [];
  const wantedCodes = [...new Set([...products.map((l) => l.sku), ...services.map((l) => l.articleCode), ...rounding])].filter(listable);
  const askCodes = [...new Set(wantedCodes.filter((c) => known(memory, 'code', c) === undefined).flatMap((c) => [c, c.toUpperCase()]))];
  if (askCodes.length > 0) remember(memory, await readArticles(ctx, `order-${orderId}:articles`, 'ART_CODE', askCodes), 'code', askCodes);

  if (ctx.settings.articleMatch === 'sku-then-ean') {
    const eans = [...new Set(products.filter((l) => !known(memory, 'code', l.sku)).map((l) => l.ean))].filter(listable);
    const askEans = eans.filter((e) => known(memory, 'ean', e) === undefined);
    if (askEans.length > 0) remember(memory, await readArticles(ctx, `order-${orderId}:articles-by-ean`, 'EAN_CODE', askEans), 'ean', askEans);
  }

  const percentages = salesOrder && ctx.settings.articleVatCheck === 'fail' ? await vatPercentages(ctx, memory) : {};
  const problems: string[] = [];
  const hints: string[] = [];
  const missingSkus: string[] = [];
  const byEan = ctx.settings.articleMatch === 'sku-then-ean';
  for (const line of products) {
    const article = known(memory, 'code', line.sku) ?? (byEan && line.ean ? known(memory, 'ean', line.ean) : undefined);
    if (!article) {
      missingSkus.push(line.sku);
      const comma = line.sku.includes(',') ? ' (an SKU with a comma cannot be looked up: remove the comma in BigCommerce)' : '';
      problems.push(`Article ${line.sku} ("${line.description}") is not in AccountView${byEan && line.ean ? `, not even by EAN ${line.ean}` : ''}${comma}.`);
      hints.push(
        `Create article ${line.sku} in AccountView, or map it: give the AccountView article the same code as the BigCommerce SKU${byEan ? ' or its EAN code' : ''}. The order is sent again automatically on a later run once the article exists.`,
      );
      continue;
    }
    line.articleCode = article.code;
    checkArticle(ctx, line, article, `for ${line.sku}`, percentages, problems, hints);
  }
  for (const line of services) {
    const article = known(memory, 'code', line.articleCode);
    const what = SERVICE_LABEL[line.kind];
    if (!line.articleCode) {
      problems.push(`No AccountView article is set for ${what}.`);
      hints.push(`Choose the article for ${what} in the order settings.`);
      continue;
    }
    if (!article) {
      problems.push(`Article ${line.articleCode}, used for ${what}, is not in AccountView.`);
      hints.push(`Create article ${line.articleCode} in AccountView, or choose another article for ${what} in the order settings.`);
      continue;
    }
    line.articleCode = article.code;
    checkArticle(ctx, line, article, `used for ${what}`, percentages, problems, hints);
  }
  return { problems, hints, missingSkus };
}

function checkArticle(ctx: OrdersContext, line: DocLine, article: ArticleInfo, role: string, percentages: Record<string, number>, problems: string[], hints: string[]): void {
  if (ctx.settings.documentType !== 'sales-order') return;
  if (article.blocked) {
    problems.push(`Article ${article.code} (${role}) is blocked in AccountView.`);
    hints.push(`Unblock article ${article.code} in AccountView; the order is sent again automatically.`);
  }
  if (ctx.settings.articleVatCheck === 'fail' && article.vatCode !== '' && article.vatCode !== line.vatCode) {
    problems.push(
      `Article ${article.code} (${role}) has VAT code ${article.vatCode} in AccountView, but BigCommerce charged ${line.vatRate} % (VAT code ${line.vatCode}) on "${line.description}".`,
    );
    hints.push(
      role.startsWith('for ')
        ? // A product line: usually the shop charged the wrong rate because the product is on the wrong tax class.
          `If the shop charged the wrong VAT, put the product on the tax class of VAT code ${article.vatCode} in BigCommerce (the products settings do this per VAT code); otherwise give article ${article.code} VAT code ${line.vatCode} in AccountView, or correct the VAT table in the order settings.`
        : `Give article ${article.code} VAT code ${line.vatCode} in AccountView, or correct the VAT table in the order settings.`,
    );
    return;
  }
  const percentage = percentages[article.vatCode || line.vatCode];
  if (ctx.settings.articleVatCheck === 'fail' && percentage !== undefined && Math.abs(percentage - line.vatRate) > 0.001) {
    problems.push(
      `VAT code ${article.vatCode || line.vatCode} (article ${article.code}, ${role}) is ${percentage} % in AccountView, but BigCommerce charged ${line.vatRate} % on "${line.description}".`,
    );
    hints.push(`Map ${line.vatRate} % to an AccountView VAT code of ${line.vatRate} % in the VAT table of the order settings.`);
  }
}
