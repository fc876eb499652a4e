"use client";

import Link from "next/link";
import { memo, useCallback, useRef } from "react";
import type { GroupPerson, GroupView } from "@/lib/groups/get-group";
import type { PublicStatus } from "@/lib/presence/status";
import { Avatar } from "../avatar";
import { apiSend } from "../api";
import { CallButton } from "../calls/call-button";
import { MessageButton } from "../messages/message-button";
import { useStatuses } from "../presence/presence-provider";
import { Dot, STATUS_LABEL } from "../presence/status-dot";
import { useAction } from "../use-action";

const ROLE_LABEL = { owner: "Owner", admin: "Admin", member: "" } as const;
type Action = "approve" | "refuse" | "make-admin" | "make-member" | "remove" | "make-owner";

/**
 * Everyone in the group with their live status, as each one's own visibility rules let this viewer
 * see it (the presence server decides), and a way to reach each; admins also answer requests and
 * manage people.
 */
export function GroupMembers({
  group,
  viewerId,
  initialStatuses,
}: {
  group: GroupView;
  viewerId: string;
  initialStatuses: Record<string, PublicStatus>;
}) {
  const members = group.members ?? [];
  const statuses = useStatuses(
    members.map((m) => m.id),
    initialStatuses,
  );
  const online = members.filter((m) => (statuses[m.id] ?? "offline") !== "offline").length;
  const action = useAction();
  const act = (target: GroupPerson, what: Action) => {
    if (what === "remove" && !window.confirm(`Remove ${target.displayName} from ${group.name}?`)) return;
    if (what === "make-owner" && !window.confirm(`Make ${target.displayName} the owner? You will be an admin.`)) return;
    void action.run(() =>
      apiSend("POST", `/api/groups/${encodeURIComponent(group.handle)}/members/${encodeURIComponent(target.id)}`, { action: what }),
    );
  };
  const me = group.viewerRole;
  // One function for every row across renders, so that rows whose person did not change are not drawn again.
  const actRef = useRef(act);
  actRef.current = act;
  const onAct = useCallback((target: GroupPerson, what: Action) => actRef.current(target, what), []);

  return (
    <section aria-labelledby="group-members-title" className="mt-6">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="group-members-title" className="text-lg font-semibold">
          Members
        </h2>
        <p className="text-sm text-slate-700" data-testid="group-online" aria-live="polite">
          {online} of {members.length} online
        </p>
      </div>
      {action.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {action.error}
        </p>
      )}
      {group.requests && group.requests.length > 0 && (
        <div className="mt-3 rounded-xl border border-amber-200 bg-amber-50 p-3" data-testid="group-requests">
          <h3 className="text-sm font-semibold text-amber-900">Asking to join</h3>
          <ul className="mt-2 space-y-2">
            {group.requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3" data-testid="group-request">
                <Avatar name={r.displayName} photoUrl={r.photoUrl} size={32} />
                <Link href={`/${r.handle}`} className="font-medium hover:underline">
                  {r.displayName}
                </Link>
                <span className="ml-auto flex gap-2">
                  <button
                    type="button"
                    disabled={action.busy}
                    className="rounded-lg bg-brand-600 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
                    onClick={() => act(r, "approve")}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    disabled={action.busy}
                    className="rounded-lg border border-slate-300 px-3 py-1 text-sm disabled:opacity-60"
                    onClick={() => act(r, "refuse")}
                  >
                    Refuse
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="group-members">
        {members.map((m) => (
          <MemberRow key={m.id} m={m} status={statuses[m.id] ?? "offline"} self={m.id === viewerId} me={me} onAct={onAct} />
        ))}
      </ul>
    </section>
  );
}

/** One person's row; drawn again only when their status or role changes (a page may hold 500). */
const MemberRow = memo(function MemberRow({
  m,
  status,
  self,
  me,
  onAct,
}: {
  m: GroupPerson;
  status: PublicStatus;
  self: boolean;
  me: GroupView["viewerRole"];
  onAct: (target: GroupPerson, what: Action) => void;
}) {
  const canManage = !self && (me === "owner" || (me === "admin" && m.role === "member"));
  return (
    <li className="flex flex-wrap items-center gap-3 p-3" data-testid="group-member" data-member={m.id} data-status={status}>
      <span className="relative">
        <Avatar name={m.displayName} photoUrl={m.photoUrl} size={40} />
        <span className="absolute -bottom-0.5 -right-0.5">
          <Dot status={status} />
        </span>
      </span>
      <span className="min-w-[9rem] flex-1">
        <Link href={`/${m.handle}`} className="block truncate font-medium hover:underline">
          {m.displayName}
          {self && <span className="text-slate-600"> (you)</span>}
        </Link>
        <span className="text-sm text-slate-600">
          {STATUS_LABEL[status]}
          {ROLE_LABEL[m.role] && (
            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{ROLE_LABEL[m.role]}</span>
          )}
        </span>
      </span>
      {!self && (
        <span className="flex items-center gap-2">
          <CallButton handle={m.handle} name={m.displayName} kind="video" compact />
          <MessageButton memberId={m.id} name={m.displayName} compact />
          <Link
            href={`/${m.handle}?message=1`}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
          >
            Leave a message<span className="sr-only"> for {m.displayName}, recorded</span>
          </Link>
        </span>
      )}
      {canManage && (
        <details className="relative">
          <summary
            className="cursor-pointer list-none rounded-lg px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
            aria-label={`Manage ${m.displayName}`}
          >
            ⋯
          </summary>
          <div className="absolute right-0 z-10 mt-1 w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
            {me === "owner" && m.role === "member" && <MenuItem onClick={() => onAct(m, "make-admin")}>Make admin</MenuItem>}
            {me === "owner" && m.role === "admin" && <MenuItem onClick={() => onAct(m, "make-member")}>Make member</MenuItem>}
            {me === "owner" && <MenuItem onClick={() => onAct(m, "make-owner")}>Make owner</MenuItem>}
            <MenuItem onClick={() => onAct(m, "remove")} danger>
              Remove
            </MenuItem>
          </div>
        </details>
      )}
    </li>
  );
});

function MenuItem({ onClick, children, danger = false }: { onClick: () => void; children: React.ReactNode; danger?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={`block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 ${danger ? "text-red-700" : "text-slate-800"}`}
    >
      {children}
    </button>
  );
}
