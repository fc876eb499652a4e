import Link from "next/link";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { Avatar } from "@/components/avatar";
import { BlockButton } from "@/components/calls/block-button";
import { CallButton } from "@/components/calls/call-button";
import { MessageButton } from "@/components/messages/message-button";
import { AddContactButton } from "@/components/contacts/add-contact-button";
import { isBlocked } from "@/lib/calls/blocks";
import { LiveStatus } from "@/components/presence/status-dot";
import { getStatus } from "@/lib/presence/read-model";
import { statusesSeenBy } from "@/lib/presence/visibility-store";
import { db } from "@/lib/db/client";
import { getMemberByHandle, resolveAddress } from "@/lib/members/get-member";
import { ownersOfWord } from "@/lib/numbers/owners-of-word";
import { parseDialled } from "@/lib/numbers/spelling";
import { WordMatches } from "./word-matches";
import { LeaveMessage } from "@/components/mailbox/leave-message";
import { currentGreeting, greetingForCall } from "@/lib/mailbox/greetings";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { accountStatus } from "@/lib/account/settings";
import { getGroup } from "@/lib/groups/get-group";
import { groupRoomPeople } from "@/lib/groups/room";
import { GroupPageServer } from "./group-page";
import { NumberDisplay } from "@/components/number-display";
import { NumberSpellingSetting } from "@/components/account/number-spelling-setting";
import { toKeypadDigits } from "@/lib/numbers/keypad";
import { When } from "@/components/when";

/** A number's own address, with its word when it has one ("/2222222PIZZA"). */
function addressOfNumber(shown: string | null): string | null {
  const k = shown ? toKeypadDigits(shown) : null;
  return k?.ok ? k.spelled : null;
}

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | undefined>> };

const validHandle = (handle: string) => /^[A-Za-z][A-Za-z0-9-]{1,29}$/.test(handle);

async function load(handle: string) {
  if (!validHandle(handle)) return null;
  return getMemberByHandle(await db(), handle);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  const m = await load(handle);
  if (m) return { title: `${m.displayName} (${m.formattedNumber})` };
  const g = validHandle(handle) ? await getGroup(await db(), handle, null) : null;
  return { title: g ? `${g.name} (${g.formattedNumber})` : "Not found" };
}

/**
 * /<WORD> (or a spelled number that starts with a letter) names no handle: the number that shows
 * it, when there is one, or the ones that do to choose from. Words can change hands: a temporary
 * redirect.
 */
async function wordAddress(address: string) {
  const dialled = parseDialled(address);
  if (!dialled) notFound();
  if ("digits" in dialled) {
    const to = await resolveAddress(await db(), { digits: dialled.digits });
    if (to) redirect(`/${to}`);
    notFound();
  }
  const owners = await ownersOfWord(await db(), dialled.word);
  if (owners.only) redirect(`/${owners.only.handle}`);
  if (owners.all === 0) notFound();
  return <WordMatches word={dialled.word} all={owners.all} listed={owners.listed} />;
}

/** /<handle>: a member's page, or a group's (one namespace). */
export default async function HandlePage({ params, searchParams }: Props) {
  const { handle } = await params;
  const member = await load(handle);
  if (!member) {
    const viewer = validHandle(handle) ? await currentMember() : null;
    const group = validHandle(handle) ? await getGroup(await db(), handle, viewer?.id ?? null, groupRoomPeople) : null;
    if (!group) return wordAddress(handle);
    const invite = (await searchParams).invite;
    return (
      <GroupPageServer
        group={group}
        viewerId={viewer?.id ?? null}
        invite={typeof invite === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(invite) ? invite : null}
      />
    );
  }
  const viewer = await currentMember();
  // An unlisted member's presence is for signed-in members only (as on the presence server).
  const raw = viewer || member.listed ? await getStatus(await db(), member.id) : "offline";
  // What this viewer may see of it: the member's visibility rules, applied here as on the presence server.
  const seen = (await statusesSeenBy(await db(), { [member.id]: raw }, viewer?.id ?? null))[member.id] ?? "offline";
  const isSelf = viewer?.id === member.id;
  // Someone reading their own page is here, even before this page's connection reaches the presence
  // server: what they chose, not "Offline" for a second.
  const status = isSelf && seen === "offline" && member.presenceSetting !== "invisible" ? member.presenceSetting : seen;
  const blocked = viewer && !isSelf ? await isBlocked(await db(), viewer.id, member.id) : false;
  const query = await searchParams;
  const welcome = isSelf && query.welcome === "1";
  const callId = typeof query.call === "string" && /^[a-z0-9]{1,40}$/.test(query.call) ? query.call : undefined;
  const greeting = isSelf
    ? null
    : callId
      ? await greetingForCall(await db(), { member, callId, viewerId: viewer?.id ?? null })
      : await currentGreeting(await db(), member);
  const guestsRefused = !viewer && !isSelf && (await accountStatus(await db(), member.id))?.acceptsGuestMessages === false;

  return (
    <div className="mx-auto max-w-3xl">
      {welcome && (
        <div role="status" className="mb-6 rounded-2xl border border-emerald-300 bg-emerald-50 p-5" data-testid="welcome">
          <p className="font-semibold text-emerald-900">Welcome, {member.displayName}! Your number is yours for life.</p>
          <p className="mt-1 text-sm text-emerald-800">
            Share it, or share this page&apos;s address: people can reach you at /{member.handle} or /
            {addressOfNumber(member.formattedNumber) ?? member.number}.
          </p>
        </div>
      )}
      <article className="overflow-hidden rounded-3xl border border-slate-200 bg-white shadow-sm">
        <div className="h-28 bg-gradient-to-r from-brand-600 via-brand-500 to-sky-400" aria-hidden="true" />
        <div className="px-6 pb-6">
          <div className="-mt-12 flex flex-wrap items-end gap-4">
            <div className="rounded-full border-4 border-white bg-white">
              <Avatar name={member.displayName} photoUrl={member.photoUrl} size={96} />
            </div>
            <div className="pb-1">
              <h1 className="text-2xl font-bold tracking-tight" data-testid="member-name">
                {member.displayName}
              </h1>
              <p className="flex items-center gap-3 text-slate-600">
                @{member.handle}
                <LiveStatus memberId={member.id} initial={status} />
              </p>
            </div>
          </div>
          {viewer && !isSelf && (
            <div className="mt-5 flex flex-wrap items-start gap-3" data-testid="member-actions">
              <CallButton handle={member.handle} name={member.displayName} kind="video" />
              <CallButton handle={member.handle} name={member.displayName} kind="voice" />
              <MessageButton memberId={member.id} name={member.displayName} />
              <AddContactButton memberId={member.id} handle={member.handle} name={member.displayName} />
              <BlockButton
                handle={member.handle}
                name={member.displayName.split(" ")[0] ?? member.displayName}
                initiallyBlocked={blocked}
              />
            </div>
          )}
          {!viewer && !guestsRefused && (
            <p className="mt-5 text-sm text-slate-600">
              <a href={`/signin?next=/${member.handle}`} className="font-medium text-brand-700 underline">
                Sign in
              </a>{" "}
              to call {member.displayName}, or leave a message below.
            </p>
          )}
          {guestsRefused && (
            <p className="mt-5 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="guests-refused">
              {member.displayName} takes messages from members only.{" "}
              <Link href={`/signin?next=/${member.handle}`} className="font-medium text-brand-700 underline">
                Sign in
              </Link>{" "}
              or{" "}
              <Link href="/register" className="font-medium text-brand-700 underline">
                register
              </Link>{" "}
              to call or leave a message.
            </p>
          )}
          {!isSelf && !guestsRefused && (
            <div className="mt-4">
              <LeaveMessage
                handle={member.handle}
                name={member.displayName}
                guest={!viewer}
                open={query.message === "1"}
                callId={callId}
                greeting={greeting}
                maxSeconds={mailboxLimits().maxMs / 1000}
              />
            </div>
          )}
          <dl className="mt-6 grid gap-4 sm:grid-cols-2">
            <div className="rounded-xl bg-slate-50 p-4">
              <dt className="text-sm text-slate-600">Number</dt>
              <dd className="tabular mt-1 text-2xl font-semibold" data-testid="member-number">
                <NumberDisplay spelled={member.formattedNumber} className="" />
              </dd>
              {isSelf && member.formattedNumber && (
                <dd>
                  <NumberSpellingSetting shown={member.formattedNumber} />
                </dd>
              )}
            </div>
            <div className="rounded-xl bg-slate-50 p-4">
              <dt className="text-sm text-slate-600">City</dt>
              <dd className="mt-1 text-lg font-medium">{member.city}</dd>
            </div>
          </dl>
          {member.interests.length > 0 && (
            <div className="mt-5">
              <h2 className="text-sm text-slate-600">Interests</h2>
              <ul className="mt-2 flex flex-wrap gap-2">
                {member.interests.map((i) => (
                  <li key={i} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-700">
                    {i}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="mt-6 text-sm text-slate-600">
            Member since <When iso={member.createdAt} style="month" />
          </p>
        </div>
      </article>
    </div>
  );
}
