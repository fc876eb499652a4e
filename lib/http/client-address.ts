/**
 * The client's address behind `trustedProxies` proxies of our own. Each proxy appends the address it
 * got the request from to X-Forwarded-For, so only the rightmost `trustedProxies` hops (the socket's
 * peer being the last) were written by someone we trust; everything further left is whatever the
 * client chose to send. 0 = the socket's address, 1 = the last X-Forwarded-For entry, and so on.
 */
export function clientAddressFrom(xff: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const socket = socketAddress || "unknown";
  if (trustedProxies <= 0) return socket;
  const listed = (Array.isArray(xff) ? xff.join(",") : (xff ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = [...listed, socket];
  // Fewer hops than proxies: the request skipped a proxy; the leftmost one is the best we have.
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}
