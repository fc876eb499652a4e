import type { Metadata } from "next";
import Link from "next/link";
import { currentMember } from "@/app/_server/session";
import { Avatar } from "@/components/avatar";
import { CallButton } from "@/components/calls/call-button";
import { MessageButton } from "@/components/messages/message-button";
import { AddContactButton } from "@/components/contacts/add-contact-button";
import { LiveStatus } from "@/components/presence/status-dot";
import { db } from "@/lib/db/client";
import { searchGroups } from "@/lib/directory/search-groups";
import { directoryQuerySchema, type DirectoryPage, type DirectoryQuery, PAGE_SIZE, searchMembers } from "@/lib/directory/search-members";
import { GroupResults } from "./group-results";
import { NumberDisplay } from "@/components/number-display";

export const metadata: Metadata = { title: "Directory" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function href(q: DirectoryQuery, changes: Partial<DirectoryQuery>): string {
  const merged = { ...q, ...changes };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === "" || v === undefined || (k === "page" && v === 1) || (k === "sort" && v === "online") || (k === "kind" && v === "members"))
      continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/directory?${s}` : "/directory";
}

const input = "mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2";

export default async function DirectoryPage({ searchParams }: Props) {
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = directoryQuerySchema.safeParse(flat);
  const q = parsed.success ? parsed.data : directoryQuerySchema.parse({});
  const viewer = await currentMember();
  const groups = q.kind === "groups";
  const memberResult = groups ? null : await searchMembers(await db(), q, { watcherId: viewer?.id ?? null });
  const groupResult = groups ? await searchGroups(await db(), q) : null;
  const result = (groupResult ?? memberResult)!;
  const filtered = !!(q.name || q.number || q.city || q.interest || q.online);
  const tab = (kind: DirectoryQuery["kind"], label: string) => (
    <Link
      href={href(directoryQuerySchema.parse({}), { kind })}
      aria-current={q.kind === kind ? "page" : undefined}
      className={`rounded-lg px-4 py-2 text-sm font-semibold ${q.kind === kind ? "bg-brand-600 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Directory</h1>
          <p className="mt-1 text-slate-600">
            {groups ? "Teams, clubs, companies and families." : "Everyone listed, with who is online right now."}
          </p>
        </div>
        <nav aria-label="Members or groups" className="flex gap-2">
          {tab("members", "Members")}
          {tab("groups", "Groups")}
          {viewer && (
            <Link
              href="/groups/new"
              className="rounded-lg border border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              New group
            </Link>
          )}
        </nav>
      </div>

      <form
        method="get"
        action="/directory"
        role="search"
        aria-label="Search the directory"
        className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        {groups && <input type="hidden" name="kind" value="groups" />}
        <label className="text-sm font-medium">
          Name
          <input name="name" defaultValue={q.name} placeholder="e.g. chlo" className={input} />
        </label>
        <label className="text-sm font-medium">
          Number or vanity word
          <input name="number" defaultValue={q.number} placeholder="e.g. 5563 or CALL" className={input} />
        </label>
        {!groups && (
          <label className="text-sm font-medium">
            City
            <input name="city" defaultValue={q.city} placeholder="e.g. Lisbon" className={input} />
          </label>
        )}
        {!groups && (
          <label className="text-sm font-medium">
            Interest
            <input name="interest" defaultValue={q.interest} placeholder="e.g. jazz" className={input} />
          </label>
        )}
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-4">
          {!groups && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="online" value="1" defaultChecked={q.online === "1"} className="size-4 accent-brand-600" />
              Online now only
            </label>
          )}
          {!groups && (
            <label className="flex items-center gap-2 text-sm">
              Order
              <select name="sort" defaultValue={q.sort} className="rounded-lg border border-slate-300 bg-white px-2 py-1.5">
                <option value="online">Online first</option>
                <option value="name">By name</option>
              </select>
            </label>
          )}
          <div className="ml-auto flex gap-2">
            {filtered && (
              <Link
                href={groups ? "/directory?kind=groups" : "/directory"}
                className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                Clear
              </Link>
            )}
            <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              Search
            </button>
          </div>
        </div>
      </form>

      {groups ? <GroupResults result={groupResult!} /> : <MemberResults result={memberResult!} viewerId={viewer?.id ?? null} />}

      {(result.page > 1 || result.hasNext) && (
        <nav aria-label="Pages" className="flex items-center justify-between">
          {result.page > 1 ? (
            <Link
              href={href(q, { page: result.page - 1 })}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
              rel="prev"
            >
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          {result.hasNext && (
            <Link
              href={href(q, { page: result.page + 1 })}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
              rel="next"
            >
              Next →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/** "1 member", "13 members", "Members 1–20 of many", "Members 41–53 of 53": matches are not counted ahead. */
function memberRange(r: DirectoryPage): string {
  const from = (r.page - 1) * PAGE_SIZE + 1;
  const to = from + r.rows.length - 1;
  if (r.total !== null && r.page === 1) return r.total === 1 ? "1 member" : `${r.total.toLocaleString("en")} members`;
  if (r.rows.length === 0) return `Page ${r.page}`;
  return `Members ${from.toLocaleString("en")}–${to.toLocaleString("en")} of ${r.total === null ? "many" : r.total.toLocaleString("en")}`;
}

function MemberResults({ result, viewerId }: { result: DirectoryPage; viewerId: string | null }) {
  return (
    <>
      {result.notice && (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {result.notice}
        </p>
      )}

      <p className="text-sm text-slate-600" aria-live="polite" data-testid="directory-count">
        {memberRange(result)}
      </p>

      {result.rows.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-medium">Nobody matches that search</p>
          <p className="mt-1 text-sm text-slate-600">Try fewer letters of the name, part of the number, or clear the filters.</p>
        </div>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
          data-testid="directory-list"
        >
          {result.rows.map((m) => (
            <li key={m.id} className="flex items-center gap-4 px-4 py-3" data-testid="directory-row" data-handle={m.handle}>
              <div className="relative">
                <Avatar name={m.displayName} photoUrl={m.photoUrl} size={44} />
              </div>
              <div className="min-w-0 flex-1">
                <Link href={`/${m.handle}`} className="font-medium text-slate-900 hover:underline">
                  {m.displayName}
                </Link>
                {/* Wraps rather than cuts: on a phone the city goes under the number. */}
                <p className="text-sm text-slate-600">
                  <NumberDisplay spelled={m.formattedNumber} className="whitespace-nowrap" /> <span aria-hidden="true">·</span>{" "}
                  <span className="break-words">{m.city}</span>
                </p>
              </div>
              <LiveStatus memberId={m.id} initial={m.status} />
              {viewerId && viewerId !== m.id && (
                <>
                  <AddContactButton memberId={m.id} handle={m.handle} name={m.displayName} compact />
                  <MessageButton memberId={m.id} name={m.displayName} compact />
                  <CallButton handle={m.handle} name={m.displayName} compact />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
