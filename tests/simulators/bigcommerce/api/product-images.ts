import { addImage, fileNameOf, IMAGE_EXTENSIONS, MAX_IMAGE_BYTES } from '../catalog/images';
import { imageWrite } from '../catalog/product-input';
import { emitEvent } from '../webhooks/delivery';
import { CATALOG_READ, CATALOG_WRITE, findProduct, idParam, touchProduct } from './catalog-common';
import { ApiError, validate } from './errors';
import { boundaryOf, parseMultipart } from './multipart';
import { v3List, v3One } from './paging';
import type { ApiRequest, ApiRoute } from './route';

const IMAGE_TYPES = /^image\/(bmp|gif|jpeg|png|vnd\.wap\.wbmp|x-xbitmap|x-xbm|webp)$/;

function findImage(req: ApiRequest) {
  const product = findProduct(req);
  const id = idParam(req, 'imageId');
  const image = product.images.find((i) => i.id === id);
  if (!image) throw new ApiError(404, `Image with id ${id} was not found.`);
  return { product, image };
}

/** The multipart form: `image_file` plus the JSON fields as text parts. */
async function fromForm(req: ApiRequest, contentType: string) {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new ApiError(400, 'The multipart body has no boundary.');
  const parts = parseMultipart(await req.raw(MAX_IMAGE_BYTES + 64 * 1024), boundary);
  const file = parts.find((p) => p.name === 'image_file' && p.filename !== undefined);
  const text = (name: string) => parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8');
  if (!file) throw new ApiError(422, 'image_file must be present if uploading a file.', { image_file: 'Please provide an image file.' });
  const extension = (file.filename ?? '').split('.').pop()?.toLowerCase() ?? '';
  const typeOk = file.contentType ? IMAGE_TYPES.test(file.contentType) : true;
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extension) || !typeOk) {
    throw new ApiError(422, 'The image file type is not supported.', { image_file: `Supported formats: ${IMAGE_EXTENSIONS.join(', ')}.` });
  }
  if (file.data.length === 0) throw new ApiError(422, 'The image file is empty.', { image_file: 'The file is empty.' });
  if (file.data.length > MAX_IMAGE_BYTES) throw new ApiError(413, 'The image file is larger than 8 MB.');
  const flag = text('is_thumbnail');
  const order = text('sort_order');
  return {
    file: file.filename ?? 'upload.jpg',
    ...(flag !== undefined ? { is_thumbnail: flag === 'true' || flag === '1' } : {}),
    ...(order !== undefined && /^-?\d+$/.test(order) ? { sort_order: Number(order) } : {}),
    ...(text('description') !== undefined ? { description: text('description') } : {}),
  };
}

async function fromJson(req: ApiRequest) {
  const body = validate(imageWrite, (await req.json()) ?? {}, 'image');
  if (!body.image_url) {
    throw new ApiError(422, 'image_url must be present if uploading by url', { image_url: 'image_url must be present if uploading by url' });
  }
  if (!/^https?:\/\//i.test(body.image_url)) throw new ApiError(422, 'image_url must be a public URL.', { image_url: 'Please provide a valid URL.' });
  return { ...body, image_url: body.image_url, file: fileNameOf(body.image_url) };
}

export const productImageRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/images',
    scopes: CATALOG_READ,
    handle: (req) => v3List(findProduct(req).images, req.query),
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/products/:productId/images',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const product = findProduct(req);
      const contentType = String(req.headers['content-type'] ?? '');
      const fields = contentType.toLowerCase().startsWith('multipart/form-data') ? await fromForm(req, contentType) : await fromJson(req);
      const image = addImage(req.store.data, req.store.hash, product, fields, req.rt.now());
      touchProduct(req, product);
      emitEvent(req.rt, req.store, 'store/product/updated', { type: 'product', id: product.id });
      return v3One(image);
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/images/:imageId',
    scopes: CATALOG_READ,
    handle: (req) => v3One(findImage(req).image),
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/products/:productId/images/:imageId',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      const { product, image } = findImage(req);
      product.images = product.images.filter((i) => i.id !== image.id);
      // The thumbnail moves to the next image, so a product with images always has one.
      const first = product.images[0];
      if (image.is_thumbnail && first) first.is_thumbnail = true;
      touchProduct(req, product);
      return { status: 204 };
    },
  },
];

