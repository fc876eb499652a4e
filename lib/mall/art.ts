import { glyphFor } from "./glyphs";

/**
 * Pictures drawn here rather than downloaded: a merchant's logo and a product's picture are SVG made
 * from the merchant's colours and a mark, drawn in shapes (lib/mall/glyphs.ts), never as emoji text
 * that a browser without an emoji font shows as boxes. (An owner's uploaded photo replaces a
 * product's picture.)
 */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const hex = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : "#334155");

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

/** The glyph for `emoji` in a box at (x, y) of `size`, or the name's initials when none is drawn. */
function mark(emoji: string, name: string, x: number, y: number, size: number, color: string, textColor: string): string {
  const g = glyphFor(emoji, color);
  if (g) return `<g transform="translate(${x} ${y}) scale(${size / 100})">${g}</g>`;
  return `<text x="${x + size / 2}" y="${y + size * 0.68}" font-size="${size * 0.5}" font-weight="700" text-anchor="middle" fill="${textColor}" font-family="sans-serif">${esc(initialsOf(name))}</text>`;
}

export function logoSvg(m: { name: string; color: string; accent: string; mark: string }): string {
  const initials = initialsOf(m.name);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="${esc(m.name)} logo">
<rect width="120" height="120" rx="28" fill="${hex(m.color)}"/>
<circle cx="60" cy="52" r="30" fill="${hex(m.accent)}"/>
${mark(m.mark, m.name, 40, 32, 40, hex(m.color), "#fff")}
<text x="60" y="106" font-size="18" font-weight="700" text-anchor="middle" fill="#fff" font-family="sans-serif" letter-spacing="2">${esc(initials)}</text>
</svg>`;
}

export function productSvg(p: { name: string; emoji: string }, m: { color: string; accent: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" aria-label="${esc(p.name)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hex(m.accent)}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
<rect width="400" height="300" fill="url(#g)"/>
<circle cx="200" cy="140" r="92" fill="${hex(m.color)}" opacity="0.12"/>
${mark(p.emoji, p.name, 130, 70, 140, hex(m.color), hex(m.color))}
</svg>`;
}
