import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { ChartTable } from './ChartTable.js';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BarDatum {
  label: string;
  value: number;
}

interface Props {
  title: string;
  /** What the chart says, in one sentence, for people who do not see it. */
  summary: string;
  data: BarDatum[];
  /** A value as the table and the axis show it (a percentage, minutes), in the app's language. */
  format?: (value: number) => string;
  /** Horizontal bars read better for long labels (modules, skills). */
  layout?: 'horizontal' | 'vertical';
  max?: number;
  /** Shown instead of an empty chart. */
  empty?: string;
}

/**
 * One bar chart as a figure: the picture for those who look, its one-line summary and a table
 * (behind a disclosure) for screen readers and keyboards.
 */
export function BarChartFigure({
  title,
  summary,
  data,
  format = (v) => formatNumber(v),
  layout = 'horizontal',
  max,
  empty,
}: Props) {
  const { t } = useTranslation();
  const vertical = layout === 'vertical';
  const height = vertical ? Math.max(120, data.length * 28 + 40) : 220;
  const caption = (
    <figcaption>
      <h2>{title}</h2>
      <p className="status">{data.length === 0 && empty ? empty : summary}</p>
    </figcaption>
  );
  if (data.length === 0) {
    return (
      <figure className="chart" aria-label={title}>
        {caption}
      </figure>
    );
  }
  return (
    <figure className="chart" aria-label={title}>
      {caption}
      <div role="img" aria-label={`${title}: ${summary}`} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout={layout} margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            {vertical ? (
              <>
                <XAxis type="number" domain={[0, max ?? 'auto']} tickFormatter={format} />
                <YAxis type="category" dataKey="label" width={170} interval={0} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" interval="preserveStartEnd" />
                <YAxis width={36} allowDecimals={false} />
              </>
            )}
            <Tooltip formatter={(v) => [format(Number(v)), '']} />
            <Bar dataKey="value" className="chart-bar" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        labelHeading={vertical ? t('charts.item') : t('charts.day')}
        rows={data.map((d) => ({ label: d.label, value: format(d.value) }))}
      />
    </figure>
  );
}
