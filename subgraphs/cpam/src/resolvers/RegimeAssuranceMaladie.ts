/** The `RegimeAssuranceMaladie` enum values. */
export type RegimeAssuranceMaladie = 'GENERAL' | 'AGRICOLE' | 'TRAVAILLEURS_INDEPENDANTS' | 'SPECIAL';

/** "Grand régime" codes *(unverified: 01 general, 02 agricultural, 03 former RSI; the others are special regimes)*. */
const regimeParCode: Readonly<Record<string, RegimeAssuranceMaladie>> = { '01': 'GENERAL', '02': 'AGRICOLE', '03': 'TRAVAILLEURS_INDEPENDANTS' };

/** CPAM 2-digit regime code → `RegimeAssuranceMaladie`. */
export function toRegimeAssuranceMaladie(code: string): RegimeAssuranceMaladie {
  return regimeParCode[code] ?? 'SPECIAL';
}
