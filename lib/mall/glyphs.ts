/**
 * Drawn stand-ins for the emoji a shop's mark and products are described with: a browser without
 * an emoji font drew boxes. Each glyph is SVG in a 100 × 100 box, in one colour (`c`) on the
 * picture's own background; an emoji with no drawing here shows the name's initials instead.
 */
type Draw = (c: string) => string;

const bottle: Draw = (c) =>
  `<path d="M43 8h14v22c0 6 9 10 9 22v38a4 4 0 0 1-4 4H38a4 4 0 0 1-4-4V52c0-12 9-16 9-22z" fill="${c}"/><rect x="34" y="56" width="32" height="20" fill="#fff" opacity=".55"/>`;
const glass: Draw = (c) =>
  `<path d="M30 10h40c0 22-6 38-17 41v29h14v8H33v-8h14V51C36 48 30 32 30 10z" fill="${c}"/><path d="M34 22h32c-1 10-4 18-16 20-12-2-15-10-16-20z" fill="#fff" opacity=".45"/>`;
const grapes: Draw = (c) =>
  [
    [50, 34],
    [38, 44],
    [62, 44],
    [50, 54],
    [38, 64],
    [62, 64],
    [50, 74],
    [50, 88],
  ]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="9.5" fill="${c}"/>`)
    .join("") + `<path d="M50 25c0-8 6-14 16-16" stroke="${c}" stroke-width="4" fill="none"/>`;
const headphones: Draw = (c) =>
  `<path d="M18 62V52a32 32 0 0 1 64 0v10" stroke="${c}" stroke-width="8" fill="none"/><rect x="12" y="56" width="20" height="32" rx="8" fill="${c}"/><rect x="68" y="56" width="20" height="32" rx="8" fill="${c}"/>`;
const speaker: Draw = (c) =>
  `<rect x="26" y="10" width="48" height="80" rx="10" fill="${c}"/><circle cx="50" cy="62" r="16" fill="#fff" opacity=".55"/><circle cx="50" cy="28" r="7" fill="#fff" opacity=".55"/>`;
const plug: Draw = (c) =>
  `<rect x="34" y="8" width="8" height="20" rx="3" fill="${c}"/><rect x="58" y="8" width="8" height="20" rx="3" fill="${c}"/><path d="M24 28h52v18a26 26 0 0 1-20 25v21H44V71a26 26 0 0 1-20-25z" fill="${c}"/>`;
const phone: Draw = (c) =>
  `<rect x="30" y="6" width="40" height="88" rx="8" fill="${c}"/><rect x="35" y="16" width="30" height="62" rx="2" fill="#fff" opacity=".55"/><circle cx="50" cy="86" r="3.5" fill="#fff"/>`;
const keyboard: Draw = (c) =>
  `<rect x="6" y="28" width="88" height="44" rx="6" fill="${c}"/>` +
  Array.from(
    { length: 18 },
    (_, i) => `<rect x="${13 + (i % 9) * 8.6}" y="${36 + Math.floor(i / 9) * 10}" width="6" height="6" rx="1" fill="#fff" opacity=".6"/>`,
  ).join("") +
  `<rect x="26" y="58" width="48" height="6" rx="1" fill="#fff" opacity=".6"/>`;
const camera: Draw = (c) =>
  `<path d="M10 32h20l6-10h28l6 10h20v50H10z" fill="${c}"/><circle cx="50" cy="56" r="17" fill="#fff" opacity=".6"/><circle cx="50" cy="56" r="9" fill="${c}"/>`;
const wrench: Draw = (c) =>
  `<path d="M66 8a22 22 0 0 0-21 28L10 71a9 9 0 0 0 13 13l35-35A22 22 0 0 0 90 30l-13 9-12-4-4-12 12-13a22 22 0 0 0-7-2z" fill="${c}"/>`;
const bolt: Draw = (c) => `<path d="M58 4 20 56h26l-8 40 42-56H54z" fill="${c}"/>`;
const flower: Draw = (c) =>
  `<path d="M50 92V52" stroke="#15803d" stroke-width="5"/><path d="M50 74c-14 0-20-8-22-16 10 0 18 4 22 12z" fill="#15803d"/>` +
  `<path d="M30 18c6 4 12 10 20 10s14-6 20-10c2 18-6 34-20 34S28 36 30 18z" fill="${c}"/><path d="M42 12c4 6 8 10 8 16 0-6 4-10 8-16" stroke="${c}" stroke-width="6" fill="none"/>`;
const sunflower: Draw = (c) =>
  `<path d="M50 92V58" stroke="#15803d" stroke-width="5"/>` +
  Array.from({ length: 12 }, (_, i) => `<ellipse cx="50" cy="16" rx="6" ry="12" fill="${c}" transform="rotate(${i * 30} 50 36)"/>`).join(
    "",
  ) +
  `<circle cx="50" cy="36" r="12" fill="#78350f"/>`;
const plant: Draw = (c) =>
  `<path d="M30 64h40l-5 28H35z" fill="#b45309"/><path d="M50 64V30" stroke="${c}" stroke-width="5"/><path d="M50 46c-20 2-28-10-28-24 16 0 26 8 28 24zM50 38c18 0 26-10 26-22-14 0-24 6-26 22z" fill="${c}"/>`;
const cactus: Draw = (c) =>
  `<path d="M30 70h40l-5 24H35z" fill="#b45309"/><path d="M42 70V22a8 8 0 0 1 16 0v48zM42 52H32a6 6 0 0 1-6-6V34a5 5 0 0 1 10 0v8h6zM58 44h6v-8a5 5 0 0 1 10 0v8a6 6 0 0 1-6 6H58z" fill="${c}"/>`;
const book: Draw = (c) =>
  `<path d="M20 12h52a8 8 0 0 1 8 8v72H28a8 8 0 0 1-8-8z" fill="${c}"/><path d="M28 76h52v16H28a8 8 0 0 1 0-16z" fill="#fff" opacity=".7"/><rect x="32" y="24" width="36" height="6" rx="2" fill="#fff" opacity=".6"/>`;
const books: Draw = (c) => `${book(c)}<rect x="10" y="20" width="10" height="72" rx="3" fill="${c}" opacity=".6"/>`;
const owl: Draw = (c) =>
  `<path d="M24 24l10 8h32l10-8v40c0 18-12 28-26 28S24 82 24 64z" fill="${c}"/><circle cx="39" cy="46" r="10" fill="#fff"/><circle cx="61" cy="46" r="10" fill="#fff"/><circle cx="39" cy="46" r="4" fill="#0f172a"/><circle cx="61" cy="46" r="4" fill="#0f172a"/><path d="M46 58h8l-4 7z" fill="#f59e0b"/>`;
const backpack: Draw = (c) =>
  `<path d="M38 16a12 12 0 0 1 24 0" stroke="${c}" stroke-width="5" fill="none"/><rect x="22" y="18" width="56" height="76" rx="16" fill="${c}"/><rect x="32" y="56" width="36" height="26" rx="5" fill="#fff" opacity=".5"/>`;
const poles: Draw = (c) =>
  `<path d="M34 8l6 86M66 8l-6 86" stroke="${c}" stroke-width="6" stroke-linecap="round"/><rect x="28" y="8" width="12" height="18" rx="4" fill="${c}"/><rect x="60" y="8" width="12" height="18" rx="4" fill="${c}"/>`;
const flame: Draw = (c) =>
  `<path d="M52 6c4 20 26 28 26 54a28 28 0 0 1-56 0c0-14 8-20 12-30 4 10 8 12 10 12 4-10 8-20 8-36z" fill="${c}"/><path d="M50 58c8 8 12 12 12 20a12 12 0 0 1-24 0c0-8 6-12 12-20z" fill="#fde68a"/>`;
const tent: Draw = (c) => `<path d="M50 12 8 88h84z" fill="${c}"/><path d="M50 46 34 88h32z" fill="#fff" opacity=".6"/>`;
const mountain: Draw = (c) => `<path d="M4 88 36 30l16 26 12-18 32 50z" fill="${c}"/><path d="M36 30l10 16-6-2-4 6-6-8-4 4z" fill="#fff"/>`;
const cup: Draw = (c) =>
  `<path d="M16 40h56v22a24 24 0 0 1-24 24h-8a24 24 0 0 1-24-24z" fill="${c}"/><path d="M72 46h6a10 10 0 0 1 0 20h-8" stroke="${c}" stroke-width="6" fill="none"/><path d="M34 12c-4 6 4 10 0 18M48 10c-4 6 4 10 0 18" stroke="${c}" stroke-width="4" fill="none" opacity=".6"/><rect x="10" y="88" width="68" height="6" rx="3" fill="${c}"/>`;
const beans: Draw = (c) =>
  [
    [36, 36, -30],
    [64, 40, 20],
    [46, 66, 10],
    [70, 70, -20],
  ]
    .map(
      ([x, y, r]) =>
        `<g transform="rotate(${r} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="14" ry="19" fill="${c}"/><path d="M${x} ${y! - 16}c-6 10 6 22 0 32" stroke="#fff" stroke-width="3" fill="none" opacity=".6"/></g>`,
    )
    .join("");
const rainbow: Draw = () =>
  ["#dc2626", "#f59e0b", "#16a34a", "#2563eb"]
    .map(
      (col, i) =>
        `<path d="M${10 + i * 8} 80a${40 - i * 8} ${40 - i * 8} 0 0 1 ${80 - i * 16} 0" stroke="${col}" stroke-width="8" fill="none"/>`,
    )
    .join("");
const duck: Draw = (c) =>
  `<path d="M14 58c8 0 20 4 30 0-6-4-8-10-8-16a16 16 0 0 1 32 0c0 4-2 8-4 10 10-2 20-8 24-14 2 24-10 46-40 46-22 0-34-12-34-26z" fill="${c}"/><path d="M68 40l14 4-14 6z" fill="#f97316"/><circle cx="56" cy="38" r="3" fill="#0f172a"/>`;
const puzzle: Draw = (c) =>
  `<path d="M16 30h20a8 8 0 1 1 16 0h20v20a8 8 0 1 1 0 16v20H52a8 8 0 1 0-16 0H16V66a8 8 0 1 0 0-16z" fill="${c}"/>`;
const shirt: Draw = (c) => `<path d="M36 10 12 24l8 20 10-5v51h40V39l10 5 8-20-24-14c-2 8-8 12-14 12S38 18 36 10z" fill="${c}"/>`;
const thread: Draw = (c) =>
  `<rect x="30" y="14" width="40" height="8" rx="3" fill="#92400e"/><rect x="30" y="78" width="40" height="8" rx="3" fill="#92400e"/><rect x="34" y="22" width="32" height="56" fill="${c}"/><path d="M34 34h32M34 46h32M34 58h32M34 70h32" stroke="#fff" stroke-width="2" opacity=".5"/><path d="M66 60c14 4 18 18 8 28" stroke="${c}" stroke-width="3" fill="none"/>`;
const teddy: Draw = (c) =>
  `<circle cx="30" cy="24" r="10" fill="${c}"/><circle cx="70" cy="24" r="10" fill="${c}"/><circle cx="50" cy="38" r="22" fill="${c}"/><ellipse cx="50" cy="76" rx="24" ry="20" fill="${c}"/><ellipse cx="50" cy="44" rx="9" ry="7" fill="#fff" opacity=".6"/><circle cx="42" cy="34" r="3" fill="#0f172a"/><circle cx="58" cy="34" r="3" fill="#0f172a"/>`;
const tools: Draw = (c) => `${wrench(c)}<path d="M22 14 86 78" stroke="${c}" stroke-width="8" stroke-linecap="round" opacity=".6"/>`;
const yarn: Draw = (c) =>
  `<circle cx="50" cy="50" r="34" fill="${c}"/><path d="M22 36c16 4 40 24 50 42M30 24c14 8 34 30 40 50M20 56c14 0 30 12 36 26M46 16c10 10 24 30 26 46" stroke="#fff" stroke-width="3" fill="none" opacity=".55"/><path d="M78 72c8 8 10 16 4 22" stroke="${c}" stroke-width="3" fill="none"/>`;
const handbag: Draw = (c) =>
  `<path d="M34 40V30a16 16 0 0 1 32 0v10" stroke="${c}" stroke-width="5" fill="none"/><path d="M14 40h72l-8 50H22z" fill="${c}"/><rect x="44" y="52" width="12" height="8" rx="2" fill="#fff" opacity=".7"/>`;
const bag: Draw = (c) =>
  `<path d="M36 30a14 14 0 0 1 28 0" stroke="${c}" stroke-width="5" fill="none"/><path d="M18 30h64l-6 62H24z" fill="${c}"/>`;

/** The emoji each glyph draws (variation selectors and skin tones do not matter). */
const GLYPHS: [string[], Draw][] = [
  [["🍷"], glass],
  [["🍾", "🥂"], bottle],
  [["🍇"], grapes],
  [["🎧"], headphones],
  [["🔊"], speaker],
  [["🔌"], plug],
  [["📱"], phone],
  [["⌨"], keyboard],
  [["📷"], camera],
  [["🔧"], wrench],
  [["🛠"], tools],
  [["⚡"], bolt],
  [["🌷"], flower],
  [["🌻"], sunflower],
  [["🪴"], plant],
  [["🌵"], cactus],
  [["📕", "📗", "📘", "📙"], book],
  [["📚"], books],
  [["🦉"], owl],
  [["🎒"], backpack],
  [["🥢"], poles],
  [["🔥"], flame],
  [["🏕"], tent],
  [["⛰", "🏔"], mountain],
  [["☕", "🍵"], cup],
  [["🫘"], beans],
  [["🌈"], rainbow],
  [["🦆"], duck],
  [["🧩"], puzzle],
  [["👕"], shirt],
  [["🧵"], thread],
  [["🧸"], teddy],
  [["🛍"], bag],
  [["🧶"], yarn],
  [["👜"], handbag],
];

const bare = (emoji: string) => emoji.replace(/\uFE0E|\uFE0F|\p{Emoji_Modifier}/gu, "").trim();

/** The drawing for an emoji in colour `c`, or null when there is none. */
export function glyphFor(emoji: string, c: string): string | null {
  const e = bare(emoji);
  const found = GLYPHS.find(([list]) => list.includes(e));
  return found ? found[1](c) : null;
}

/** Every emoji with a drawing, for the test that the seed's are all drawn. */
export const DRAWN_EMOJI = GLYPHS.flatMap(([list]) => list);
