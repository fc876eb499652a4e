import type { LegResult } from "./plan";

export type PathLeg = {
  memberId: string;
  name: string;
  rang: string;
  result: LegResult | null;
  startedAt: Date;
  endedAt: Date | null;
};

const and = (labels: string) => {
  const parts = labels.split(", ").filter(Boolean);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
};

const seconds = (l: PathLeg, now: Date) => Math.max(0, Math.round(((l.endedAt ?? now).getTime() - l.startedAt.getTime()) / 1000));

function ownResult(r: LegResult): string | null {
  const text: Record<LegResult, string | null> = {
    answered: "answered",
    forwarded: null,
    missed: "not answered",
    declined: "declined",
    canceled: "the caller hung up",
    busy: "busy in another call",
    unavailable: "could not ring",
    mailbox: "to the mailbox",
    loop: "forwarding stopped: it would go round in a loop",
  };
  return text[r];
}

function theirResult(r: LegResult, name: string): string | null {
  const text: Record<LegResult, string | null> = {
    answered: `${name} answered`,
    forwarded: null,
    missed: `${name} did not answer`,
    declined: `${name} declined`,
    canceled: "the caller hung up",
    busy: `${name} was in another call`,
    unavailable: `${name} could not be reached`,
    mailbox: `to ${name}'s mailbox`,
    loop: "forwarding stopped: it would go round in a loop",
  };
  return text[r];
}

/**
 * A call's path in words, as one member sees it: "rang Chrome on Linux and Safari on iPhone 20 s →
 * forwarded to Ana → Ana answered". Device names are shown only to their owner; others see the
 * person rung.
 */
export function describePath(legs: PathLeg[], viewerId: string, now = new Date()): string[] {
  const out: string[] = [];
  legs.forEach((l, i) => {
    const own = l.memberId === viewerId;
    if (l.rang) out.push(own ? `rang ${and(l.rang)} ${seconds(l, now)} s` : `rang ${l.name} ${seconds(l, now)} s`);
    if (l.result === "forwarded") {
      const next = legs[i + 1];
      out.push(next ? `forwarded to ${next.memberId === viewerId ? "you" : next.name}` : "forwarded");
      return;
    }
    if (l.result === null) out.push(own ? "ringing" : `ringing ${l.name}`);
    else {
      const text = own ? ownResult(l.result) : theirResult(l.result, l.name);
      if (text) out.push(text);
    }
  });
  return out;
}
