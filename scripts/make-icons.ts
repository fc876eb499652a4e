/**
 * The app icons in public/, drawn from public/icon.svg (the header's logo): PNGs for phones' home
 * screens and browsers that do not take SVG icons. Run after changing the logo:
 *   npx tsx scripts/make-icons.ts
 * A maskable icon keeps the keypad inside the middle 80 % that launchers may crop to a circle.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const pub = path.resolve(import.meta.dirname, "../public");
const svg = fs.readFileSync(path.join(pub, "icon.svg"));
const maskable = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#2552e0"/><g transform="translate(4 4)">${svg
    .toString()
    .replace(/^<svg[^>]*>|<\/svg>\s*$/g, "")}</g></svg>`,
);

for (const [name, size, source] of [
  ["icon-192.png", 192, svg],
  ["icon-512.png", 512, svg],
  ["icon-maskable-512.png", 512, maskable],
  ["apple-touch-icon.png", 180, maskable],
  ["favicon-32.png", 32, svg],
] as const) {
  await sharp(source, { density: 1200 }).resize(size, size).png().toFile(path.join(pub, name));
  console.log(`wrote public/${name}`);
}
