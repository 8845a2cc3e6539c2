import path from 'node:path';
import { configProblemsOf } from './support/configProblemsOf';
import { loadGatewayConfig } from '../src/config';
import { trustedDocumentsModeOf } from '../src/trustedDocuments';

const problemsOf = configProblemsOf;

test('limits, body size and trusted documents have their documented defaults', () => {
  expect(loadGatewayConfig({})).toMatchObject({
    maxDepth: 12,
    maxAliases: 15,
    maxTokens: 2000,
    maxDirectives: 10,
    maxCost: 3000,
    maxBodyBytes: 100_000,
    trustedDocuments: undefined,
    trustedDocumentsAdHocRoles: ['analyste'],
    persistedOperationsPath: path.resolve(__dirname, '../persisted-operations.json'),
  });
});

test('TRUSTED_DOCUMENTS defaults to off in dev mode and to allow-ad-hoc-for-roles in production; when set, it is what it says', () => {
  expect(trustedDocumentsModeOf(loadGatewayConfig({ PASSERELLE_MODE: 'dev' }))).toBe('off');
  expect(trustedDocumentsModeOf(loadGatewayConfig({ PASSERELLE_MODE: 'production' }))).toBe('allow-ad-hoc-for-roles');
  expect(trustedDocumentsModeOf(loadGatewayConfig({ PASSERELLE_MODE: 'production', TRUSTED_DOCUMENTS: 'off' }))).toBe('off');
  expect(trustedDocumentsModeOf(loadGatewayConfig({ PASSERELLE_MODE: 'dev', TRUSTED_DOCUMENTS: 'persisted-only' }))).toBe('persisted-only');
});

test('TRUSTED_DOCUMENTS_AD_HOC_ROLES is a comma-separated list of known roles', () => {
  expect(loadGatewayConfig({ TRUSTED_DOCUMENTS_AD_HOC_ROLES: ' analyste , referent,analyste,' }).trustedDocumentsAdHocRoles).toEqual(['analyste', 'referent']);
});

test('malformed values are ConfigErrors naming their variable', () => {
  expect(
    problemsOf({
      GRAPHQL_MAX_DEPTH: '0',
      GRAPHQL_MAX_COST: 'lots',
      GRAPHQL_MAX_BODY_BYTES: '10',
      TRUSTED_DOCUMENTS: 'on',
      TRUSTED_DOCUMENTS_AD_HOC_ROLES: 'analyste,admin',
    }),
  ).toEqual([
    'GRAPHQL_MAX_DEPTH: expected an integer between 1 and 100',
    'GRAPHQL_MAX_COST: expected an integer between 1 and 10000000',
    'GRAPHQL_MAX_BODY_BYTES: expected an integer between 1024 and 10000000',
    'TRUSTED_DOCUMENTS: expected one of off, allow-ad-hoc-for-roles, persisted-only',
    'TRUSTED_DOCUMENTS_AD_HOC_ROLES: expected roles among accueil, referent, agent, analyste, usager, comma-separated',
  ]);
});
