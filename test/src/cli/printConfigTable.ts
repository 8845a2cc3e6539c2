import { configTable } from '../configTable';

/** `npm run config:table`: prints the README's configuration table. */
process.stdout.write(`${configTable()}\n`);
