import { formatPrice } from "@/lib/mall/catalogue";
import type { Row, ShopStats } from "@/lib/mall/stats";

const secs = (ms: number | null) =>
  ms === null ? "—" : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

function Table({ rows, caption, agent }: { rows: Row[]; caption: string; agent: boolean }) {
  return (
    <table className="w-full min-w-[40rem] text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-1.5 pr-3 font-medium">
            Day
          </th>
          <th scope="col" className="px-2 text-right font-medium">
            {agent ? "Rings" : "Calls"}
          </th>
          <th scope="col" className="px-2 text-right font-medium">
            Answered
          </th>
          <th scope="col" className="px-2 text-right font-medium">
            {agent ? "Missed" : "Unanswered"}
          </th>
          {agent && (
            <th scope="col" className="px-2 text-right font-medium">
              Declined
            </th>
          )}
          <th scope="col" className="px-2 text-right font-medium">
            Avg wait
          </th>
          <th scope="col" className="px-2 text-right font-medium">
            Longest
          </th>
          <th scope="col" className="px-2 text-right font-medium">
            Orders
          </th>
          <th scope="col" className="px-2 text-right font-medium">
            Sales
          </th>
          <th scope="col" className="pl-2 text-right font-medium">
            Conversion
          </th>
        </tr>
      </thead>
      <tbody className="tabular">
        {rows.map((r) => (
          <tr
            key={r.day}
            className={`border-b border-slate-100 ${r.day === "all" ? "font-semibold" : ""}`}
            data-testid={agent ? "agent-stats-row" : "shop-stats-row"}
            data-day={r.day}
          >
            <th scope="row" className="py-1.5 pr-3 text-left font-medium">
              {r.day === "all" ? "All days" : r.day}
            </th>
            <td className="px-2 text-right" data-col="offered">
              {r.offered}
            </td>
            <td className="px-2 text-right" data-col="answered">
              {r.answered}
            </td>
            <td className="px-2 text-right" data-col="missed">
              {r.missed}
            </td>
            {agent && <td className="px-2 text-right">{r.declined}</td>}
            <td className="px-2 text-right">{secs(r.avgWaitMs)}</td>
            <td className="px-2 text-right">{secs(r.longestWaitMs)}</td>
            <td className="px-2 text-right" data-col="orders">
              {r.orders}
            </td>
            <td className="px-2 text-right">{formatPrice(r.salesCents, "EUR")}</td>
            <td className="pl-2 text-right" data-col="conversion">
              {pct(r.conversion)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Calls offered, answered and missed, waits, orders and conversion: for the shop and per agent, per day. */
export function StatsTable({ stats }: { stats: ShopStats }) {
  return (
    <section aria-labelledby="stats-title" className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="shop-stats">
      <h2 id="stats-title" className="text-lg font-semibold">
        Figures, last {stats.days} days
      </h2>
      {stats.shop.length === 0 ? (
        <p className="mt-2 text-slate-600" data-testid="stats-empty">
          No calls yet. Figures appear after the first shopper calls.
        </p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <Table rows={stats.shop} caption="The shop's calls per day" agent={false} />
        </div>
      )}
      {stats.agents
        .filter((a) => a.rows.length)
        .map((a) => (
          <details key={a.memberId} className="mt-3" data-testid="agent-stats" open>
            <summary className="cursor-pointer font-medium">{a.name}</summary>
            <div className="mt-1 overflow-x-auto">
              <Table rows={a.rows} caption={`${a.name}'s rings per day`} agent />
            </div>
          </details>
        ))}
    </section>
  );
}
