/**
 * A column chart of one figure per week, drawn on the server as SVG: no script, prints as it
 * shows. The title and description carry the figures in words for screen readers, and the
 * same figures follow as a real table. Right-to-left languages get mirrored positions (the
 * oldest week at the right edge); no inline styles (the Content-Security-Policy allows none).
 */

export interface WeeklyColumn {
  /** Short label under the column, e.g. "v. 48". */
  label: string;
  value: number;
}

export interface WeeklyChartProps {
  id: string;
  title: string;
  description: string;
  columns: WeeklyColumn[];
  dir: 'ltr' | 'rtl';
  /** The table that follows the chart. */
  table: { summary: string; caption: string; headings: string[]; rows: { label: string; cells: string[] }[] };
}

const WIDTH = 640;
const PLOT_TOP = 20;
const PLOT_HEIGHT = 160;
const AXIS_ROOM = 24;
const HEIGHT = PLOT_TOP + PLOT_HEIGHT + AXIS_ROOM;
/** Values above the columns only while they fit; the table always has them. */
const MAX_VALUE_LABELS = 13;

export function WeeklyChart({ id, title, description, columns, dir, table }: WeeklyChartProps) {
  const max = Math.max(0, ...columns.map((c) => c.value));
  const slot = WIDTH / Math.max(1, columns.length);
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.ceil(columns.length / MAX_VALUE_LABELS);
  const isRtl = dir === 'rtl';
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className="weekly-chart">
      <svg
        className="weekly-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
        direction={dir}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line x1={0} y1={PLOT_TOP + PLOT_HEIGHT} x2={WIDTH} y2={PLOT_TOP + PLOT_HEIGHT} className="weekly-chart__axis" />
        {columns.map((column, i) => {
          const height = max > 0 ? Math.max(column.value > 0 ? 2 : 0, (column.value / max) * PLOT_HEIGHT) : 0;
          const slotStart = isRtl ? WIDTH - (i + 1) * slot : i * slot;
          const x = slotStart + (slot - barWidth) / 2;
          const centre = slotStart + slot / 2;
          const isLabelled = i % labelEvery === 0 || i === columns.length - 1;
          return (
            <g key={`${i}-${column.label}`}>
              {height > 0 ? <rect x={x} y={PLOT_TOP + PLOT_HEIGHT - height} width={barWidth} height={height} className="weekly-chart__bar" /> : null}
              {columns.length <= MAX_VALUE_LABELS ? (
                <text x={centre} y={PLOT_TOP + PLOT_HEIGHT - height - 4} textAnchor="middle" className="weekly-chart__value">
                  {column.value}
                </text>
              ) : null}
              {isLabelled ? (
                <text x={centre} y={HEIGHT - 6} textAnchor="middle" className="weekly-chart__label">
                  {column.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>{table.summary}</summary>
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="admin-table">
            <caption id={`${id}-caption`}>{table.caption}</caption>
            <thead>
              <tr>
                {table.headings.map((heading) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
