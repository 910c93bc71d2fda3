// The chart of dateline's page: events per day, stacked by quad class, brushed to keep a span of days.
// Loaded before app.js, whose globals (QUADS, state, currentQuery, navigate) it uses when called.
"use strict";

// -- the chart: events per day by quad class, brushed to pick dates -------------------------

const DAY = 86400000;
const dayNumber = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
const isoDay = (number) => new Date(number * DAY).toISOString().slice(0, 10);

function chartSpan(days) {
  // The days holding all but the outermost 1% of events at each end, so a stray old date does not
  // squeeze the rest into a sliver (unless the query names its dates).
  const query = currentQuery();
  const total = days.reduce((sum, d) => sum + d.events, 0);
  let seen = 0, first = null, last = null;
  for (const d of days) {
    seen += d.events;
    if (first === null && seen > total * 0.01) first = dayNumber(d.date);
    if (last === null && seen >= total * 0.99) last = dayNumber(d.date);
  }
  if (query.get("since")) first = dayNumber(query.get("since"));
  if (query.get("until")) last = dayNumber(query.get("until"));
  return [first, Math.max(first, last)];
}

function drawChart(days) {
  const svg = $("chart");
  const width = svg.clientWidth || 600, height = svg.clientHeight || 220;
  const ns = "http://www.w3.org/2000/svg";
  const node = (tag, attrs) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    return n;
  };
  svg.replaceChildren();
  if (!days.length) {
    svg.append(node("text", {x: 10, y: 30, class: "axis"}));
    svg.lastChild.textContent = "No events dated to a day match this query.";
    return;
  }
  const [first, last] = chartSpan(days);
  const left = 30, bottom = 18, plotW = width - left - 6, plotH = height - bottom - 6;
  const step = Math.max(1, Math.ceil((last - first + 1) / Math.max(60, plotW / 3)));
  const bins = new Map();
  for (const d of days) {
    const n = dayNumber(d.date);
    if (n < first || n > last) continue;
    const bin = Math.floor((n - first) / step);
    const counts = bins.get(bin) || bins.set(bin, {1: 0, 2: 0, 3: 0, 4: 0}).get(bin);
    counts[state.quads[d.type] || 1] += d.events;
  }
  const nbins = Math.floor((last - first) / step) + 1;
  const top = Math.max(1, ...[...bins.values()].map((c) => c[1] + c[2] + c[3] + c[4]));
  const barW = plotW / nbins;
  for (const [bin, counts] of bins) {
    let y = plotH + 6;
    for (const quad of [1, 2, 3, 4]) {
      const h = (counts[quad] / top) * plotH;
      if (!h) continue;
      y -= h;
      const rect = node("rect", {x: left + bin * barW, y, width: Math.max(1, barW - 0.5), height: h,
        fill: QUADS[quad][1]});
      rect.append(node("title", {}));
      rect.lastChild.textContent = `${isoDay(first + bin * step)}${step > 1 ? ` (+${step - 1} days)` : ""}: ` +
        `${counts[quad]} ${QUADS[quad][0]}`;
      svg.append(rect);
    }
  }
  const label = (x, y, text, anchor = "start") => {
    const t = node("text", {x, y, class: "axis", "text-anchor": anchor});
    t.textContent = text;
    svg.append(t);
  };
  label(left, height - 4, isoDay(first));
  label(width - 6, height - 4, isoDay(last), "end");
  label(left - 4, 14, String(top), "end");
  label(left - 4, plotH + 6, "0", "end");
  brushing(svg, node, {left, plotW, plotH, first, step, barW});
}

function brushing(svg, node, scale) {
  const dayAt = (x) => isoDay(scale.first + Math.max(0, Math.floor((x - scale.left) / scale.barW)) * scale.step);
  const lastDayAt = (x) => isoDay(scale.first + (Math.floor((x - scale.left) / scale.barW) + 1) * scale.step - 1);
  let start = null;
  const brush = node("rect", {class: "brush", y: 6, height: scale.plotH, x: 0, width: 0, visibility: "hidden"});
  svg.append(brush);
  const xOf = (event) => event.clientX - svg.getBoundingClientRect().left;
  svg.onpointerdown = (event) => {
    start = xOf(event);
    svg.setPointerCapture(event.pointerId);
  };
  svg.onpointermove = (event) => {
    if (start === null) return;
    const x = xOf(event);
    brush.setAttribute("x", Math.min(start, x));
    brush.setAttribute("width", Math.abs(x - start));
    brush.setAttribute("visibility", "visible");
  };
  svg.onpointerup = (event) => {
    if (start === null) return;
    const [a, b] = [start, xOf(event)].sort((p, q) => p - q);
    start = null;
    brush.setAttribute("visibility", "hidden");
    if (b - a >= 3) navigate({since: dayAt(a), until: lastDayAt(b)});
  };
  svg.ondblclick = () => navigate({since: null, until: null});
}
