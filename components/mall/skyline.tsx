import type { MerchantCard } from "@/lib/mall/catalogue";

const W = 1200;
const H = 500;
const STREET = 380;

export function availabilityText(a: MerchantCard["availability"]): string {
  if (a.state === "open") return `${a.free} ${a.free === 1 ? "agent" : "agents"} free`;
  if (a.state === "busy") return a.waitMs ? `All busy · ~${Math.max(1, Math.round(a.waitMs / 60_000))} min wait` : "All agents busy";
  return "No agent online";
}

/**
 * The mall as a downtown skyline: one building per merchant, its logo on the facade, lit windows,
 * and a sign at street level saying whether an agent is free. Each building is a link.
 */
export type Visitor = { key: string; initials: string; color: string; merchantSlug: string | null };

export function Skyline({ merchants, visitors = [] }: { merchants: MerchantCard[]; visitors?: Visitor[] }) {
  const n = Math.max(1, merchants.length);
  const slot = (W - 40) / n;
  const width = Math.min(150, slot - 14);
  // A name longer than its building is cut (at 13 px a character is about 7.5 units wide).
  const maxChars = Math.max(6, Math.floor((slot - 8) / 7.5));
  return (
    // The page around it scrolls sideways on a phone (app/mall/page.tsx): the street keeps a readable size.
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full min-w-[760px]"
      role="group"
      aria-label="The mall: merchants on a skyline"
      data-testid="skyline"
    >
      <defs>
        <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#1e3a8a" />
          <stop offset="0.7" stopColor="#6366f1" />
          <stop offset="1" stopColor="#f0abfc" />
        </linearGradient>
      </defs>
      <rect width={W} height={H} fill="url(#sky)" />
      <circle cx={W - 140} cy={80} r={34} fill="#fef9c3" opacity="0.9" />
      {/* Far-off towers, for depth. */}
      {Array.from({ length: 14 }, (_, i) => (
        <rect key={i} x={i * 90 - 10} y={STREET - 150 - ((i * 53) % 90)} width={70} height={200} fill="#312e81" opacity="0.45" />
      ))}
      <rect y={STREET} width={W} height={6} fill="#334155" />
      <rect y={STREET + 6} width={W} height={H - STREET - 6} fill="#e2e8f0" />
      {merchants.map((m, i) => {
        const h = 190 + ((i * 67) % 110);
        const x = 20 + i * slot + (slot - width) / 2;
        const y = STREET - h;
        const a = m.availability;
        const signColor = a.state === "open" ? "#16a34a" : a.state === "busy" ? "#d97706" : "#475569";
        const cols = 4;
        const rows = Math.floor((h - 110) / 26);
        return (
          <a key={m.slug} href={`/mall/${m.slug}`} data-testid="skyline-merchant" data-state={a.state}>
            {/* The link's name: the whole shop name (the drawn one may be cut), its category and its sign. */}
            <title>{`${m.name}, ${m.category}: ${availabilityText(a)}`}</title>
            {/* Drawn only: the title says it all, so a screen reader does not read the name and sign twice. */}
            <g className="transition-opacity hover:opacity-90" aria-hidden="true">
              <rect x={x} y={y} width={width} height={h} rx={6} fill={m.color} />
              <rect x={x + width / 2 - 4} y={y - 18} width={8} height={18} fill={m.color} />
              {Array.from({ length: rows * cols }, (_, k) => {
                const cx = k % cols;
                const cy = Math.floor(k / cols);
                const lit = (k * 7 + i * 3) % 5 !== 0;
                return (
                  <rect
                    key={k}
                    x={x + 12 + cx * ((width - 24) / cols)}
                    y={y + 92 + cy * 26}
                    width={(width - 24) / cols - 8}
                    height={14}
                    rx={2}
                    fill={lit ? m.accent : "#0f172a"}
                    opacity={lit ? 0.85 : 0.5}
                  />
                );
              })}
              <image href={`/api/mall/logos/${m.slug}`} x={x + width / 2 - 32} y={y + 14} width={64} height={64} />
              <rect x={x + 6} y={STREET + 8} width={width - 12} height={24} rx={12} fill={signColor} />
              <text
                x={x + width / 2}
                y={STREET + 50}
                textAnchor="middle"
                fontSize="13"
                fontWeight="700"
                fill="#0f172a"
                fontFamily="sans-serif"
              >
                {m.name.length > maxChars ? `${m.name.slice(0, maxChars - 1)}…` : m.name}
              </text>
              <text
                x={x + width / 2}
                y={STREET + 24}
                textAnchor="middle"
                fontSize="12"
                fontWeight="600"
                fill="#fff"
                fontFamily="sans-serif"
              >
                {availabilityText(a)}
              </text>
            </g>
          </a>
        );
      })}
      {/* Shoppers in the mall now: small avatars on the pavement, in front of the shop they are looking at. */}
      <g
        data-testid="skyline-visitors"
        aria-label={`${visitors.length} ${visitors.length === 1 ? "shopper" : "shoppers"} in the mall`}
        role="img"
      >
        {visitors.map((v, k) => {
          const i = merchants.findIndex((m) => m.slug === v.merchantSlug);
          const crowd = visitors.slice(0, k).filter((o) => o.merchantSlug === v.merchantSlug).length;
          // In front of their shop, side by side below its name (a row as wide as the building); walking
          // the street (on /mall itself) spread along it.
          const perRow = Math.max(1, Math.floor(width / 22));
          const cx = i >= 0 ? 20 + i * slot + slot / 2 + ((crowd % perRow) - (perRow - 1) / 2) * 22 : 60 + ((k * 197) % (W - 120));
          const cy = H - 16 - Math.min(1, Math.floor(crowd / perRow)) * 22;
          return (
            <g key={v.key} data-testid="skyline-visitor">
              <circle cx={cx} cy={cy} r={10} fill={v.color} stroke="#fff" strokeWidth={2} />
              <text x={cx} y={cy + 4} textAnchor="middle" fontSize="9" fontWeight="700" fill="#fff" fontFamily="sans-serif">
                {v.initials}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
