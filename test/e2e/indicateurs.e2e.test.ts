import { expect } from '@jest/globals';
import type { Request } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { RunningFederation } from '@passerelle/dev';
import { chromiumPath, launchChromium, type RunningChromium } from '../src/e2e/launchChromium';
import { asAnalyste, query, startTestFederation, tokenFor } from '../src/e2e/testFederation';

/**
 * The indicators page as an analyst meets it: in a real browser, with data, drawn. Like the
 * GraphiQL test it needs Debian's Chromium: CI (`CI=true`) always runs it and fails without it;
 * elsewhere without it, it is skipped with a message saying how to install it.
 */
const browserMissing = !existsSync(chromiumPath) && process.env.CI !== 'true';
if (browserMissing) process.stderr.write(`indicateurs.e2e: skipped, Chromium is not at ${chromiumPath} (apt-get install -y chromium, as root, to run it; CI always runs it).\n`);
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

type Cellule = { modalite: string; libelle: string; effectif: number | null; secret: string | null };

describeWithBrowser('the indicators page (headless Chromium)', () => {
  it('draws twelve months of indicators and the communes from the analysts’ endpoint, suppressed cells as suppressed', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1400 });
    const requested: Request[] = [];
    page.on('request', (request) => void requested.push(request));

    await page.goto(`${federation.gatewayUrl}/indicateurs`);
    await page.locator('#jeton').fill(await tokenFor(federation, asAnalyste()));
    await page.locator('#dernier-mois').fill('2026-10');
    await page.locator('#afficher').click();
    await page.locator('#etat', { hasText: 'Indicateurs de 2025-11 à 2026-10' }).waitFor();

    // Five charts, each an SVG of non-zero size; twelve months in each of the four monthly ones.
    const charts = page.locator('section.graphique svg');
    expect(await charts.count()).toBe(5);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box!.width * box!.height).toBeGreaterThan(10_000);
    }
    const months = page.locator('section.graphique').first().locator('text.mois');
    expect(await months.allTextContents()).toEqual(['25-11', '25-12', '26-01', '26-02', '26-03', '26-04', '26-05', '26-06', '26-07', '26-08', '26-09', '26-10']);
    const bars = await Promise.all((await page.locator('rect.barre').all()).map((bar) => bar.boundingBox()));
    expect(bars.filter((box) => box !== null && box.height > 0 && box.width > 0).length).toBeGreaterThan(20);

    // The communes chart says exactly what the endpoint publishes: figures where published, "secret" where not, never 0.
    const answer = await query<{ statistiques: { caf: { foyersParPrestation: { cellules: Cellule[] } } } }>(
      federation,
      '{ statistiques(mois: "2026-10") { caf { foyersParPrestation(par: COMMUNE, prestation: RSA) { cellules { modalite libelle effectif secret } } } } }',
      {},
      asAnalyste(),
    );
    const cellules = answer.data!.statistiques.caf.foyersParPrestation.cellules;
    expect(cellules.some((c) => c.secret !== null)).toBe(true);
    const communes = page.locator('section.graphique').last();
    expect(await communes.locator('text.commune').allTextContents()).toEqual(cellules.map((c) => c.libelle));
    expect(await communes.locator('text.valeur-commune').allTextContents()).toEqual(cellules.filter((c) => c.effectif !== null).map((c) => new Intl.NumberFormat('fr-FR').format(c.effectif!)));
    expect(await communes.locator('text.secret').count()).toBe(cellules.filter((c) => c.secret !== null).length);
    expect(await communes.locator('rect.barre').count()).toBe(cellules.filter((c) => c.effectif !== null).length);

    // A screenshot of what was drawn, decoded in the browser: far from blank.
    const png = await page.screenshot({ fullPage: true });
    const blank = await browser.context.newPage();
    // Run in the page (a string: this package is type-checked without the DOM's types).
    const measure = `async (base64) => {
      const image = new Image();
      image.src = 'data:image/png;base64,' + base64;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let sum = 0, squares = 0, blue = 0;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) {
        const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
        sum += grey;
        squares += grey * grey;
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (data[i] === 0x2f && data[i + 1] === 0x5f && data[i + 2] === 0xa7) blue += 1;
      }
      const n = data.length / 4;
      const mean = sum / n;
      return { width: image.width, height: image.height, variance: squares / n - mean * mean, colours: colours.size, blue };
    }`;
    const pixels: { width: number; height: number; variance: number; colours: number; blue: number } = await blank.evaluate(`(${measure})(${JSON.stringify(png.toString('base64'))})`);
    expect(pixels.width).toBeGreaterThan(1000);
    expect(pixels.variance).toBeGreaterThan(100);
    expect(pixels.colours).toBeGreaterThan(20);
    // The bars' own colour covers a visible area: the charts are drawn, not only their labels.
    expect(pixels.blue).toBeGreaterThan(5000);

    expect(await page.locator('body').innerText()).not.toMatch(/ERREUR_INTERNE|RESERVE_AUX_ANALYSTES/);
    // Everything the page loaded or asked came from the gateway itself (no CDN), and its data from the analysts' endpoint.
    expect([...new Set(requested.map((r) => new URL(r.url()).origin))]).toEqual([new URL(federation.gatewayUrl).origin]);
    expect(requested.filter((r) => r.method() === 'POST').map((r) => new URL(r.url()).pathname)).toEqual(['/analystes/graphql']);
  });

  it('says so when the token is not an analyst’s, and draws nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${federation.gatewayUrl}/indicateurs`);
    await page.locator('#jeton').fill(await tokenFor(federation, { roles: ['referent'], referentId: 'ref-001', finalite: 'accompagnement' }));
    await page.locator('#afficher').click();
    await page.locator('#etat.erreur').waitFor();
    expect(await page.locator('#etat').innerText()).toBe(
      'RESERVE_AUX_ANALYSTES : /analystes/graphql answers analysts only: a token with the role analyste, and the purpose statistique in x-passerelle-finalite.',
    );
    expect(await page.locator('section.graphique').count()).toBe(0);
  });
});
