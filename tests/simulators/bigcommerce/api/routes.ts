import { categoryTreeRoutes } from './category-trees';
import { customFieldRoutes } from './custom-fields';
import { customerAddressRoutes } from './customer-addresses';
import { customerRoutes } from './customers';
import { inventoryRoutes } from './inventory';
import { locationRoutes } from './locations';
import { optionRoutes } from './options';
import { orderRoutes } from './orders';
import { paymentTaxRoutes } from './payments-tax';
import { productImageRoutes } from './product-images';
import { productRoutes } from './products';
import { compileRoute, type CompiledRoute } from './route';
import { shippingRoutes } from './shipping';
import { storeInformationRoutes } from './store-information';
import { variantRoutes } from './variants';
import { webhookRoutes } from './webhooks';

/** One import per API area. Within an area, fixed paths come before `:id` ones that would also match. */
export const apiRoutes: CompiledRoute[] = [
  ...storeInformationRoutes,
  ...orderRoutes,
  ...webhookRoutes,
  ...productRoutes,
  ...variantRoutes,
  ...optionRoutes,
  ...productImageRoutes,
  ...customFieldRoutes,
  ...categoryTreeRoutes,
  ...inventoryRoutes,
  ...locationRoutes,
  ...customerRoutes,
  ...customerAddressRoutes,
  ...paymentTaxRoutes,
  ...shippingRoutes,
].map(compileRoute);
