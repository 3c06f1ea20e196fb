// Renders assets/icon.svg to the PNGs the packaged app needs, with Debian's Chromium driven by
// playwright-core (no network, transparent background):
//   assets/icon.png                  1024x1024 (electron-builder makes the macOS .icns and Windows .ico)
//   assets/icons/NxN.png             16..512 (the Linux icon set)
// Usage: node scripts/render-icons.mjs   (npm run icons)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

if (!existsSync(CHROMIUM)) {
  console.error(
    `render-icons: no Chromium at ${CHROMIUM}. Install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const svg = await readFile(path.join(assets, 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** The SVG drawn by Chromium at `size` CSS pixels (device scale 1), as a transparent PNG. */
async function render(page, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img id="icon" src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  // Wait until the SVG is decoded, so the shot never catches an empty image.
  await page.locator('#icon').evaluate((img) => img.decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await mkdir(path.join(assets, 'icons'), { recursive: true });
  await writeFile(path.join(assets, 'icon.png'), await render(page, 1024));
  console.log('render-icons: assets/icon.png');
  for (const size of LINUX_SIZES) {
    const name = `${size}x${size}.png`;
    await writeFile(path.join(assets, 'icons', name), await render(page, size));
    console.log(`render-icons: assets/icons/${name}`);
  }
} finally {
  await browser.close();
}
