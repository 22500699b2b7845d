import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import { ARTICLE_OBJECT, type ArticleRow } from './articles';
import type { ProductsContext } from './ports';
import { isRecordProblem, PRODUCT_ENTITY } from './record-problems';

/** Id-map entity: source id is ART_CODE, target id the BigCommerce image id, content hash the sha256 of the bytes. */
export const PRODUCT_IMAGE_ENTITY = 'product-image';

/** The article's image file name (light enough to read with every article). */
export const IMAGE_NAME_FIELD = 'IMG_MEDIUM';
/** The image itself, base64: heavy, so read only for the articles that need it (see `syncImages`). */
export const IMAGE_DATA_FIELD = 'IMG_M_DATA';

/** Articles whose image data one read asks for: the column can hold megabytes per row. */
const DATA_READ_CHUNK = 10;

const imageData = z.object({ productId: z.number().optional(), name: z.string().optional() }).catch({});

const dataRow = z.looseObject({
  ART_CODE: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  [IMAGE_DATA_FIELD]: z.string().nullish(),
});

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

/** `IMG_MEDIUM` as a file name: AccountView may give a plain name or `{ name }`; empty when the article has no image. */
export function imageNameOf(row: ArticleRow): string {
  const value = row[IMAGE_NAME_FIELD];
  const name = value && typeof value === 'object' && 'name' in value ? (value as { name: unknown }).name : value;
  if (typeof name !== 'string') return '';
  // A path on the AccountView machine: only the last part means anything to BigCommerce.
  return name.trim().split(/[\\/]/).pop() ?? '';
}

/** The extension BigCommerce needs, from the name or else from the bytes themselves. */
function fileFor(code: string, name: string, bytes: Uint8Array): { filename: string; contentType: string } | undefined {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  const byName = name.includes('.') ? TYPES[extension] : undefined;
  if (byName) return { filename: name, contentType: byName };
  const sniffed =
    bytes[0] === 0x89 && bytes[1] === 0x50 ? 'png' : bytes[0] === 0xff && bytes[1] === 0xd8 ? 'jpg' : bytes[0] === 0x47 && bytes[1] === 0x49 ? 'gif' : undefined;
  if (!sniffed) return undefined;
  return { filename: `${code.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}.${sniffed}`, contentType: TYPES[sniffed] ?? 'application/octet-stream' };
}

interface Candidate {
  code: string;
  name: string;
  productId: number;
  entry: IdMapEntry | undefined;
}

/**
 * The images of one page of articles. Only articles with an `IMG_MEDIUM` and a synced product count.
 * `IMG_M_DATA` is read in a second, filtered read (by ART_CODE, ten at a time) and only for articles whose
 * image may have changed: on an incremental read every article read changed since the checkpoint, so all of
 * them; on a full read only those without an image yet, with another file name, or on another product —
 * an image whose bytes changed also changed the article's CNG_DATE, which the incremental runs catch.
 * The sha256 of the bytes decides: equal to the id-map's → nothing; new → upload; changed → upload, then
 * delete the old image (so the product keeps one image from AccountView). An article whose image is gone
 * (no `IMG_MEDIUM`) loses the image this app uploaded; the merchant's own images are never touched.
 */
export async function syncImages(
  ctx: ProductsContext,
  page: readonly ArticleRow[],
  incremental: boolean,
  /** The product each article's image goes on, when not its own simple product (a family's, see families.ts). */
  productIds?: ReadonlyMap<string, number>,
): Promise<void> {
  if (page.length === 0) return;
  const all = page.map((row) => ({ code: row.ART_CODE, name: imageNameOf(row) }));
  const images = await ctx.idMap.getMany(PRODUCT_IMAGE_ENTITY, all.map((r) => r.code));
  // An article without an image whose image this app uploaded: the image was removed in AccountView.
  for (const { code } of all.filter((r) => r.name === '')) {
    const entry = images.get(code);
    if (entry?.state === 'done' && entry.targetId) await removeImage(ctx, code, entry);
  }
  const named = all.filter((r) => r.name !== '');
  if (named.length === 0) return;
  const products = productIds ? new Map<string, IdMapEntry>() : await ctx.idMap.getMany(PRODUCT_ENTITY, named.map((r) => r.code));
  const candidates: Candidate[] = [];
  for (const { code, name } of named) {
    const product = products.get(code);
    const productId = productIds ? productIds.get(code) : product?.state === 'done' && product.targetId ? Number(product.targetId) : undefined;
    if (productId === undefined) continue;
    const entry = images.get(code);
    const known = imageData.parse(entry?.data ?? {});
    const mayHaveChanged = incremental || entry?.state !== 'done' || !entry.contentHash || known.name !== name || known.productId !== productId;
    if (mayHaveChanged) candidates.push({ code, name, productId, entry });
  }
  for (let i = 0; i < candidates.length; i += DATA_READ_CHUNK) {
    const chunk = candidates.slice(i, i + DATA_READ_CHUNK);
    const rows = await ctx.accountview.readAll(
      ARTICLE_OBJECT,
      { fields: ['ART_CODE', IMAGE_DATA_FIELD], filters: [{ field: 'ART_CODE', operator: 'In', values: chunk.map((c) => c.code) }], pageSize: DATA_READ_CHUNK },
      dataRow,
    );
    const data = new Map(rows.map((r) => [r.ART_CODE, r[IMAGE_DATA_FIELD] ?? '']));
    for (const candidate of chunk) await syncImage(ctx, candidate, data.get(candidate.code) ?? '');
  }
}

/**
 * Deletes the image this app put on the product (known from the id-map, so never one the merchant added)
 * and forgets it; an image the merchant already deleted counts as removed.
 */
async function removeImage(ctx: ProductsContext, code: string, entry: IdMapEntry): Promise<void> {
  const { productId } = imageData.parse(entry.data ?? {});
  const imageId = Number(entry.targetId);
  if (productId !== undefined) {
    try {
      await ctx.bigcommerce.deleteProductImage(productId, imageId);
    } catch (error) {
      if (!(isRecordProblem(error) && error.status === 404)) throw error;
    }
  }
  await ctx.idMap.remove(PRODUCT_IMAGE_ENTITY, code);
  await ctx.log.record({
    entity: 'article-image',
    sourceId: code,
    outcome: 'updated',
    message: `Removed image ${imageId} from product ${productId ?? ''}: the article has no image in AccountView any more.`,
    targetRef: String(imageId),
    searchText: code,
  });
}

async function syncImage(ctx: ProductsContext, candidate: Candidate, base64: string): Promise<void> {
  const { code, name, productId, entry } = candidate;
  const bytes = new Uint8Array(Buffer.from(base64.replace(/\s+/g, ''), 'base64'));
  if (bytes.length === 0) return;
  const hash = createHash('sha256').update(bytes).digest('hex');
  const known = imageData.parse(entry?.data ?? {});
  const previousId = entry?.state === 'done' && entry.targetId && known.productId === productId ? Number(entry.targetId) : undefined;
  if (previousId !== undefined && entry?.contentHash === hash) return;

  const file = fileFor(code, name, bytes);
  if (!file) {
    await ctx.log.record({ entity: 'article-image', sourceId: code, outcome: 'failed', message: `The image "${name}" is not a file type BigCommerce accepts.`, hint: 'Give the article a JPEG, PNG, GIF or WebP image in AccountView.', searchText: code });
    return;
  }
  let imageId: number;
  try {
    const image = await ctx.bigcommerce.uploadProductImage(productId, { file: bytes, filename: file.filename, contentType: file.contentType, isThumbnail: true });
    if (typeof image.id !== 'number') throw new Error(`BigCommerce stored the image of ${code} without an id`);
    imageId = image.id;
  } catch (error) {
    if (!isRecordProblem(error)) throw error;
    await ctx.log.record({ entity: 'article-image', sourceId: code, outcome: 'failed', message: error.message, hint: 'Check the image of the article in AccountView (type, at most 8 MB).', sent: { file: file.filename, bytes: bytes.length }, searchText: code });
    return;
  }
  // Kept before the old image goes, so a failed delete never leads to a second upload.
  await ctx.idMap.putDone({ entity: PRODUCT_IMAGE_ENTITY, sourceId: code, targetId: String(imageId), contentHash: hash, data: { productId, name } });
  if (previousId !== undefined) {
    try {
      await ctx.bigcommerce.deleteProductImage(productId, previousId);
    } catch (error) {
      // Already deleted by the merchant: that is what was wanted.
      if (!(isRecordProblem(error) && error.status === 404)) throw error;
    }
  }
  const message = previousId === undefined ? `Uploaded image ${file.filename} to product ${productId} (image ${imageId}).` : `Replaced image ${previousId} of product ${productId} with ${file.filename} (image ${imageId}).`;
  await ctx.log.record({
    entity: 'article-image',
    sourceId: code,
    outcome: previousId === undefined ? 'created' : 'updated',
    message,
    sent: { file: file.filename, contentType: file.contentType, bytes: bytes.length, sha256: hash },
    targetRef: String(imageId),
    searchText: code,
  });
}
