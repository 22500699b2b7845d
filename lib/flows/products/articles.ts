import { z } from 'zod';
import type { Filter, ReadQuery } from '@/lib/accountview';
import type { RecordMapping } from '@/lib/mapping';
import type { ProductFlowSettings } from './settings';

/** Article business object and the columns the flow itself needs, whatever the mapping says. */
export const ARTICLE_OBJECT = 'AK1';
/** `IMG_MEDIUM` is only the image's file name; its bytes (IMG_M_DATA) are read apart, see images.ts. */
const ALWAYS_READ = ['ART_CODE', 'EAN_CODE', 'VAT_CODE', 'REC_BLK', 'AG_CODE', 'CNG_DATE', 'IMG_MEDIUM'] as const;

/**
 * The AccountView columns a mapping reads: upper-case words outside string literals. Reading only
 * these keeps heavy columns (IMG_M_DATA) off the wire unless an expression asks for them.
 */
export function fieldsFor(mapping: RecordMapping, settings: ProductFlowSettings): string[] {
  const names = new Set<string>(ALWAYS_READ);
  if (settings.variantGroupField !== '') {
    names.add(settings.variantGroupField);
    for (const option of settings.variantOptions) names.add(option.field);
  }
  for (const field of mapping.fields) {
    const code = field.expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ').replace(/\$[A-Za-z_]\w*/g, ' ');
    for (const match of code.matchAll(/\b[A-Z][A-Z0-9_]*\b/g)) names.add(match[0]);
  }
  return [...names].sort();
}

/**
 * A full read: every article (of the chosen groups); otherwise those changed on or after the newest change
 * the last run saw (AccountView's own clock on both sides, so no skew; the newest ones are read again and
 * cost nothing thanks to the content hash). The periodic full read catches anything this misses.
 */
export function articleQuery(settings: ProductFlowSettings, fields: string[], since: Date | undefined): ReadQuery {
  const filters: Filter[] = [];
  if (since) filters.push({ field: 'CNG_DATE', operator: 'DateOnOrAfterDate', value: since });
  if (settings.articleGroups.length > 0) filters.push({ field: 'AG_CODE', operator: 'In', values: settings.articleGroups });
  return { fields, filters, sortFields: ['ART_CODE'], sortOrder: 'ascending', pageSize: settings.pageSize };
}

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/** One article row; the columns the mapping reads pass through untouched. */
export const articleRow = z.looseObject({
  ART_CODE: text,
  EAN_CODE: text.optional(),
  VAT_CODE: text.optional(),
  REC_BLK: z.union([z.boolean(), z.string(), z.number()]).optional(),
  CNG_DATE: z.union([z.date(), z.string(), z.null()]).optional(),
});
export type ArticleRow = z.output<typeof articleRow>;

/** Mapping input: plain JSON (dates as ISO text) so expressions and hashes see the same values every time. */
export function mappingInput(row: ArticleRow): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) input[key] = value instanceof Date ? value.toISOString() : value;
  input.REC_BLK = row.REC_BLK === true || (typeof row.REC_BLK === 'string' && /^(true|\.t\.|1)$/i.test(row.REC_BLK)) || row.REC_BLK === 1;
  return input;
}

/** Whether the article belongs to a variant family (its grouping column is filled). */
export function inVariantFamily(row: ArticleRow, settings: ProductFlowSettings): boolean {
  return familyOf(row, settings) !== '';
}

/** The article's family (grouping value), trimmed; empty when it has none. */
export function familyOf(row: ArticleRow, settings: ProductFlowSettings): string {
  if (settings.variantGroupField === '') return '';
  const value = row[settings.variantGroupField];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** EAN-13 and GTIN-14 of the same item differ only by leading zeros. */
export function normaliseEan(value: string | undefined | null): string {
  const digits = (value ?? '').trim();
  return /^\d+$/.test(digits) ? digits.replace(/^0+/, '') : '';
}
