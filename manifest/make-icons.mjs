#!/usr/bin/env node
// Generates the Teams app icons from simple vector shapes, with no dependencies:
//   color.png   192x192, full colour: a white speech bubble with three rising bars on the accent colour
//   outline.png  32x32,  the same symbol in white on a fully transparent background
// Run `node manifest/make-icons.mjs` after changing the design; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './lib.mjs';

export const ACCENT = '#1F6F5C'; // keep in sync with accentColor in manifest.template.json
const here = dirname(fileURLToPath(import.meta.url));
const SS = 8; // supersampling per axis for anti-aliased edges

const inRoundRect = (x, y, l, t, r, b, rad) => {
  if (x < l || x > r || y < t || y > b) return false;
  const cx = Math.min(Math.max(x, l + rad), r - rad);
  const cy = Math.min(Math.max(y, t + rad), b - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
};
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};
const inRect = (x, y, l, t, r, b) => x >= l && x <= r && y >= t && y <= b;

/** Fraction (0..1) of pixel (px,py) covered by shape(x,y), in the shape's own units scaled by `scale`. */
function coverage(px, py, scale, shape) {
  let hits = 0;
  for (let i = 0; i < SS; i++)
    for (let j = 0; j < SS; j++) if (shape((px + (i + 0.5) / SS) / scale, (py + (j + 0.5) / SS) / scale)) hits++;
  return hits / (SS * SS);
}

// The symbol, drawn on a 192-unit canvas.
const bubble = (x, y) =>
  inRoundRect(x, y, 30, 38, 162, 132, 22) || inTriangle(x, y, [54, 124], [92, 124], [46, 160]);
const bars = (x, y) =>
  inRect(x, y, 60, 90, 78, 112) || inRect(x, y, 87, 76, 105, 112) || inRect(x, y, 114, 58, 132, 112);

export function colorIcon() {
  const size = 192;
  const [ar, ag, ab] = [1, 3, 5].map((i) => parseInt(ACCENT.slice(i, i + 2), 16));
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const white = coverage(x, y, 1, bubble) * (1 - coverage(x, y, 1, bars));
      const o = (y * size + x) * 4;
      px[o] = Math.round(ar + (255 - ar) * white);
      px[o + 1] = Math.round(ag + (255 - ag) * white);
      px[o + 2] = Math.round(ab + (255 - ab) * white);
      px[o + 3] = 255;
    }
  return encodePng(size, size, px);
}

// The outline symbol on a 32-unit canvas: the bubble as a 2.5-unit stroke, the bars filled.
const outlineShape = (x, y) => {
  const outer = inRoundRect(x, y, 1, 2, 31, 24, 5) || inTriangle(x, y, [6, 22], [13, 22], [5, 31]);
  const inner = inRoundRect(x, y, 3.5, 4.5, 28.5, 21.5, 2.5);
  const barsSmall = inRect(x, y, 8, 14, 11, 18.5) || inRect(x, y, 14.5, 11, 17.5, 18.5) || inRect(x, y, 21, 7.5, 24, 18.5);
  return (outer && !inner) || barsSmall;
};

export function outlineIcon() {
  const size = 32;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      px[o] = px[o + 1] = px[o + 2] = 255; // white everywhere; only alpha carries the shape
      px[o + 3] = Math.round(255 * coverage(x, y, 1, outlineShape));
    }
  return encodePng(size, size, px);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(here, 'color.png'), colorIcon());
  writeFileSync(join(here, 'outline.png'), outlineIcon());
  console.log('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)');
}
