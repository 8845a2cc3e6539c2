// The simulator's entry point: mocks/src/simulators/discoverLegacySystems.ts finds every system by its folder's `system`.
export { chambreAgriculture as system } from './chambreAgricultureHandlers';
