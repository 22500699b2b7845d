// One file per area; every table that holds a store's data references stores.store_hash with
// ON DELETE CASCADE, so uninstall removes it all (GDPR).
export * from './accountview';
export * from './checkpoints';
export * from './engine';
export * from './orders';
export * from './stores';
export * from './webhooks';
export * from './notifications';
