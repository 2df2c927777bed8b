import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../../lib/money";

export interface BarSeries {
  key: string;
  name: string;
  color: string;
}

interface Props<Row> {
  data: Row[];
  /** The field naming each bar group (a date, a month, a category label). */
  categoryKey: Extract<keyof Row, string>;
  series: BarSeries[];
  /** A sentence describing the chart for screen readers. */
  description: string;
  formatCategory?: (value: string) => string;
  /** Horizontal bars (long category names read better). */
  horizontal?: boolean;
  height?: number;
  currency?: string;
}

/** Bars of money amounts (values in cents), with money axes and tooltips. */
export function MoneyBars<Row extends object>(props: Props<Row>) {
  const { data, categoryKey, series, description, formatCategory, horizontal = false, height = 260 } = props;
  const money = (value: unknown) => formatMoney(Number(value), { currency: props.currency ?? "USD", compact: true });
  const label = (value: unknown) => (formatCategory ? formatCategory(String(value)) : String(value));
  const valueAxis = horizontal ? (
    <XAxis type="number" tickFormatter={money} fontSize={12} />
  ) : (
    <YAxis type="number" tickFormatter={money} fontSize={12} width={56} />
  );
  const categoryAxis = horizontal ? (
    <YAxis
      type="category"
      dataKey={categoryKey as string}
      tickFormatter={label}
      width={120}
      fontSize={12}
      interval={0}
    />
  ) : (
    <XAxis type="category" dataKey={categoryKey as string} tickFormatter={label} fontSize={12} />
  );
  return (
    <figure className="chart-figure" role="img" aria-label={description} style={{ margin: 0 }}>
      <BarChart
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
        {categoryAxis}
        {valueAxis}
        <Tooltip
          formatter={(value, name) => [formatMoney(Number(value), { currency: props.currency ?? "USD" }), name]}
          labelFormatter={label}
        />
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 13 }} />}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </figure>
  );
}
