import { KEYPAD } from "@/lib/numbers/keypad";

/** The phone keypad as a picture: the letters people spell their number with. */
export function KeypadArt() {
  const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];
  return (
    <svg
      viewBox="0 0 240 320"
      className="h-auto w-full max-w-[260px]"
      role="img"
      aria-label="A phone keypad: 2 ABC, 3 DEF, 4 GHI, 5 JKL, 6 MNO, 7 PQRS, 8 TUV, 9 WXYZ"
    >
      <rect x="0" y="0" width="240" height="320" rx="28" fill="#172a63" />
      {keys.map((k, i) => {
        const x = 20 + (i % 3) * 70;
        const y = 20 + Math.floor(i / 3) * 74;
        const letters = KEYPAD[k] ?? "";
        return (
          <g key={k}>
            <rect x={x} y={y} width="60" height="62" rx="16" fill={letters ? "#2552e0" : "#1d41b8"} />
            <text x={x + 30} y={y + 32} textAnchor="middle" fontSize="24" fontWeight="700" fill="#fff">
              {k}
            </text>
            <text x={x + 30} y={y + 50} textAnchor="middle" fontSize="11" letterSpacing="1.5" fill="#bfd3fe">
              {letters}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
