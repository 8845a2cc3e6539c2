export { bundleService, type BundleTarget, type BundledService } from './bundleService';
export { bundleTargets, selectBundleTargets } from './bundleTargets';
export { loaderArgsFor } from './loaderArgsFor';
