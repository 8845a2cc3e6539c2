import type { CodeStatutAction, CodeStatutObjectif } from './BeneficiaireDepartement';

/**
 * The states an action may move to from each state. An action is cancelled (`ANNU`) before it
 * starts and abandoned (`ABAN`) once started; done, abandoned and cancelled are final.
 */
export const transitionsAction: Readonly<Record<CodeStatutAction, readonly CodeStatutAction[]>> = {
  PREV: ['ENCO', 'ATTE', 'REAL', 'ANNU'],
  ENCO: ['ATTE', 'REAL', 'ABAN'],
  ATTE: ['ENCO', 'REAL', 'ABAN', 'ANNU'],
  REAL: [],
  ABAN: [],
  ANNU: [],
};

/** An objective in progress may be reached or abandoned; both are final. */
export const transitionsObjectif: Readonly<Record<CodeStatutObjectif, readonly CodeStatutObjectif[]>> = {
  ENC: ['ATT', 'ABA'],
  ATT: [],
  ABA: [],
};
