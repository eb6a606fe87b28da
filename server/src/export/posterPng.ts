import { renderAsync } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The poster as PNG, rendered by resvg with the DejaVu fonts the app ships (the `dejavu-fonts-ttf`
 * package), never the host's: å ä ö render the same on every server, and nothing is fetched.
 */

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The font files the poster is rendered with. */
export const POSTER_FONT_FILES = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf',
  'DejaVuSans-BoldOblique.ttf',
].map((file) => join(fontDir, file));

/**
 * Most pixels a PNG gets (about 100 MB while it is drawn): a larger poster is scaled down to fit, its
 * aspect kept. An A4 page at 300 dpi is 8.7 million.
 */
export const MAX_POSTER_PIXELS = 25_000_000;

export interface PosterPng {
  png: Buffer;
  width: number;
  height: number;
}

/** Render an SVG poster (`posterSvg`) to PNG off the event loop. */
export async function posterPng(svg: string): Promise<PosterPng> {
  const size = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  const width = size ? Number(size[1]) : 0;
  const height = size ? Number(size[2]) : 0;
  const scale = width * height > MAX_POSTER_PIXELS ? Math.sqrt(MAX_POSTER_PIXELS / (width * height)) : 1;
  const rendered = await renderAsync(svg, {
    font: { fontFiles: POSTER_FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: scale < 1 ? { mode: 'width', value: Math.floor(width * scale) } : { mode: 'original' },
    background: '#ffffff',
  });
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
