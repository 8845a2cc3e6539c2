import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium package: the browser tests never download one of their own. */
export const chromiumPath = '/usr/bin/chromium';

/** A headless Chromium with a fresh profile, nothing phoned home; `close` also removes the profile. */
export interface RunningChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium through playwright-core. When it is not installed the test fails
 * saying how to install it (.ci/run installs it when absent), rather than skipping silently.
 */
export async function launchChromium(): Promise<RunningChromium> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}; the GraphiQL test drives it. Install Debian's package: apt-get install -y chromium (as root).`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
