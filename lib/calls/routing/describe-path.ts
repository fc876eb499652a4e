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

/** Why a forward stopped, appended to the rule's reason ("Rule “Desk”; Nobody in Desk can take the call now"). */
export const STOPPED = {
  noMember: "No member has the number it forwards to",
  loop: "It would go round in a loop",
  /** Kept with the call, never shown: the forwarder would learn who blocked whom. */
  refused: "That number does not take forwarded calls from here",
  nobodyIn: (group: string) => `Nobody in ${group} can take the call now`,
  notInGroup: (group: string) => `Only the group's members can forward to ${group}`,
};
const SHOWN_WHY =
  /; (No member has the number it forwards to|It would go round in a loop|Nobody in .+ can take the call now|Only the group's members can forward to .+)$/;

/** The owner of a cut forward sees why it stopped, unless the why is someone else's block. */
function whyStopped(l: PathLeg): string {
  const why = l.reason ? SHOWN_WHY.exec(l.reason)?.[1] : undefined;
  return why ? `forwarding stopped: ${why.charAt(0).toLowerCase()}${why.slice(1)}` : "forwarding stopped";
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
 * person rung. A hunted group's members are one step ("rang its members 18 s → Cy answered"): who
 * in the group was rung, or passed by, is not for the caller to learn.
 */
export function describePath(legs: PathLeg[], viewerId: string, now = new Date()): string[] {
  const out: string[] = [];
  for (let i = 0; i < legs.length; i++) {
    const l = legs[i]!;
    const own = l.memberId === viewerId;
    const group = l.reason ? groupOfReason(l.reason) : null;
    if (group) {
      let j = i;
      while (j + 1 < legs.length && legs[j + 1]!.reason === l.reason) j++;
      out.push(...huntedGroup(legs.slice(i, j + 1), group, viewerId, now));
      i = j;
      continue;
    }
    if (l.rang) out.push(own ? `rang ${and(l.rang)} ${seconds(l, now)} s` : `rang ${l.name} ${seconds(l, now)} s`);
    if (l.result === "forwarded") {
      const next = legs[i + 1];
      const toGroup = next?.reason ? groupOfReason(next.reason) : null;
      out.push(
        toGroup
          ? `forwarded to the group ${toGroup}`
          : next
            ? `forwarded to ${next.memberId === viewerId ? "you" : next.name}`
            : "forwarded",
      );
      continue;
    }
    if (l.result === null) out.push(own ? "ringing" : `ringing ${l.name}`);
    else if (l.result === "loop" && own) out.push(whyStopped(l));
    else {
      const text = own ? ownResult(l.result) : theirResult(l.result, l.name);
      if (text) out.push(text);
    }
  }
  return out;
}

/** The members of a group rung in turn, as one step, and how it ended: who answered, or nobody. */
function huntedGroup(legs: PathLeg[], group: string, viewerId: string, now: Date): string[] {
  const first = legs[0]!;
  const last = legs.at(-1)!;
  const secs = Math.max(0, Math.round(((last.endedAt ?? now).getTime() - first.startedAt.getTime()) / 1000));
  const out = [`rang its members ${secs} s`];
  if (last.result === null) out.push(last.memberId === viewerId ? "ringing you" : "ringing");
  else if (last.result === "answered") out.push(last.memberId === viewerId ? "you answered" : `${last.name} answered`);
  else if (last.result === "canceled") out.push("the caller hung up");
  else out.push(`nobody in ${group} answered`);
  return out;
}
