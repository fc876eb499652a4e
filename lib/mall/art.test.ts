import { describe, expect, it } from "vitest";
import { DEMO_MERCHANTS } from "../../prisma/seed-mall";
import { logoSvg, productSvg } from "./art";
import { DRAWN_EMOJI } from "./glyphs";

/** Emoji (a name may have accents: "Dão Tinto"). */
const EMOJI = /\p{Extended_Pictographic}/u;

describe("the mall's drawn pictures", () => {
  const merchants = DEMO_MERCHANTS;
  const products = merchants.flatMap((m) =>
    Object.values(m.catalogue)
      .flat()
      .map((p) => ({ p, m })),
  );

  it("draw every demo mark and product in shapes: no emoji left for a font to miss", () => {
    expect(products.length).toBeGreaterThan(20);
    for (const m of merchants) {
      expect(DRAWN_EMOJI, m.mark).toContain(m.mark.replace(/\uFE0F/g, ""));
      expect(logoSvg(m), m.name).not.toMatch(EMOJI);
    }
    for (const { p, m } of products) {
      expect(DRAWN_EMOJI, `${p.name} ${p.emoji}`).toContain(p.emoji.replace(/\uFE0F/g, ""));
      expect(productSvg(p, m), p.name).not.toMatch(EMOJI);
    }
  });

  it("shows a product's initials when its emoji has no drawing, escaped", () => {
    const svg = productSvg({ name: "Zebra mug <big>", emoji: "🦓" }, { color: "#123456", accent: "#abcdef" });
    expect(svg).toContain(">ZM</text>");
    expect(svg).toContain('aria-label="Zebra mug &lt;big&gt;"');
    expect(svg).not.toMatch(EMOJI);
  });
});
