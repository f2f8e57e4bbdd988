/**
 * Reading what the reader sees from screenshot pixels, shared by the Chromium (Playwright) and Firefox
 * (Puppeteer) tests. The two in-page functions are passed to `page.evaluate`, which sends their source
 * to the page: they use nothing from outside themselves.
 */

/** The person colour (light theme) and its 18% tint over the white page. */
export const PERSON = [0x1f, 0x6f, 0xeb];
export const TINT = PERSON.map((c) => Math.round(c * 0.18 + 255 * 0.82));

export type Box = { x: number; y: number; width: number; height: number };

export interface PixelCounts {
  /** Pixels near the colour asked for: an underline. */
  underline: number;
  /** Pixels near the tint asked for: the background style. */
  tint: number;
  /** Pixels of any colour at all (the fixtures' own text is grey on white). */
  saturated: number;
  /** The share of pixels that are dark (no channel above 127): text alone, or a filled block. */
  darkShare: number;
  /** The most common colour: what the text sits on. */
  background: number[];
}

/**
 * In the page: the box under and around the first range painted in `highlight` whose text is `name`,
 * with room below the text for an underline.
 */
export function paintedBox({ highlight, name }: { highlight: string; name: string }): Box {
  const range = [...(CSS.highlights.get(highlight) ?? [])].find((r) => r.toString() === name) as Range | undefined;
  if (!range) throw new Error(`"${name}" is not painted in ${highlight}`);
  const r = range.getBoundingClientRect();
  return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) + 6 };
}

/** In the page: a PNG screenshot (base64) decoded with the browser's own decoder, its pixels counted. */
export async function countPixels({ png, colour, tinted }: { png: string; colour: number[]; tinted: number[] }): Promise<PixelCounts> {
  const img = new Image();
  img.src = `data:image/png;base64,${png}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const near = (i: number, rgb: number[], tolerance: number) => rgb.every((c, k) => Math.abs(data[i + k]! - c) <= tolerance);
  let underline = 0;
  let tint = 0;
  let saturated = 0;
  let dark = 0;
  const colours = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    colours.set(rgb, (colours.get(rgb) ?? 0) + 1);
    if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) < 128) dark++;
    if (near(i, colour, 40)) underline++;
    if (near(i, tinted, 6)) tint++;
    if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60) saturated++;
  }
  const [top] = [...colours].sort((a, b) => b[1] - a[1]);
  const background = top ? [top[0] >> 16, (top[0] >> 8) & 255, top[0] & 255] : [];
  return { underline, tint, saturated, darkShare: dark / (data.length / 4), background };
}
