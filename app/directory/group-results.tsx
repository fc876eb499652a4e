import Link from "next/link";
import { Avatar } from "@/components/avatar";
import type { GroupsPage } from "@/lib/directory/search-groups";
import { NumberDisplay } from "@/components/number-display";

const ACCESS = { open: "Open", request: "By request", invite: "By invitation" } as Record<string, string>;

/** The directory's Groups: each listed group with its number, how many are in it and how one joins. */
export function GroupResults({ result }: { result: GroupsPage }) {
  return (
    <>
      {result.notice && (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {result.notice}
        </p>
      )}
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="directory-count">
        {result.capped
          ? `${result.total.toLocaleString("en")}+ groups`
          : result.total === 1
            ? "1 group"
            : `${result.total.toLocaleString("en")} groups`}
      </p>
      {result.rows.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="text-lg font-medium">No group matches that search</p>
          <p className="mt-1 text-sm text-slate-600">
            Try fewer letters of the name or part of the number, or{" "}
            <Link href="/groups/new" className="font-medium text-brand-700 underline">
              make a group
            </Link>
            .
          </p>
        </div>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
          data-testid="group-list"
        >
          {result.rows.map((g) => (
            <li key={g.id} className="flex items-center gap-4 px-4 py-3" data-testid="group-row" data-handle={g.handle}>
              <Avatar name={g.name} photoUrl={null} size={44} />
              <div className="min-w-0 flex-1">
                <Link href={`/${g.handle}`} className="font-medium text-slate-900 hover:underline">
                  {g.name}
                </Link>
                <p className="truncate text-sm text-slate-600">
                  <NumberDisplay spelled={g.formattedNumber} className="" /> · {g.members} {g.members === 1 ? "member" : "members"} ·{" "}
                  {ACCESS[g.access] ?? ""}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
