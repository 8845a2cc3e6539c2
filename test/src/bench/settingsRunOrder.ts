import type { SettingKey } from './benchTypes';

/**
 * The order the bench runs its settings in, whatever order they were given: saturation first.
 * Its thousands of requests leave every process's hot code compiled, as in a service that has
 * been running, before the one-client rows time single requests; run the other way, those rows
 * measured processes whose code was still mostly interpreted (docs/performance.md, "Warm
 * processes"). The tables print in their own order.
 */
export function settingsRunOrder(settings: readonly SettingKey[]): SettingKey[] {
  return [...settings].sort((a, b) => Number(b === 'saturation') - Number(a === 'saturation'));
}
