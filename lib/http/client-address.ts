import net from "node:net";

/** Whether a connection comes from one of our own proxies (TRUSTED_PROXIES). */
export type ProxyCheck = (address: string) => boolean;

/** The loopback addresses: a proxy on the same host. */
export const DEFAULT_TRUSTED_PROXIES = ["127.0.0.0/8", "::1"];

/** An IPv4-mapped IPv6 address as IPv4, without an interface zone: how socket addresses are compared. */
function plainAddress(address: string): string {
  return address.replace(/%.*$/, "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

/** Why an entry of TRUSTED_PROXIES is not an address or a CIDR block, or null when it is one. */
export function proxyEntryProblem(entry: string): string | null {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return `"${entry}" is not an IP address or a CIDR block (10.0.0.0/8, fd00::/8)`;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))) {
    return `"${entry}" has a prefix length out of range`;
  }
  return null;
}

/** The check for a list of addresses and CIDR blocks (validated by proxyEntryProblem). */
export function proxyCheck(entries: string[]): ProxyCheck {
  const list = new net.BlockList();
  for (const entry of entries) {
    if (proxyEntryProblem(entry)) throw new Error(`TRUSTED_PROXIES: ${proxyEntryProblem(entry)}`);
    const [address = "", prefix] = entry.split("/");
    const type = net.isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const a = plainAddress(address);
    const family = net.isIP(a);
    return family !== 0 && list.check(a, family === 4 ? "ipv4" : "ipv6");
  };
}

/**
 * The client's address behind `trustedProxies` proxies of our own. Each proxy appends the address it
 * got the request from to X-Forwarded-For, so walking from the socket's peer leftwards, an entry is
 * believed only when the hop that wrote it is one of our proxies (`isTrustedProxy`) and it is at most
 * `trustedProxies` hops away; everything else is whatever the client chose to send. A client
 * connecting directly, not through our proxy, is its socket's address whatever it writes.
 * 0 = the socket's address, 1 = the last X-Forwarded-For entry, and so on.
 */
export function clientAddressFrom(
  xff: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxies: number,
  isTrustedProxy: ProxyCheck,
): string {
  const listed = (Array.isArray(xff) ? xff.join(",") : (xff ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let address = socketAddress ? plainAddress(socketAddress) : "unknown";
  for (let hop = 0; hop < trustedProxies && isTrustedProxy(address); hop++) {
    const before = listed.pop();
    // Fewer entries than proxies: the request skipped a proxy; the leftmost one is the best we have.
    if (before === undefined) break;
    address = before;
  }
  return address;
}
