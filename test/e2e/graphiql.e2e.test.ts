import type { Request } from 'playwright-core';
import { existsSync } from 'node:fs';
import { chromiumPath, launchChromium, type RunningChromium } from '../src/e2e/launchChromium';
import { startTestFederation } from '../src/e2e/testFederation';
import type { RunningFederation } from '@passerelle/dev';

/**
 * GraphiQL as a developer meets it: the page in a real browser, its schema and its documentation.
 * It needs Debian's Chromium. CI (`CI=true`, where .ci/run installs it) always runs it and fails
 * without it; on a developer's machine without it, it is skipped with a message saying how to
 * install it, so that `npm test` keeps working on a fresh machine (README, Quick start).
 */
const browserMissing = !existsSync(chromiumPath) && process.env.CI !== 'true';
if (browserMissing) process.stderr.write(`graphiql.e2e: skipped, Chromium is not at ${chromiumPath} (apt-get install -y chromium, as root, to run it; CI always runs it).\n`);
const describeWithBrowser = browserMissing ? describe.skip : describe;

let federation: RunningFederation;
let browser: RunningChromium;
beforeAll(async () => {
  if (browserMissing) return;
  federation = await startTestFederation();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await federation?.stop();
});

describeWithBrowser('GraphiQL in dev mode (headless Chromium)', () => {
  it('loads the schema from the gateway alone, and its documentation explorer leads from Query to Usager', async () => {
    const page = await browser.context.newPage();
    const requested: Request[] = [];
    page.on('request', (request) => void requested.push(request));
    const introspection = page.waitForResponse((response) => response.url() === `${federation.gatewayUrl}/graphql` && (response.request().postData() ?? '').includes('__schema'));

    await page.goto(`${federation.gatewayUrl}/graphiql`);
    const answer = await introspection;
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { data?: { __schema?: { types: Array<{ name: string }> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema?.types.map((t) => t.name)).toContain('Usager');

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const explorer = page.locator('.graphiql-doc-explorer');
    const title = explorer.locator('.graphiql-doc-explorer-title');
    await explorer.locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).click();
    await title.filter({ hasText: /^Query$/ }).waitFor();
    await explorer.locator('a.graphiql-doc-explorer-field-name', { hasText: /^usager$/ }).click();
    await title.filter({ hasText: /^usager$/ }).waitFor();
    await explorer.locator('a.graphiql-doc-explorer-type-name', { hasText: /^Usager$/ }).click();
    await title.filter({ hasText: /^Usager$/ }).waitFor();

    const usager = await explorer.locator('.graphiql-doc-explorer-content').innerText();
    expect(usager).toContain('A person helped by the agency.');
    const fields = await explorer.locator('a.graphiql-doc-explorer-field-name').allInnerTexts();
    expect(fields).toEqual(expect.arrayContaining(['id', 'identite', 'caf', 'cpam', 'logementSocial', 'synthese']));
    expect(fields).not.toContain('nir');

    expect(await page.locator('body').innerText()).not.toMatch(/Internal error|ERREUR_INTERNE/);
    // Everything the page loaded came from the gateway itself (no CDN).
    expect([...new Set(requested.map((r) => new URL(r.url()).origin))]).toEqual([new URL(federation.gatewayUrl).origin]);
  });
});
