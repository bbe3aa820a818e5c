// Draws SVG charts as PNG off the main thread (node:worker_threads): resvg's
// WebAssembly build renders synchronously, 80–450 ms a chart with its fonts,
// which would hold the server's event loop. Plain JavaScript, so Node loads
// it as it is, under tsx, vitest and the server alike. The wasm and the fonts
// are read once per worker.
//
// Message in:  { id, svg, fontFamily, scale }
// Message out: { id, png } (the PNG's buffer transferred) or { id, error }
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);

const fonts = (async () => {
  await initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(async (file) => new Uint8Array(await readFile(join(folder, file)))));
})();

/** The SVG as PNG bytes, drawn at `scale` times its size. */
async function render(svg, fontFamily, scale) {
  const fontBuffers = await fonts;
  const resvg = new Resvg(svg, { font: { fontBuffers, defaultFontFamily: fontFamily, sansSerifFamily: fontFamily }, fitTo: { mode: 'zoom', value: scale } });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

parentPort.on('message', async ({ id, svg, fontFamily, scale }) => {
  try {
    const png = await render(svg, fontFamily, scale);
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
