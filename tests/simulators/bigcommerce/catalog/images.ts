import { iso8601 } from '../dates';
import { nextId, type StoreData } from '../store-data';
import type { Product, ProductImage } from './types';

/** Formats the image endpoints accept (reference §2.3). */
export const IMAGE_EXTENSIONS = ['bmp', 'gif', 'jpeg', 'jpg', 'png', 'wbmp', 'xbm', 'webp'] as const;
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** The CDN URLs BigCommerce derives for every size, from the stored file name. */
function cdnUrls(storeHash: string, product: Product, id: number, file: string) {
  const base = `https://cdn11.bigcommerce.com/s-${storeHash}/images/stencil`;
  const path = `products/${product.id}/${id}/${file}?c=1`;
  return {
    url_zoom: `${base}/1280x1280/${path}`,
    url_standard: `${base}/500x659/${path}`,
    url_thumbnail: `${base}/100x100/${path}`,
    url_tiny: `${base}/44x44/${path}`,
  };
}

export function addImage(
  data: StoreData,
  storeHash: string,
  product: Product,
  fields: { file: string; image_url?: string; is_thumbnail?: boolean; sort_order?: number; description?: string },
  nowMs: number,
): ProductImage {
  const id = nextId(data, 'image');
  const first = product.images.length === 0;
  const file = fields.file.replace(/[^\w.-]+/g, '_');
  const urls = cdnUrls(storeHash, product, id, file);
  if (fields.is_thumbnail) product.images.forEach((img) => (img.is_thumbnail = false));
  const image: ProductImage = {
    id,
    product_id: product.id,
    // The first image becomes the thumbnail unless another is named.
    is_thumbnail: fields.is_thumbnail ?? first,
    sort_order: fields.sort_order ?? product.images.length,
    description: fields.description ?? '',
    image_file: `${file.slice(0, 1)}/${id}/${file}`,
    image_url: fields.image_url ?? urls.url_zoom,
    ...urls,
    date_modified: iso8601(nowMs),
  };
  product.images.push(image);
  return image;
}

export function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'image.jpg';
  } catch {
    return 'image.jpg';
  }
}
