'use client';

import type { Counts } from '@/lib/activity/dashboard';

/**
 * Records per day of one flow as stacked bars: changed (created + updated) in green, failed in red on
 * top. Skipped records are left out of the bars: a stock run counts thousands of unchanged levels,
 * which would flatten every other bar; they are in the totals below the chart.
 */
const WIDTH = 280;
const HEIGHT = 72;
const GAP = 2;
const COLORS = { changed: '#208831', failed: '#db3643', axis: '#d9dce9' };

export function FlowChart({ days, counts, title, testId }: { days: string[]; counts: Counts[]; title: string; testId: string }) {
  const max = Math.max(1, ...counts.map((c) => c.created + c.updated + c.failed));
  const bar = WIDTH / Math.max(1, days.length);
  const total = counts.reduce((sum, c) => ({ changed: sum.changed + c.created + c.updated, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }), { changed: 0, failed: 0, skipped: 0 });
  const id = `chart-${testId}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid={testId}
        style={{ maxWidth: '28rem', display: 'block' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {`Last ${days.length} days: ${total.changed} created or updated, ${total.failed} failed, ${total.skipped} skipped.`}
        </desc>
        <line x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} stroke={COLORS.axis} />
        {counts.map((c, i) => {
          const changed = ((c.created + c.updated) / max) * HEIGHT;
          const failed = (c.failed / max) * HEIGHT;
          const x = i * bar + GAP / 2;
          return (
            <g key={days[i]}>
              <title>{`${days[i]}: ${c.created} created, ${c.updated} updated, ${c.failed} failed, ${c.skipped} skipped`}</title>
              {changed > 0 ? <rect x={x} y={HEIGHT - changed} width={bar - GAP} height={changed} fill={COLORS.changed} /> : null}
              {failed > 0 ? <rect x={x} y={HEIGHT - changed - failed} width={bar - GAP} height={failed} fill={COLORS.failed} /> : null}
            </g>
          );
        })}
        <text x={0} y={HEIGHT + 12} fontSize={9} fill="#5e637a">
          {days[0]?.slice(5)}
        </text>
        <text x={WIDTH} y={HEIGHT + 12} fontSize={9} fill="#5e637a" textAnchor="end">
          today
        </text>
      </svg>
      <figcaption style={{ fontSize: '0.8125rem', color: '#5e637a' }}>
        <span style={{ color: COLORS.changed }}>■</span> {total.changed} created or updated · <span style={{ color: COLORS.failed }}>■</span> {total.failed} failed ·{' '}
        {total.skipped} skipped
      </figcaption>
    </figure>
  );
}
