/**
 * A horizontal bar chart drawn on the server as SVG: no script, prints as it shows. Each bar
 * has its label above it and its value written beside it, so neither colour nor length alone
 * carries a number; screen readers get the title and description, and the same figures follow
 * as a real table. Right-to-left languages get mirrored positions and the SVG's own text
 * direction, so "start" is the right edge (no inline styles: the Content-Security-Policy
 * allows none).
 */

export interface Bar {
  label: string;
  /** Null: nothing to draw (no issue has this figure); `valueText` says so. */
  value: number | null;
  valueText: string;
  /** A second kind of bar in the same chart is hatched, not only another colour. */
  isHatched?: boolean;
}

export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  dir: 'ltr' | 'rtl';
  /** The table that follows the chart. */
  table: { summary: string; labelHeading: string; valueHeading: string; isOpen: boolean };
}

const WIDTH = 640;
const ROW = 46;
const LABEL_BASELINE = 16;
const BAR_TOP = 22;
const BAR_HEIGHT = 16;
/** Room beside the longest bar for its value. */
const VALUE_ROOM = 120;

export function BarChart({ id, title, description, bars, dir, table }: BarChartProps) {
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const scale = max > 0 ? (WIDTH - VALUE_ROOM) / max : 0;
  const height = bars.length * ROW + 4;
  const isRtl = dir === 'rtl';
  const edge = isRtl ? WIDTH : 0;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const hatchId = `${id}-hatch`;
  return (
    <figure className="bar-chart">
      <svg
        className="bar-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
        direction={dir}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <defs>
          <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="bar-chart__hatch-ground" />
            <rect width="3" height="8" className="bar-chart__hatch-line" />
          </pattern>
        </defs>
        {bars.map((bar, i) => {
          const top = i * ROW;
          const length = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, bar.value * scale);
          const valueX = isRtl ? WIDTH - length - 6 : length + 6;
          return (
            <g key={`${i}-${bar.label}`}>
              <text x={edge} y={top + LABEL_BASELINE} textAnchor="start" className="bar-chart__label">
                {bar.label}
              </text>
              {length > 0 ? (
                <rect
                  x={isRtl ? WIDTH - length : 0}
                  y={top + BAR_TOP}
                  width={length}
                  height={BAR_HEIGHT}
                  // The hatched fill is an attribute: a class's fill would override it.
                  className={bar.isHatched ? 'bar-chart__bar--hatched' : 'bar-chart__bar'}
                  fill={bar.isHatched ? `url(#${hatchId})` : undefined}
                />
              ) : null}
              <text x={valueX} y={top + BAR_TOP + BAR_HEIGHT - 3} textAnchor="start" className="bar-chart__value">
                {bar.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-table" open={table.isOpen || undefined}>
        <summary>{table.summary}</summary>
        <table className="admin-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{table.labelHeading}</th>
              <th scope="col">{table.valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, i) => (
              <tr key={`${i}-${bar.label}`}>
                <th scope="row">{bar.label}</th>
                <td>{bar.valueText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
