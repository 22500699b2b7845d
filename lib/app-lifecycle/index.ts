export { install, load, removeUser, uninstall, type SignIn } from './callbacks';
export { lifecycleDeps, type LifecycleDeps } from './deps';
export { respondWithJson, respondWithPage } from './http';
