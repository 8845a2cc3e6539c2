import { buildNir } from '@passerelle/subgraph-kit/identity';

/** Allocates NIRs with unique order numbers per (sex, year, month, birth place), as the register does. */
export interface NirAllocator {
  allocate(sexe: 1 | 2, dateNaissance: string, lieu: string): string;
}

export function createNirAllocator(): NirAllocator {
  const lastOrder = new Map<string, number>();
  return {
    allocate(sexe, dateNaissance, lieu) {
      const [year = '0', month = '0'] = dateNaissance.split('-');
      const key = `${sexe}${year}${month}${lieu}`;
      const ordre = (lastOrder.get(key) ?? 0) + 1;
      if (ordre > 999) throw new RangeError('order numbers exhausted for one birth place and month');
      lastOrder.set(key, ordre);
      return buildNir({ sexe, annee: Number(year), mois: Number(month), lieu, ordre });
    },
  };
}
