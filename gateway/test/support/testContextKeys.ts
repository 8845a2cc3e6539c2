import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rotateContextKeys } from '../../src/contextKeys/rotateContextKeys';

let file: string | undefined;

/**
 * A GATEWAY_CONTEXT_KEYS file of this test process's own (one fresh key), for gateways started in
 * production mode, which refuse the development keys. Subgraphs on the defaults do not trust it.
 */
export function testContextKeysPath(): string {
  if (file === undefined) {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'passerelle-context-keys-')), 'keys.json');
    rotateContextKeys(file);
  }
  return file;
}
