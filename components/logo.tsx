export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="9" fill="#2552e0" />
      <g fill="#fff">{[8, 16, 24].flatMap((y) => [9, 16, 23].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="2.4" />))}</g>
    </svg>
  );
}
