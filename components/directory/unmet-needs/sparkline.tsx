/**
 * A small line of one query's weekly figures beside its row. The drawing is decoration for
 * sighted readers (aria-hidden); the same trend is written out in `text`, which screen
 * readers get instead. Right-to-left languages draw the oldest week at the right edge.
 */
const WIDTH = 96;
const HEIGHT = 24;
const PAD = 2;

export function Sparkline({ values, text, dir }: { values: number[]; text: string; dir: 'ltr' | 'rtl' }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const points = values.map((value, i) => {
    const offset = PAD + i * step;
    const x = dir === 'rtl' ? WIDTH - offset : offset;
    const y = HEIGHT - PAD - (value / max) * (HEIGHT - 2 * PAD);
    return [x, y] as const;
  });
  const last = points[points.length - 1];
  return (
    <span className="sparkline">
      <svg className="sparkline__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
        <line x1={0} y1={HEIGHT - PAD} x2={WIDTH} y2={HEIGHT - PAD} className="sparkline__base" />
        <polyline points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} className="sparkline__line" />
        {last ? <circle cx={last[0]} cy={last[1]} r={2.5} className="sparkline__last" /> : null}
      </svg>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
