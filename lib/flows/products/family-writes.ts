import { z } from 'zod';
import type { ProductCreate, ProductOption, Variant, VariantBatchUpdate } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import type { CatalogIndex } from './catalog-index';
import type { FamilyPlan, OptionLabel, VariantPlan } from './family-plan';
import { GONE_HASH } from './hide-gone';
import type { ProductsContext, ProductSyncSummary } from './ports';
import type { Pending } from './product-updates';
import { fail, hintFor, isRecordProblem, PRODUCT_FAMILY_ENTITY, PRODUCT_VARIANT_ENTITY } from './record-problems';
import type { VariantBatch } from './variant-batch';

/** What the id-map keeps per family besides the hash: its category and every article it had last time. */
export const familyData = z
  .object({ categoryId: z.number().optional(), members: z.array(z.string()).default([]), source: z.string().optional() })
  .catch({ members: [] });
const variantData = z.object({ productId: z.number().optional() }).catch({});
/** The variants a product create answers with (not in the generated `Product` type). */
const createdVariants = z.looseObject({ variants: z.array(z.looseObject({ id: z.number(), sku: z.string() })).optional() }).catch({});

export interface FamilyWrites {
  batch: VariantBatch;
  /** Family products whose own fields changed, sent 10 at a time by the caller. */
  updates: Pending[];
  summary: ProductSyncSummary;
  catalog: () => Promise<CatalogIndex>;
}

/** A variant's option values by label only: a product made by hand may name its options otherwise ("Maat"). */
const labelsOf = (values: ReadonlyArray<{ label: string }>) =>
  values
    .map((v) => v.label.trim().toLowerCase())
    .sort()
    .join('\u0000');

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

async function variantDone(ctx: ProductsContext, w: FamilyWrites, plan: FamilyPlan, productId: number, v: VariantPlan, variantId: number, created: boolean): Promise<void> {
  await ctx.idMap.putDone({ entity: PRODUCT_VARIANT_ENTITY, sourceId: v.code, targetId: String(variantId), contentHash: v.hash, data: { productId, family: plan.key } });
  const what = v.options.map((o) => `${o.name} ${o.label}`).join(', ');
  const message = created ? `Created variant ${variantId} (${what}) of product ${productId}.` : `Updated variant ${variantId} (${what}) of product ${productId}.`;
  await ctx.log.record({ entity: 'article', sourceId: v.code, outcome: created ? 'created' : 'updated', message, sent: v.fields, targetRef: String(variantId), searchText: `${v.code} ${plan.key}` });
  if (created) w.summary.variantsCreated += 1;
  else w.summary.variantsUpdated += 1;
}

/** A new family: ONE `POST /v3/catalog/products` with every variant inline; BigCommerce creates the options and their values. */
async function createFamily(ctx: ProductsContext, w: FamilyWrites, plan: FamilyPlan): Promise<number | undefined> {
  if (plan.variants.length === 0) return undefined;
  return ctx.idMap.lock(`family:${plan.key}`, async () => {
    const variants = plan.variants.map((v) => ({ ...v.fields, option_values: v.options.map((o) => ({ option_display_name: o.name, label: o.label })) }));
    const body = { type: 'physical', ...(plan.categoryId === undefined ? {} : { categories: [plan.categoryId] }), ...plan.create, variants } as ProductCreate;
    let created: Awaited<ReturnType<ProductsContext['bigcommerce']['createProduct']>>;
    try {
      created = await ctx.bigcommerce.createProduct(body);
    } catch (error) {
      if (!isRecordProblem(error)) throw error;
      await fail(ctx, plan.key, error.message, hintFor(error), body, PRODUCT_FAMILY_ENTITY);
      w.summary.failed += 1;
      return undefined;
    }
    const productId = created.id;
    if (typeof productId !== 'number') throw new Error(`BigCommerce created family ${plan.key} without an id`);
    (await w.catalog()).add(productId, plan.key, undefined);
    // The create answer lists the variants; a read finds them when it does not.
    const inline = createdVariants.parse(created).variants ?? [];
    const answered = inline.length > 0 ? inline : await variantsOf(ctx, productId);
    const bySku = new Map(answered.map((v) => [(v.sku ?? '').toLowerCase(), v]));
    for (const v of plan.variants) {
      const variant = bySku.get(v.fields.sku.toLowerCase());
      if (typeof variant?.id === 'number') await variantDone(ctx, w, plan, productId, v, variant.id, true);
    }
    await ctx.idMap.putDone({ entity: PRODUCT_FAMILY_ENTITY, sourceId: plan.key, targetId: String(productId), contentHash: plan.hash, data: { categoryId: plan.categoryId, members: plan.members, source: plan.source } });
    await ctx.log.record({ entity: 'article-family', sourceId: plan.key, outcome: 'created', message: `Created product ${productId} for variant family ${plan.key} with ${plan.variants.length} variant(s).`, sent: body, targetRef: String(productId), searchText: plan.key });
    w.summary.familiesCreated += 1;
    return productId;
  });
}

async function variantsOf(ctx: ProductsContext, productId: number): Promise<Variant[]> {
  const found: Variant[] = [];
  for await (const v of ctx.bigcommerce.listVariants({ 'product_id:in': [productId], include_fields: ['sku', 'product_id', 'option_values'] })) found.push(v);
  return found;
}

/**
 * The product's options, with the value each label needs: an option the product lacks is created with
 * the value (one call), a value an existing option lacks is added to it (one call) — a family that gains
 * a size gets the size as a new value of its Size option.
 */
async function optionValuesFor(ctx: ProductsContext, productId: number, options: ProductOption[], wanted: OptionLabel[]): Promise<Array<{ id: number; option_id: number }>> {
  const result: Array<{ id: number; option_id: number }> = [];
  for (const { name, label } of wanted) {
    let option = options.find((o) => (o.display_name ?? '').toLowerCase() === name.toLowerCase());
    if (!option) {
      option = await ctx.bigcommerce.createProductOption(productId, { display_name: name, type: 'rectangles', sort_order: options.length, option_values: [{ label, sort_order: 0 }] });
      options.push(option);
    }
    let value = option.option_values?.find((v) => v.label.toLowerCase() === label.toLowerCase());
    if (!value && typeof option.id === 'number') {
      value = await ctx.bigcommerce.createProductOptionValue(productId, option.id, { label, sort_order: option.option_values?.length ?? 0 });
      option.option_values = [...(option.option_values ?? []), value];
    }
    if (typeof value?.id !== 'number' || typeof option.id !== 'number') throw new Error(`BigCommerce answered option ${name} of product ${productId} without ids`);
    result.push({ id: value.id, option_id: option.id });
  }
  return result;
}

/**
 * Brings one family's product in step: creates it when it is new (and not found by SKU), else queues the
 * product's update when its own fields changed, and the variants whose article changed (updates, new
 * variants with new option values, purchasing disabled for articles gone from the family). A family whose
 * product and articles all hash as last sent costs nothing at all. Returns the family's product id
 * (undefined when it could not be created).
 */
export async function syncFamily(
  ctx: ProductsContext,
  w: FamilyWrites,
  plan: FamilyPlan,
  familyEntry: IdMapEntry | undefined,
  variantEntries: ReadonlyMap<string, IdMapEntry>,
  adoptable: number | undefined,
): Promise<number | undefined> {
  let productId = familyEntry?.state === 'done' && familyEntry.targetId ? Number(familyEntry.targetId) : undefined;
  const adopted = productId === undefined && adoptable !== undefined;
  if (productId === undefined) productId = adoptable;
  if (productId === undefined) return createFamily(ctx, w, plan);

  const previous = familyData.parse(familyEntry?.data ?? {});
  const gone = previous.members.filter((code) => {
    const entry = variantEntries.get(code);
    return !plan.members.includes(code) && entry?.state === 'done' && entry.targetId && entry.contentHash !== GONE_HASH;
  });
  const changed = plan.variants.filter((v) => {
    const entry = variantEntries.get(v.code);
    return adopted || entry?.state !== 'done' || entry.contentHash !== v.hash || variantData.parse(entry.data ?? {}).productId !== productId;
  });
  const familyChanged = adopted || familyEntry?.contentHash !== plan.hash;
  const data = { categoryId: plan.categoryId, members: plan.members, source: plan.source };
  if (familyChanged) {
    const previousCategoryId = adopted ? undefined : previous.categoryId;
    w.updates.push({ code: plan.key, productId, record: plan.update, hash: plan.hash, adopted, categoryId: plan.categoryId, previousCategoryId, entity: PRODUCT_FAMILY_ENTITY, data });
  } else if (!sameMembers(previous.members, plan.members) || previous.source !== plan.source) {
    await ctx.idMap.putDone({ entity: PRODUCT_FAMILY_ENTITY, sourceId: plan.key, targetId: String(productId), contentHash: plan.hash, data });
  }
  if (!familyChanged && changed.length === 0 && gone.length === 0) {
    w.summary.familiesUnchanged += 1;
    return productId;
  }
  if (changed.length === 0 && gone.length === 0) return productId;

  const current = await variantsOf(ctx, productId);
  const bySku = new Map(current.map((v) => [(v.sku ?? '').toLowerCase(), v]));
  let options: ProductOption[] | undefined;
  for (const v of changed) {
    const existing = bySku.get(v.fields.sku.toLowerCase());
    const id = productId;
    if (typeof existing?.id === 'number') {
      const variantId = existing.id;
      const had = labelsOf(existing.option_values ?? []);
      if (had !== labelsOf(v.options)) {
        // A variant's option values cannot be changed once it exists; failing (not skipping) keeps the
        // article in every run until the merchant deletes the variant, which is then created anew.
        await fail(
          ctx,
          v.code,
          `The option values of the article changed in AccountView (${v.options.map((o) => `${o.name} ${o.label}`).join(', ')}), but BigCommerce keeps a variant's option values once it exists.`,
          `Delete variant ${v.fields.sku} of product ${id} in BigCommerce; the next sync creates it again with the new option values.`,
          v.options,
          PRODUCT_VARIANT_ENTITY,
        );
        w.summary.failed += 1;
        continue;
      }
      await w.batch.add(v.code, { id: variantId, ...v.fields }, () => variantDone(ctx, w, plan, id, v, variantId, false));
      continue;
    }
    options ??= await optionsOf(ctx, productId);
    let optionValues: Array<{ id: number; option_id: number }>;
    try {
      optionValues = await optionValuesFor(ctx, productId, options, v.options);
    } catch (error) {
      if (!isRecordProblem(error)) throw error;
      await fail(ctx, v.code, error.message, 'Check the options of the product in BigCommerce (at most 250 values per option).', v.options, PRODUCT_VARIANT_ENTITY);
      w.summary.failed += 1;
      continue;
    }
    const entry = { product_id: productId, ...v.fields, option_values: optionValues } as VariantBatchUpdate;
    await w.batch.add(v.code, entry, async (variant) => {
      if (typeof variant.id === 'number') await variantDone(ctx, w, plan, id, v, variant.id, true);
    });
  }
  const ids = new Set(current.map((v) => v.id));
  for (const code of gone) {
    const variantId = Number(variantEntries.get(code)?.targetId);
    if (!ids.has(variantId)) continue;
    const id = productId;
    await w.batch.add(code, { id: variantId, purchasing_disabled: true }, async () => {
      await ctx.idMap.putDone({ entity: PRODUCT_VARIANT_ENTITY, sourceId: code, targetId: String(variantId), contentHash: GONE_HASH, data: { productId: id, family: plan.key } });
      await ctx.log.record({ entity: 'article', sourceId: code, outcome: 'updated', message: `Variant ${variantId} of product ${id} can no longer be bought: the article is gone from variant family ${plan.key} in AccountView.`, targetRef: String(variantId), searchText: `${code} ${plan.key}` });
      w.summary.variantsUpdated += 1;
    });
  }
  return productId;
}

async function optionsOf(ctx: ProductsContext, productId: number): Promise<ProductOption[]> {
  const found: ProductOption[] = [];
  for await (const option of ctx.bigcommerce.listProductOptions(productId)) found.push(option);
  return found;
}
