import { BATCH_LIMITS, checkBatch, idSegment } from '../batch';
import { specShaped, v3Array, v3Data } from '../envelope';
import { listV3 } from '../paging';
import type { Call } from '../request';
import type {
  CustomField,
  CustomFieldCreate,
  CustomFieldUpdate,
  Product,
  ProductBatchUpdate,
  ProductCreate,
  ProductImage,
  ProductImageCreate,
  ProductOption,
  ProductOptionCreate,
  ProductOptionValue,
  ProductOptionValueCreate,
  ProductListQuery,
  ProductQuery,
  Variant,
  VariantBatchUpdate,
  VariantListQuery,
} from '../types';

/** A file upload (`image_file`, multipart) rather than a public URL. */
export interface ProductImageUpload {
  file: Uint8Array;
  /** Its extension must be one BigCommerce takes (jpg, jpeg, png, gif, webp, bmp, …). */
  filename: string;
  contentType: string;
  isThumbnail?: boolean;
  description?: string;
}

export function catalogEndpoints(call: Call) {
  async function data<T>(method: 'GET' | 'POST' | 'PUT', path: `/v3/${string}`, body?: unknown, query?: object): Promise<T> {
    return specShaped<T>(v3Data(await call(method, path, { body, query: { ...query } }), method, path));
  }
  async function batch<T>(path: `/v3/${string}`, items: readonly unknown[]): Promise<T[]> {
    if (items.length === 0) return [];
    return specShaped<T[]>(v3Array(await call('PUT', path, { body: items }), 'PUT', path));
  }

  return {
    listProducts(query: ProductListQuery = {}): AsyncGenerator<Product> {
      return listV3<Product>(call, '/v3/catalog/products', query);
    },

    getProduct(id: number, query: ProductQuery = {}): Promise<Product> {
      return data('GET', `/v3/catalog/products/${idSegment(id)}`, undefined, query);
    },

    /** One product per call. Not repeated on a timeout: BigCommerce may have created it (then a repeat answers 409). */
    createProduct(product: ProductCreate): Promise<Product> {
      return data('POST', '/v3/catalog/products', product);
    },

    async updateProducts(products: readonly ProductBatchUpdate[]): Promise<Product[]> {
      checkBatch('updateProducts', products.length, BATCH_LIMITS.products);
      return batch('/v3/catalog/products', products);
    },

    listVariants(query: VariantListQuery = {}): AsyncGenerator<Variant> {
      return listV3<Variant>(call, '/v3/catalog/variants', query);
    },

    async updateVariants(variants: readonly VariantBatchUpdate[]): Promise<Variant[]> {
      checkBatch('updateVariants', variants.length, BATCH_LIMITS.variants);
      return batch('/v3/catalog/variants', variants);
    },

    listProductOptions(productId: number): AsyncGenerator<ProductOption> {
      return listV3<ProductOption>(call, `/v3/catalog/products/${idSegment(productId)}/options`, { limit: 250 });
    },

    /** One option per call, with its first values. */
    createProductOption(productId: number, option: ProductOptionCreate): Promise<ProductOption> {
      return data('POST', `/v3/catalog/products/${idSegment(productId)}/options`, option);
    },

    /** A value added to an option the product already has (a family that gains a size). */
    createProductOptionValue(productId: number, optionId: number, value: ProductOptionValueCreate): Promise<ProductOptionValue> {
      return data('POST', `/v3/catalog/products/${idSegment(productId)}/options/${idSegment(optionId)}/values`, value);
    },

    /** By public URL (`image_url`); BigCommerce fetches the file itself. */
    createProductImage(productId: number, image: ProductImageCreate): Promise<ProductImage> {
      return data('POST', `/v3/catalog/products/${idSegment(productId)}/images`, image);
    },

    /**
     * One file as multipart `image_file`. Not repeated on a 5xx or a timeout: BigCommerce may have
     * stored the image, and a repeat would add it twice.
     */
    async uploadProductImage(productId: number, image: ProductImageUpload): Promise<ProductImage> {
      const path = `/v3/catalog/products/${idSegment(productId)}/images` as const;
      const form = new FormData();
      form.append('image_file', new Blob([new Uint8Array(image.file)], { type: image.contentType }), image.filename);
      if (image.isThumbnail !== undefined) form.append('is_thumbnail', String(image.isThumbnail));
      if (image.description !== undefined) form.append('description', image.description);
      return specShaped<ProductImage>(v3Data(await call('POST', path, { body: form }), 'POST', path));
    },

    async deleteProductImage(productId: number, imageId: number): Promise<void> {
      await call('DELETE', `/v3/catalog/products/${idSegment(productId)}/images/${idSegment(imageId)}`);
    },

    listCustomFields(productId: number, query: { page?: number; limit?: number } = {}): AsyncGenerator<CustomField> {
      return listV3<CustomField>(call, `/v3/catalog/products/${idSegment(productId)}/custom-fields`, query);
    },

    createCustomField(productId: number, field: CustomFieldCreate): Promise<CustomField> {
      return data('POST', `/v3/catalog/products/${idSegment(productId)}/custom-fields`, field);
    },

    updateCustomField(productId: number, fieldId: number, field: CustomFieldUpdate): Promise<CustomField> {
      return data('PUT', `/v3/catalog/products/${idSegment(productId)}/custom-fields/${idSegment(fieldId)}`, field);
    },

    async deleteCustomField(productId: number, fieldId: number): Promise<void> {
      await call('DELETE', `/v3/catalog/products/${idSegment(productId)}/custom-fields/${idSegment(fieldId)}`);
    },
  };
}
