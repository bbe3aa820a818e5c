/**
 * Charts are drawn off the event loop: resvg renders synchronously, so it
 * runs in a worker thread; while a chart is drawn the main thread keeps
 * turning, and several charts asked for at once all arrive, each its own.
 */
import { describe, expect, it } from 'vitest';
import { barChartPng, CHART_WIDTH, svgToPng } from '../../../api/cycle/documents/charts.js';
import { turnsDuring } from '../../support/event-loop.js';

const tallies = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, label: `Kategorie ${i} / Categorie ${i}`, count: i + 1 }));

function pngSize(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('drawing a chart', () => {
  it('lets the event loop run meanwhile (setImmediate callbacks fire before the PNG arrives)', async () => {
    await barChartPng({ title: 'Warm-up', tallies: tallies(1) });
    const { result: image, turns } = await turnsDuring(() => barChartPng({ title: 'Aktivitäten nach Art | Activiteiten per type', tallies: tallies(8) }));
    expect(turns).toBeGreaterThan(0);
    expect([...image.png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('answers charts asked for at once, each with its own picture', async () => {
    const sizes = [1, 4, 12];
    const images = await Promise.all(sizes.map((n) => barChartPng({ title: `Chart ${n}`, tallies: tallies(n) })));
    images.forEach((image, i) => {
      expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH * 2, height: image.height * 2 });
      if (i > 0) expect(image.height).toBeGreaterThan(images[i - 1]!.height);
    });
  });

  it('refuses an SVG it cannot draw, and draws the next one', async () => {
    await expect(svgToPng('<not-svg', 10, 10)).rejects.toThrow(/could not be drawn/);
    expect((await barChartPng({ title: 'After', tallies: tallies(2) })).png.length).toBeGreaterThan(100);
  });
});
