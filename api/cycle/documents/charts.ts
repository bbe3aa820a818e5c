/**
 * Bar charts of the evaluation's tallies for the Word document: drawn as
 * SVG (horizontal bars, one row per tally, the count at the bar's end; a
 * long label wraps onto further lines of its row, never cut) and
 * rendered to PNG with resvg's WebAssembly build and the DejaVu Sans font
 * shipped as an npm package (the wasm build cannot read system fonts).
 *
 * Rendering runs in a worker thread (png-renderer.worker.mjs): resvg
 * draws synchronously, 80–450 ms a chart, which would hold the event loop
 * of the whole server. The worker loads the wasm and the font once, from
 * paths resolved through the packages themselves.
 */
import { Worker } from 'node:worker_threads';
import type { Tally } from '../schemas/evaluations.js';
import { labelLines as wrapped } from '../schemas/report-contents.js';

export const CHART_FONT = 'DejaVu Sans';
/** the SVG's own width in px; the PNG is drawn at twice that for print */
export const CHART_WIDTH = 640;
const SCALE = 2;
const ROW = 26;
/** a label's line: at most this many characters (about what fits the label column at 12 px), and its height */
const LABEL_CHARS = 40;
const LABEL_LINE = 14;
/** room above the bars for each line of the title */
const TITLE_LINE = 22;
const BOTTOM = 14;
const LABEL_WIDTH = 280;
const VALUE_WIDTH = 56;
const BAR_COLOUR = '#2f5d8a';

export interface BarChart {
  title: string;
  tallies: readonly Tally[];
}

export interface ChartImage {
  png: Uint8Array;
  /** size in px at 96 dpi, for placing the image */
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Cuts a label to about `max` characters, with an ellipsis. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The title's lines: a bilingual title ("A | B") puts each language on a line of its own. */
function titleLines(title: string): string[] {
  return title ? title.split(' | ').map((line) => shorten(line, 80)) : [];
}

const topOf = (title: string) => 12 + titleLines(title).length * TITLE_LINE;

/** A bar's row height: one line fits the standard row, each further line adds one. */
const labelLines = (label: string) => wrapped(label, LABEL_CHARS);
const rowHeight = (label: string) => ROW + (labelLines(label).length - 1) * LABEL_LINE;

/** The chart's height for this title and these bars. */
export function chartHeight(title: string, tallies: readonly Pick<Tally, 'label'>[]): number {
  const rows = tallies.length ? tallies.reduce((sum, t) => sum + rowHeight(t.label), 0) : ROW;
  return topOf(title) + rows + BOTTOM;
}

/** A horizontal bar chart as an SVG document (no scripts, no external references). */
export function barChartSvg({ title, tallies }: BarChart): string {
  const height = chartHeight(title, tallies);
  const top = topOf(title);
  const max = Math.max(1, ...tallies.map((t) => t.count));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16;
  let y = top;
  const rows = tallies.map((tally) => {
    const lines = labelLines(tally.label);
    const row = rowHeight(tally.label);
    const middle = y + row / 2;
    const width = tally.count === 0 ? 0 : Math.max(2, Math.round((tally.count / max) * barSpace));
    const firstLine = middle + 4 - ((lines.length - 1) * LABEL_LINE) / 2;
    const label = lines.map((line, i) => `<tspan x="${LABEL_WIDTH - 8}" y="${firstLine + i * LABEL_LINE}">${escapeXml(line)}</tspan>`).join('');
    const drawn = [
      `<text text-anchor="end" font-size="12">${label}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${middle - ROW / 2 + 4}" width="${width}" height="${ROW - 8}" fill="${BAR_COLOUR}"/>`,
      `<text x="${LABEL_WIDTH + width + 6}" y="${middle + 4}" font-size="12">${tally.count}</text>`
    ].join('');
    y += row;
    return drawn;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${CHART_FONT}" fill="#1b1b1b">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...titleLines(title).map((line, i) => `<text x="8" y="${(i + 1) * TITLE_LINE}" font-size="15" font-weight="bold">${escapeXml(line)}</text>`),
    `<line x1="${LABEL_WIDTH}" y1="${top - 2}" x2="${LABEL_WIDTH}" y2="${height - BOTTOM + 2}" stroke="#8a8a8a"/>`,
    ...rows,
    `</svg>`
  ].join('');
}

/**
 * The worker that draws PNGs (png-renderer.worker.mjs), started on first
 * use and kept; it holds the process open only while it has work.
 */
let renderer: { worker: Worker; pending: Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }> } | null = null;
let nextId = 0;

function pngRenderer() {
  if (renderer) return renderer;
  const worker = new Worker(new URL('./png-renderer.worker.mjs', import.meta.url));
  const current = { worker, pending: new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>() };
  const settle = (id: number) => {
    const waiting = current.pending.get(id);
    current.pending.delete(id);
    if (!current.pending.size) worker.unref();
    return waiting;
  };
  worker.on('message', (message: { id: number; png?: Uint8Array; error?: string }) => {
    const waiting = settle(message.id);
    if (message.png) waiting?.resolve(new Uint8Array(message.png));
    else waiting?.reject(new Error(`The chart could not be drawn: ${message.error}`));
  });
  const fail = (error: Error) => {
    if (renderer === current) renderer = null;
    for (const id of [...current.pending.keys()]) settle(id)?.reject(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The chart renderer stopped (exit code ${code}).`)));
  worker.unref();
  renderer = current;
  return current;
}

/** An SVG drawn as PNG at twice its size (sharp in print), in the renderer's worker thread. */
export function svgToPng(svg: string, width: number, height: number): Promise<ChartImage> {
  const { worker, pending } = pngRenderer();
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    if (!pending.size) worker.ref();
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, svg, fontFamily: CHART_FONT, scale: SCALE });
  }).then((png) => ({ png, width, height }));
}

/** A bar chart as PNG. */
export function barChartPng(chart: BarChart): Promise<ChartImage> {
  return svgToPng(barChartSvg(chart), CHART_WIDTH, chartHeight(chart.title, chart.tallies));
}
