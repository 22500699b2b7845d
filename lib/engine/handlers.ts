import { orderHandlers } from '@/lib/flows/orders/handlers';
import { productHandlers } from '@/lib/flows/products/handlers';
import { customerHandlers } from '@/lib/flows/customers/handlers';
import { stockHandlers } from '@/lib/flows/stock/handlers';
import type { AnyHandler } from './types';

/**
 * The app's handlers: the one list both engines (the in-process runner and the Inngest functions
 * served at /api/inngest) are built from. Each flow adds its `defineHandler(...)` values here.
 */
export const handlers: AnyHandler[] = [...orderHandlers, ...productHandlers, ...stockHandlers, ...customerHandlers];
