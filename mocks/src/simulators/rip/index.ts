// The simulator's entry point: mocks/src/simulators/discoverLegacySystems.ts finds every system by its folder's `system`.
export { rip as system } from './ripHandlers';
