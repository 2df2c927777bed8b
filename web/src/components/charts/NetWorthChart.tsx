import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import { COLORS } from "./palette";

export interface NetWorthPoint {
  date: string;
  net_worth_cents: number;
}

/** Net worth over time: one area, money axis, dates on hover. */
export function NetWorthChart({ history, currency = "USD" }: { history: NetWorthPoint[]; currency?: string }) {
  const first = history[0];
  const last = history[history.length - 1];
  const description =
    first && last
      ? `Net worth from ${formatDate(first.date)} (${formatMoney(first.net_worth_cents, { currency })}) to ${formatDate(last.date)} (${formatMoney(last.net_worth_cents, { currency })}).`
      : "No net worth history yet.";
  return (
    <figure role="img" aria-label={description} style={{ margin: 0 }}>
      <AreaChart
        data={history}
        responsive
        style={{ width: "100%", height: 260 }}
        margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
      >
        <defs>
          <linearGradient id="nw-fill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={COLORS.net} stopOpacity={0.35} />
            <stop offset="100%" stopColor={COLORS.net} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => formatDate(d).replace(/, \d{4}$/, "")}
          fontSize={12}
          minTickGap={40}
        />
        <YAxis
          tickFormatter={(v: number) => formatMoney(v, { currency, compact: true })}
          fontSize={12}
          width={60}
          domain={["auto", "auto"]}
        />
        <Tooltip
          formatter={(value) => [formatMoney(Number(value), { currency }), "Net worth"]}
          labelFormatter={(d) => formatDate(String(d))}
        />
        <Area
          type="monotone"
          dataKey="net_worth_cents"
          stroke={COLORS.net}
          fill="url(#nw-fill)"
          strokeWidth={2}
          isAnimationActive={false}
        />
      </AreaChart>
    </figure>
  );
}
