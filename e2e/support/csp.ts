import type { BrowserContext } from "@playwright/test";

/**
 * Records the Content-Security-Policy violations of every page in a context
 * (the browser's own securitypolicyviolation events), and echoes them to the
 * test output so that a run of any spec shows what the policy blocked.
 */
export async function watchCsp(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} on ${location.pathname}`);
    });
  });
  ctx.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) console.error(`CSP violation: ${msg.text()}`);
  });
}
