import type { MemberEventMap, MemberEventType, PresenceNotice } from "../presence/events";
import type { BusPublisher } from "./types";

/**
 * Route handlers' side of the embedded bus: a loopback POST to the presence
 * server, authenticated with the shared presence secret.
 */
export class HttpBusClient implements BusPublisher {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  toMember<K extends MemberEventType>(memberId: string, type: K, data: MemberEventMap[K]): Promise<void> {
    return this.post({ kind: "member", memberId, type, data });
  }

  presenceChanged(changes: PresenceNotice[]): Promise<void> {
    return this.post({ kind: "presence", changes });
  }

  private async post(body: unknown): Promise<void> {
    const res = await fetch(`${this.baseUrl}/internal/bus`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${this.secret}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`presence bus answered ${res.status}`);
  }
}
