import { compileRoute, type CompiledRoute } from './route';
import { storeInformationRoutes } from './store-information';

/** One import per API area; add orders, catalog, webhooks… here as their files appear. */
export const apiRoutes: CompiledRoute[] = [...storeInformationRoutes].map(compileRoute);
