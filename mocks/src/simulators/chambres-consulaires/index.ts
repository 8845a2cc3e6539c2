// The simulator's entry point: mocks/src/simulators/discoverLegacySystems.ts finds every system by its folder's `system`.
export { chambresConsulaires as system } from './chambresConsulairesHandlers';
