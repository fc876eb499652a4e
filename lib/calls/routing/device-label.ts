/** A name a person recognises for one of their browsers, from its user agent ("Chrome on Android"). */
export function deviceLabel(userAgent: string): string {
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const system = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Mac OS X|Macintosh/.test(ua)
          ? "Mac"
          : /Windows/.test(ua)
            ? "Windows"
            : /Linux|X11/.test(ua)
              ? "Linux"
              : "";
  return system ? `${browser} on ${system}` : browser;
}

/** Two browsers with the same name are told apart by their order ("Chrome on Linux 2"). */
export function distinctLabels<T extends { label: string }>(devices: T[]): T[] {
  const seen = new Map<string, number>();
  return devices.map((d) => {
    const n = (seen.get(d.label) ?? 0) + 1;
    seen.set(d.label, n);
    return n === 1 ? d : { ...d, label: `${d.label} ${n}` };
  });
}
