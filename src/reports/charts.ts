// Charts for the printable report, drawn on the server as inline SVG: no script, no web font and no
// network when the page is viewed or printed. Bars and lines are all the report needs.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

// A round upper bound for an axis and its step (1, 2 or 5 times a power of ten).
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) as number;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

export interface BarDatum {
  label: string;
  value: number | null;
  suppressed?: boolean;
  highlight?: boolean;
}

const FONT = `font-family="'Noto Sans CJK SC','WenQuanYi Zen Hei','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"`;
const r1 = (n: number) => Math.round(n * 10) / 10;

// Horizontal bars, one per district, with the value at the end of each bar; a suppressed value is
// drawn as an outlined empty bar marked '*', an empty one as '—'.
export function barChart(opts: { title: string; data: BarDatum[]; format: (v: number) => string; width?: number }): string {
  const width = opts.width ?? 460;
  const labelW = 92;
  const valueW = 64;
  const barH = 14;
  const gap = 6;
  const top = 30;
  const plotW = width - labelW - valueW - 8;
  const { top: max } = niceScale(Math.max(0, ...opts.data.map((d) => d.value ?? 0)));
  const height = top + opts.data.length * (barH + gap) + 8;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(opts.title)}" ${FONT} font-size="11">`,
    `<text x="0" y="16" font-size="13" font-weight="bold" fill="#1f2937">${escapeXml(opts.title)}</text>`,
    `<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${height - 6}" stroke="#9ca3af" stroke-width="1"/>`,
  ];
  opts.data.forEach((d, i) => {
    const y = top + i * (barH + gap);
    parts.push(`<text x="${labelW - 6}" y="${y + barH - 3}" text-anchor="end" fill="#374151">${escapeXml(d.label)}</text>`);
    if (d.suppressed) {
      parts.push(`<rect x="${labelW + 1}" y="${y}" width="${r1(plotW * 0.04)}" height="${barH}" fill="none" stroke="#9ca3af" stroke-dasharray="2,2"/>`);
      parts.push(`<text x="${r1(labelW + plotW * 0.04 + 6)}" y="${y + barH - 3}" fill="#6b7280">*</text>`);
    } else if (d.value === null) {
      parts.push(`<text x="${labelW + 6}" y="${y + barH - 3}" fill="#6b7280">—</text>`);
    } else {
      const w = max > 0 ? Math.max(0, (d.value / max) * plotW) : 0;
      parts.push(`<rect x="${labelW + 1}" y="${y}" width="${r1(w)}" height="${barH}" fill="${d.highlight ? '#b91c1c' : '#2563eb'}"/>`);
      parts.push(`<text x="${r1(labelW + w + 6)}" y="${y + barH - 3}" fill="#111827">${escapeXml(opts.format(d.value))}</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface LinePoint {
  label: string;
  value: number | null;
  suppressed?: boolean;
}

// One series over the years, with a labelled point per year; missing or suppressed years break the line.
export function lineChart(opts: {
  title: string;
  points: LinePoint[];
  format: (v: number) => string;
  tickFormat?: (v: number) => string;
  width?: number;
  height?: number;
}): string {
  const tick = opts.tickFormat ?? opts.format;
  const width = opts.width ?? 300;
  const height = opts.height ?? 180;
  const left = 44;
  const right = 16;
  const top = 34;
  const bottom = 28;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const { top: max, step } = niceScale(Math.max(0, ...opts.points.map((p) => p.value ?? 0)));
  const n = opts.points.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => top + plotH - (max > 0 ? (v / max) * plotH : 0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(opts.title)}" ${FONT} font-size="10">`,
    `<text x="0" y="15" font-size="13" font-weight="bold" fill="#1f2937">${escapeXml(opts.title)}</text>`,
  ];
  for (let t = 0; t <= max + 1e-9; t += step) {
    parts.push(`<line x1="${left}" y1="${r1(y(t))}" x2="${width - right}" y2="${r1(y(t))}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${left - 4}" y="${r1(y(t) + 3)}" text-anchor="end" fill="#6b7280">${escapeXml(tick(t))}</text>`);
  }
  // segments between consecutive known points
  let path = '';
  opts.points.forEach((p, i) => {
    if (p.value === null) return;
    const prevKnown = i > 0 && opts.points[i - 1].value !== null;
    path += `${prevKnown ? 'L' : 'M'}${r1(x(i))},${r1(y(p.value))} `;
  });
  if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="#2563eb" stroke-width="2"/>`);
  opts.points.forEach((p, i) => {
    parts.push(`<text x="${r1(x(i))}" y="${height - 10}" text-anchor="middle" fill="#374151">${escapeXml(p.label)}</text>`);
    if (p.value !== null) {
      parts.push(`<circle cx="${r1(x(i))}" cy="${r1(y(p.value))}" r="3" fill="#2563eb"/>`);
      parts.push(`<text x="${r1(x(i))}" y="${r1(y(p.value) - 6)}" text-anchor="middle" fill="#111827">${escapeXml(opts.format(p.value))}</text>`);
    } else {
      parts.push(`<text x="${r1(x(i))}" y="${top + plotH - 4}" text-anchor="middle" fill="#6b7280">${p.suppressed ? '*' : '—'}</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
