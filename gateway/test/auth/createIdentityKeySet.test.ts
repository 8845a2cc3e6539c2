import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { createIdentityKeySet, type RemoteKeySet } from '../../src/auth/createIdentityKeySet';
import { recordingLogger } from '../support/postGraphQL';

/** A stand-in for jose's remote key set: `reload` waits until the test settles it. */
function fakeRemote(keys: JSONWebKeySet) {
  let fetchedKeys: JSONWebKeySet | undefined;
  const settlers: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const remote = Object.assign((...args: Parameters<RemoteKeySet>) => createLocalJWKSet(keys)(...args), {
    reload: jest.fn(
      () =>
        new Promise<void>((resolve, reject) =>
          settlers.push({
            resolve: () => {
              fetchedKeys = keys;
              resolve();
            },
            reject,
          }),
        ),
    ),
    jwks: () => fetchedKeys,
  });
  return { remote, settle: () => settlers.shift()!.resolve(), fail: (error: Error) => settlers.shift()!.reject(error) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('fetches the keys at once, is not ready until they came, and asks again (one fetch at a time) after a failure', async () => {
  const { remote, settle, fail } = fakeRemote({ keys: [] });
  const log = recordingLogger();
  const keySet = createIdentityKeySet('https://idp.example.test/jwks', { remote, logger: log.logger });
  expect(remote.reload).toHaveBeenCalledTimes(1);
  expect(keySet.fetched()).toBe(false);
  expect(keySet.fetched()).toBe(false);
  // Still the first fetch: a probe never stacks fetches.
  expect(remote.reload).toHaveBeenCalledTimes(1);

  fail(Object.assign(new TypeError('fetch failed https://idp.example.test/jwks'), { code: 'ECONNREFUSED' }));
  await flush();
  expect(log.lines).toEqual([{ level: 'warn', message: 'identity provider keys unavailable', fields: { reason: 'TypeError' } }]);
  expect(keySet.fetched()).toBe(false);
  expect(remote.reload).toHaveBeenCalledTimes(2);

  settle();
  await flush();
  expect(keySet.fetched()).toBe(true);
  expect(remote.reload).toHaveBeenCalledTimes(2);
});
