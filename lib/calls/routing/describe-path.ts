import type { LegResult } from "./plan";

export type PathLeg = {
  memberId: string;
  name: string;
  rang: string;
  result: LegResult | null;
  startedAt: Date;
  endedAt: Date | null;
  /** Why the rules did what they did; a leg of a hunted group names the group. */
  reason?: string;
};

/** The reason kept with a hunted group member's part of the path (hunt-group.ts); the path names the group. */
export const huntReason = (group: string) => `In the group “${group}”`;
const groupOfReason = (reason: string) => /^In the group “(.+)”$/.exec(reason)?.[1] ?? null;

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
    loop: "forwarding stopped",
  };
  return text[r];
}

/** The owner of a cut forward sees why it stopped (the part of the reason after the rule's name). */
function whyStopped(l: PathLeg): string {
  const k = l.reason?.lastIndexOf("; ") ?? -1;
  const why = k >= 0 ? l.reason!.slice(k + 2) : null;
  return why ? `forwarding stopped: ${why.charAt(0).toLowerCase()}${why.slice(1)}` : "forwarding stopped: it would go round in a loop";
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
    loop: "forwarding stopped",
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
      const group = next?.reason ? groupOfReason(next.reason) : null;
      out.push(
        group ? `forwarded to the group ${group}` : next ? `forwarded to ${next.memberId === viewerId ? "you" : next.name}` : "forwarded",
      );
      return;
    }
    if (l.result === null) out.push(own ? "ringing" : `ringing ${l.name}`);
    else if (l.result === "loop" && own) out.push(whyStopped(l));
    else {
      const text = own ? ownResult(l.result) : theirResult(l.result, l.name);
      if (text) out.push(text);
    }
  });
  return out;
}
