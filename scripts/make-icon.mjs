// Draws the extension icon (images/icon.png, 256x256) with no image library:
// a page with a paper's heading, a thumbnail and three labeled bullets, on a
// rounded blue square. Shapes are sampled 4x4 per pixel for smooth edges.
// Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const SAMPLES = 4;
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

const BLUE = [37, 99, 235];
const PAGE = [255, 255, 255];
const INK = [30, 41, 59];
const MUTED = [148, 163, 184];
const THUMB = [251, 191, 36];
const LABELS = [[220, 38, 38], [22, 163, 74], [124, 58, 237]];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// Painted in order; the last shape that covers a point wins.
const shapes = [
  { color: BLUE, hit: (x, y) => inRoundRect(x, y, 8, 8, 248, 248, 48) },
  { color: PAGE, hit: (x, y) => inRoundRect(x, y, 52, 34, 204, 222, 14) },
  { color: INK, hit: (x, y) => inRoundRect(x, y, 72, 56, 184, 70, 7) },
  { color: THUMB, hit: (x, y) => inRoundRect(x, y, 72, 84, 128, 124, 6) },
  { color: MUTED, hit: (x, y) => inRoundRect(x, y, 138, 88, 184, 98, 5) },
  { color: MUTED, hit: (x, y) => inRoundRect(x, y, 138, 108, 172, 118, 5) },
  ...LABELS.flatMap((color, i) => {
    const y = 144 + i * 24;
    return [
      { color, hit: (px, py) => inRoundRect(px, py, 72, y, 100, y + 12, 6) },
      { color: MUTED, hit: (px, py) => inRoundRect(px, py, 108, y, 184 - i * 14, y + 12, 6) },
    ];
  }),
];

function pixel(px, py) {
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let color;
      for (const s of shapes) if (s.hit(x, y)) color = s.color;
      if (!color) continue;
      acc[0] += color[0];
      acc[1] += color[1];
      acc[2] += color[2];
      acc[3] += 1;
    }
  }
  if (acc[3] === 0) return [0, 0, 0, 0];
  return [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], (255 * acc[3]) / SAMPLES ** 2].map(Math.round);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), y * (SIZE * 4 + 1) + 1 + x * 4);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, png);
console.log(`wrote ${path.relative(process.cwd(), OUT)} (${png.length} bytes)`);
