"use client";

import Link from "next/link";
import type { GroupView as Group } from "@/lib/groups/get-group";
import type { PublicStatus } from "@/lib/presence/status";
import { Avatar } from "../avatar";
import { apiSend } from "../api";
import { useAction } from "../use-action";
import { GroupChat } from "./group-chat";
import { GroupInvites } from "./group-invites";
import { GroupSettings } from "./group-settings";
import { GroupJoin } from "./group-join";
import { GroupMembers } from "./group-members";
import { useGroup } from "./use-group";
import { NumberDisplay } from "@/components/number-display";

const ACCESS_LABEL = { open: "Open to members", request: "Join by request", invite: "By invitation" } as const;

/** A group's communications page: who it is, who is in it live, its conversation; for outsiders, a way in. */
export function GroupPage({
  initial,
  viewerId,
  initialStatuses,
  invite,
}: {
  initial: Group;
  viewerId: string | null;
  initialStatuses: Record<string, PublicStatus>;
  /** An invitation link's secret, from the address it came by. */
  invite: string | null;
}) {
  const { group, refresh } = useGroup(initial);
  const leave = useAction(() => void refresh());
  const inside = group.viewerRole !== null && group.viewerRole !== "requested";

  return (
    <div className="mx-auto max-w-3xl" data-testid="group-page" data-group={group.id}>
      <article className="overflow-hidden rounded-3xl border border-slate-200 bg-white shadow-sm">
        <div className="h-24 bg-gradient-to-r from-emerald-600 via-teal-500 to-sky-400" aria-hidden="true" />
        <div className="px-4 pb-6 sm:px-6">
          <div className="-mt-10 flex flex-wrap items-end gap-4">
            <div className="rounded-2xl border-4 border-white bg-white">
              <Avatar name={group.name} photoUrl={group.photoUrl} size={80} />
            </div>
            <div className="min-w-0 pb-1">
              <h1 className="text-2xl font-bold tracking-tight" data-testid="group-name">
                {group.name}
              </h1>
              <p className="text-slate-700">
                /{group.handle} ·{" "}
                <span data-testid="group-number">
                  <NumberDisplay spelled={group.formattedNumber} className="" />
                </span>
              </p>
            </div>
          </div>
          <p className="mt-3 flex flex-wrap gap-2 text-sm">
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-800">{ACCESS_LABEL[group.access]}</span>
            {group.hasPassword && (
              <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-800" data-testid="group-has-password">
                Password
              </span>
            )}
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-800" data-testid="group-count">
              {group.memberCount} {group.memberCount === 1 ? "member" : "members"}
            </span>
          </p>
          {group.description && <p className="mt-3 whitespace-pre-line text-slate-800">{group.description}</p>}
          {!inside && (
            <div className="mt-5">
              <GroupJoin group={group} signedIn={viewerId !== null} invite={invite} onChange={() => void refresh()} />
            </div>
          )}
          {inside && viewerId && (
            <>
              <RoomCard group={group} />
              <GroupMembers group={group} viewerId={viewerId} initialStatuses={initialStatuses} />
              {(group.viewerRole === "owner" || group.viewerRole === "admin") && (
                <>
                  <GroupInvites handle={group.handle} />
                  <GroupSettings group={group} onSaved={() => void refresh()} />
                </>
              )}
              {group.conversationId && <GroupChat conversationId={group.conversationId} memberId={viewerId} />}
              {group.viewerRole !== "owner" && (
                <div className="mt-6">
                  <button
                    type="button"
                    disabled={leave.busy}
                    className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                    data-testid="group-leave"
                    onClick={() => {
                      if (window.confirm(`Leave ${group.name}?`))
                        void leave.run(() => apiSend("POST", `/api/groups/${encodeURIComponent(group.handle)}/leave`));
                    }}
                  >
                    Leave the group
                  </button>
                  {leave.error && (
                    <p role="alert" className="mt-2 text-sm text-red-700">
                      {leave.error}
                    </p>
                  )}
                </div>
              )}
            </>
          )}
        </div>
      </article>
    </div>
  );
}

/** Who is in the group's video room now (live), and the way in. */
function RoomCard({ group }: { group: Group }) {
  const names = (group.inRoom ?? []).map((id) => group.members?.find((m) => m.id === id)?.displayName ?? "Someone");
  return (
    <div
      className="mt-5 flex flex-wrap items-center gap-3 rounded-xl border border-emerald-200 bg-emerald-50 p-4"
      data-testid="group-room-card"
    >
      <div className="min-w-[12rem] flex-1">
        <h2 className="font-semibold text-emerald-950">The group&apos;s room</h2>
        <p className="text-sm text-emerald-900" data-testid="group-in-room" aria-live="polite">
          {names.length === 0 ? "Nobody is in it right now." : `In it now: ${names.join(", ")}`}
        </p>
      </div>
      <Link
        href={`/${group.handle}/room`}
        className="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800"
        data-testid="group-room-join"
      >
        Join the room
      </Link>
    </div>
  );
}
