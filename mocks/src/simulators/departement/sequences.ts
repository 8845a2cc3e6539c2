/** Prefixes of the ids the Département's system issues: objectives, actions, notes, appointments, parcours. */
export type TypeIdentifiant = 'OBJ' | 'ACT' | 'NOT' | 'RDV' | 'PAR';

/** The last number issued per prefix; a command works on a copy, committed with its changes. */
export type Sequences = Record<TypeIdentifiant, number>;

export function createSequences(): Sequences {
  return { OBJ: 0, ACT: 0, NOT: 0, RDV: 0, PAR: 0 };
}

/** Issues the next id of a kind (`OBJ-000042`), advancing `sequences`. */
export function nextId(sequences: Sequences, type: TypeIdentifiant): string {
  sequences[type] += 1;
  return `${type}-${String(sequences[type]).padStart(6, '0')}`;
}
