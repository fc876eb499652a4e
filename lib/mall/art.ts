/**
 * Pictures drawn here rather than downloaded: a merchant's logo and a product's picture are SVG made
 * from the merchant's colours and a mark. (An owner's uploaded photo replaces a product's picture.)
 */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const hex = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : "#334155");

export function logoSvg(m: { name: string; color: string; accent: string; mark: string }): string {
  const initials = m.name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="${esc(m.name)} logo">
<rect width="120" height="120" rx="28" fill="${hex(m.color)}"/>
<circle cx="60" cy="52" r="30" fill="${hex(m.accent)}"/>
<text x="60" y="64" font-size="32" text-anchor="middle" font-family="sans-serif">${esc(m.mark)}</text>
<text x="60" y="106" font-size="18" font-weight="700" text-anchor="middle" fill="#fff" font-family="sans-serif" letter-spacing="2">${esc(initials)}</text>
</svg>`;
}

export function productSvg(p: { name: string; emoji: string }, m: { color: string; accent: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" aria-label="${esc(p.name)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hex(m.accent)}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
<rect width="400" height="300" fill="url(#g)"/>
<circle cx="200" cy="140" r="92" fill="${hex(m.color)}" opacity="0.12"/>
<text x="200" y="178" font-size="120" text-anchor="middle" font-family="sans-serif">${esc(p.emoji)}</text>
</svg>`;
}
