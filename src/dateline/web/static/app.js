// dateline's page: one query (kept in the URL, so a view can be shared) drives a chart of events per day,
// a map of where they happened, the list of events with their evidence, and the timeline. Everything it
// loads comes from this server: the JSON API and the vendored Leaflet and country outlines.
"use strict";

const FILTERS = ["text", "actor", "type", "country", "zone", "since", "until", "place", "near", "min_confidence", "all"];
const QUADS = {1: ["verbal cooperation", "#4e79a7"], 2: ["material cooperation", "#59a14f"],
  3: ["verbal conflict", "#f28e2b"], 4: ["material conflict", "#e15759"]};
const TYPE_COLOURS = {
  AGREE: "#1f4e96", CONSULT: "#4e79a7", SUPPORT: "#76a5d8", CONCEDE: "#a0c4e8",
  COOPERATE: "#2f7d32", AID: "#59a14f", RETREAT: "#9ccf8f",
  REQUEST: "#b8860b", ACCUSE: "#f28e2b", REJECT: "#ffb55a", THREATEN: "#d4a017", SANCTION: "#c17d11",
  PROTEST: "#b07aa1", MOBILIZE: "#8c564b", COERCE: "#ff6f69", ASSAULT: "#c62828",
};
const PAGE = 50;
const state = {quads: {}, nextCursor: null, places: [], map: null, placeLayer: null, zoneLayer: null, selected: null};
const $ = (id) => document.getElementById(id);
// Fetched as soon as the script runs, beside the first API calls rather than after them: the country outlines
// (the largest file the page loads) and the store's watch zones.
const OUTLINES = fetch("/static/vendor/world-atlas/countries-110m.geojson").then((r) => r.json());
const ZONES = fetch("/zones").then((r) => (r.ok ? r.json() : {features: []}));
const ZONE_STYLE = {color: "#7b3294", weight: 2, dashArray: "5 4", fillColor: "#7b3294", fillOpacity: 0.08,
  className: "zone-shape"};

// -- the query, in the URL ------------------------------------------------------------------

function currentQuery() {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  return query;
}

function navigate(changes) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key); else params.set(key, value);
  }
  params.delete("event");
  history.pushState(null, "", params.toString() ? "?" + params : location.pathname);
  refresh();
}

function fillForm(query) {
  const form = $("filters");
  for (const element of form.elements) {
    if (element.name) element.value = query.get(element.name) || "";
  }
}

function api(path, query, extra = {}) {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return fetch(path + "?" + params).then(async (response) => {
    const body = await response.json();
    if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
    return body;
  });
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value; else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function showError(target, error) {
  target.replaceChildren(el("p", {class: "error", text: "Could not load: " + error.message}));
}

// -- loading a view -------------------------------------------------------------------------

async function refresh() {
  document.body.dataset.ready = "no";  // the browser tests wait for "yes": every panel drawn for this query
  const query = currentQuery();
  fillForm(query);
  $("exports").hidden = Boolean(query.get("zone"));  // exports are not narrowed by zone: offered without one
  for (const link of document.querySelectorAll("#exports a")) {
    const params = new URLSearchParams(query);
    params.set("format", link.dataset.format);
    link.href = "/export?" + params;
  }
  $("events").replaceChildren();
  $("more").hidden = true;
  const stats = api("/stats", query).then(drawStats).catch((e) => showError($("quad-legend"), e));
  const events = api("/events", query, {limit: PAGE}).then((page) => listEvents(page, false))
    .catch((e) => showError($("events"), e));
  const places = api("/places", query).then(drawPlaces).catch((e) => showError($("type-legend"), e));
  const timeline = api("/timeline", query, {dates: 12, per_date: 2}).then(drawTimeline)
    .catch((e) => showError($("timeline"), e));
  await Promise.all([stats, events, places, timeline]);
  const selected = new URLSearchParams(location.search).get("event");
  if (selected) showEvent(selected);
  document.body.dataset.ready = "yes";
}

function drawStats(stats) {
  state.quads = stats.quads;
  const select = $("filters").elements.type;
  if (select.options.length === 1) {
    for (const name of Object.keys(stats.quads)) select.append(el("option", {value: name, text: name}));
    select.value = currentQuery().get("type") || "";
  }
  $("total").textContent = `· ${stats.total} events match`;
  drawChart(stats.days);
  $("quad-legend").replaceChildren(...Object.entries(QUADS).map(([, [name, colour]]) =>
    el("span", {}, el("span", {class: "swatch", style: `background:${colour}`}), name)));
}

// -- the map: places coloured by their events' main type, clustered on screen ---------------

async function ensureMap() {
  if (state.map) return state.map;
  const map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 12}).setView([25, 15], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth outlines (world-atlas) · Leaflet");
  L.geoJSON(await OUTLINES, {style: {color: "#9aa7b8", weight: 0.7, fillColor: "#fbfbf8", fillOpacity: 1},
    interactive: false}).addTo(map);
  state.zoneLayer = L.layerGroup().addTo(map);
  state.placeLayer = L.layerGroup().addTo(map);
  map.on("zoomend", clusterPlaces);
  state.map = map;
  return map;
}

async function drawPlaces(body) {
  const map = await ensureMap();
  state.places = body.places;
  clusterPlaces();
  const zone = await drawZones();
  if (zone && !body.places.length) {
    map.fitBounds(zone.getBounds().pad(0.3), {maxZoom: 8});
  } else if (body.places.length) {  // a view holding every place, but never so close that the countries go out of sight
    const bounds = L.latLngBounds(body.places.map((p) => [p.lat, p.lon]));
    map.fitBounds(bounds.pad(0.3), {maxZoom: 4});
  }
  const types = new Map();
  for (const p of body.places) types.set(p.type, (types.get(p.type) || 0) + p.events);
  $("type-legend").replaceChildren(...[...types.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) =>
    el("span", {}, el("span", {class: "swatch", style: `background:${TYPE_COLOURS[type] || "#777"}`}),
      `${type} ${n}`)));
  $("map").dataset.places = String(body.places.length);
}

function clusterPlaces() {
  const map = state.map;
  state.placeLayer.clearLayers();
  const cells = new Map();
  for (const place of state.places) {
    const point = map.project([place.lat, place.lon], map.getZoom());
    const key = `${Math.floor(point.x / 36)}:${Math.floor(point.y / 36)}`;
    (cells.get(key) || cells.set(key, []).get(key)).push(place);
  }
  for (const members of cells.values()) {
    const events = members.reduce((sum, p) => sum + p.events, 0);
    const types = {};
    for (const p of members) for (const [t, n] of Object.entries(p.types)) types[t] = (types[t] || 0) + n;
    const main = Object.entries(types).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const lat = members.reduce((s, p) => s + p.lat * p.events, 0) / events;
    const lon = members.reduce((s, p) => s + p.lon * p.events, 0) / events;
    const radius = Math.min(22, 5 + 2.2 * Math.sqrt(events));
    const marker = L.circleMarker([lat, lon], {radius, color: "#fff", weight: 1,
      fillColor: TYPE_COLOURS[main] || "#777", fillOpacity: 0.85, className: "place-marker"});
    const names = members.slice(0, 6).map((p) => `${p.name || "?"} (${p.events})`).join(", ");
    marker.bindTooltip(`${names}${members.length > 6 ? ", …" : ""}: ${events} events, mostly ${main}`);
    if (members.length > 1) {
      marker.on("click", () => map.fitBounds(L.latLngBounds(members.map((p) => [p.lat, p.lon])).pad(0.3)));
      L.marker([lat, lon], {interactive: false, icon: L.divIcon({className: "cluster-label",
        html: String(members.length), iconSize: [22, 22]})}).addTo(state.placeLayer);
    } else {
      marker.on("click", () => navigate({place: members[0].name}));
    }
    marker.addTo(state.placeLayer);
  }
}

// -- watch zones: drawn with their name and validity; the chosen one narrows every panel -----------------

function zoneLabel(props) {
  return `zone ${props.name}: from ${props.valid_from}${props.valid_to ? " to " + props.valid_to : ", open-ended"}` +
    (props.note ? ` · ${props.note}` : "");
}

async function drawZones() {
  // Every zone on the map (an admin zone is its areas' centre points: GeoNames has no boundaries); clicking
  // one filters by it. Returns the layer of the chosen zone, if any.
  const {features} = await ZONES;
  const chosen = currentQuery().get("zone");
  const select = $("filters").elements.zone;
  if (select.options.length === 1) {
    for (const f of features) select.append(el("option", {value: f.properties.name, text: f.properties.name}));
  }
  select.value = chosen || "";
  state.zoneLayer.clearLayers();
  let chosenLayer = null;
  for (const feature of features) {
    const active = feature.properties.name === chosen;
    const style = {...ZONE_STYLE, weight: active ? 3 : 1.5, fillOpacity: active ? 0.16 : 0.06};
    const layer = L.geoJSON(feature, {style, pointToLayer: (_, at) => L.circleMarker(at, {...style, radius: 9})});
    layer.bindTooltip(zoneLabel(feature.properties), {sticky: true});
    layer.on("click", () => navigate({zone: active ? null : feature.properties.name}));
    layer.addTo(state.zoneLayer);
    if (active) chosenLayer = layer;
  }
  $("map").dataset.zones = String(features.length);
  const legend = $("zone-legend");
  legend.hidden = !features.length;
  legend.replaceChildren(...features.map((f) => {
    const name = f.properties.name;
    const entry = el("a", {class: name === chosen ? "zone-legend-active" : "", "data-zone": name, href: "#",
      title: name === chosen ? "show every place again" : "keep the events inside this zone"},
    el("span", {class: "zone-swatch"}), zoneLabel(f.properties));
    entry.addEventListener("click", (event) => {
      event.preventDefault();
      navigate({zone: name === chosen ? null : name});
    });
    return entry;
  }));
  return chosenLayer;
}

// -- the events and their evidence ----------------------------------------------------------

function markedSentence(sentence, marks) {
  // Marks may nest (a party inside a longer place); the outermost wins where they overlap.
  const out = el("span", {class: "sentence"});
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    out.append(sentence.slice(at, mark.start), el("mark", {class: mark.kind, title: mark.kind,
      text: sentence.slice(mark.start, mark.end)}));
    at = mark.end;
  }
  out.append(sentence.slice(at));
  return out;
}

const partyNames = (parties) => parties.map((p) => p.name + (p.country && p.country !== p.name ? ` (${p.country})` : ""))
  .join("; ");
const when = (ev) => ({BEFORE: "<", ON_OR_BEFORE: "≤", AFTER: ">"}[ev.date_mod] || "") + (ev.date || "undated");

function eventItem(ev) {
  const type = ev.type + (ev.mode ? "/" + ev.mode : "") + (ev.status && ev.status !== "fact" ? ` (${ev.status})` : "");
  const who = partyNames(ev.actors), whom = partyNames(ev.recipients);
  const item = el("li", {"data-id": ev.id},
    el("div", {class: "event-head"}, el("span", {class: "when", text: when(ev)}),
      el("span", {class: "event-type", text: type}),
      el("span", {text: who + (whom ? " → " + whom : "")}),
      el("span", {class: "muted", text: ev.location ? `${ev.location.name || ""}, ${ev.location.country_code || ""}` : ""})),
    markedSentence(ev.evidence.sentence, ev.marks),
    el("div", {class: "muted small"}, `${ev.mentions.length || 1} mention${ev.mentions.length > 1 ? "s" : ""} · ` +
      `confidence ${ev.confidence} · `, articleLink(ev.article_id, ev.article_title || ev.article_id)));
  item.addEventListener("click", (event) => {
    if (event.target.tagName !== "A") showEvent(ev.id);
  });
  return item;
}

function articleLink(id, label) {
  const link = el("a", {href: `/articles/${encodeURIComponent(id)}`, text: label || "article"});
  link.addEventListener("click", (event) => {
    event.preventDefault();
    showArticle(id);
  });
  return link;
}

function listEvents(page, append) {
  const list = $("events");
  if (!append) list.replaceChildren();
  list.append(...page.events.map(eventItem));
  state.nextCursor = page.next_cursor;
  if (page.total !== null) state.total = page.total;  // counted on the first page only
  $("more").hidden = !page.next_cursor;
  $("shown").textContent = `· ${list.children.length} of ${state.total} shown`;
  if (!state.total) list.append(el("li", {class: "muted", text: "No events match this query."}));
}

async function showEvent(id) {
  const detail = $("detail");
  for (const item of document.querySelectorAll("#events li.selected")) item.classList.remove("selected");
  const item = document.querySelector(`#events li[data-id="${CSS.escape(id)}"]`);
  if (item) item.classList.add("selected");
  const params = new URLSearchParams(location.search);
  params.set("event", id);
  history.replaceState(null, "", "?" + params);
  let ev;
  try {
    ev = await fetch(`/events/${encodeURIComponent(id)}`).then(async (r) => {
      const body = await r.json();
      if (!r.ok) throw new Error(body.detail);
      return body;
    });
  } catch (error) {
    showError(detail, error);
    return;
  }
  const fields = [["event", ev.type + (ev.mode ? "/" + ev.mode : "")], ["when", `${when(ev)} (${ev.date_precision || "—"})`],
    ["who", partyNames(ev.actors) || "—"], ["whom", partyNames(ev.recipients) || "—"],
    ["where", ev.location ? `${ev.location.name}, ${ev.location.country_code || ""}` : "—"],
    ["CAMEO", `${ev.cameo || "—"} · quad ${ev.quad} · intensity ${ev.intensity}`], ["confidence", String(ev.confidence)]];
  const mentions = el("ol", {class: "mentions"}, ...ev.mentions.map((m) => el("li", {},
    markedSentence(m.sentence, m.trigger_start === null ? [] :
      [{kind: "trigger", start: m.trigger_start - m.start, end: m.trigger_end - m.start}]),
    el("span", {class: "muted small", text: m.joined ? ` (joined: ${m.joined})` : ""}))));
  detail.className = "";
  detail.replaceChildren(el("p", {}, markedSentence(ev.evidence.sentence, ev.marks)),
    el("dl", {}, ...fields.flatMap(([k, v]) => [el("dt", {text: k}), el("dd", {text: v})])),
    el("h3", {class: "small", text: `Mentions (${ev.mentions.length || 1})`}), mentions,
    el("p", {}, "Reported in ", articleLink(ev.article_id, ev.article_title || ev.article_id),
      ` dated ${ev.article_date}`),
    el("details", {}, el("summary", {text: "How it was coded"}), el("pre", {text: ev.explanation.join("\n")})));
  detail.dataset.event = ev.id;
}

async function showArticle(id) {
  const detail = $("detail");
  try {
    const body = await fetch(`/articles/${encodeURIComponent(id)}`).then((r) => r.json());
    const a = body.article;
    detail.replaceChildren(el("h3", {text: a.title || a.id}),
      el("p", {class: "muted", text: `${a.date}${a.source ? " · " + a.source : ""} · ${body.events.length} events`}),
      el("div", {class: "article-text", text: a.text}));
  } catch (error) {
    showError(detail, error);
  }
}

function drawTimeline(timeline) {
  // The summarised timeline of the query: its most important days, each told by cited sentences.
  const list = $("timeline");
  list.replaceChildren(...timeline.dates.map((day) => el("li", {},
    el("div", {}, el("span", {class: "when", text: day.date}),
      el("span", {class: "muted small", text: ` · ${day.events} events · ${day.references} references`})),
    ...day.sentences.map((sentence) => el("div", {class: "small"}, sentence.text + " ",
      articleLink(sentence.article_id, `[${sentence.article_title || sentence.article_id}]`))))));
  if (!timeline.dates.length) list.append(el("li", {class: "muted", text: "Nothing dated matches this query."}));
}

// -- wiring -----------------------------------------------------------------------------------

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  const changes = {};
  for (const element of event.target.elements) if (element.name) changes[element.name] = element.value.trim();
  navigate(changes);
});
$("clear").addEventListener("click", () => {
  history.pushState(null, "", location.pathname);
  refresh();
});
$("more").addEventListener("click", () => {
  api("/events", currentQuery(), {limit: PAGE, cursor: state.nextCursor}).then((page) => listEvents(page, true))
    .catch((e) => showError($("events"), e));
});
window.addEventListener("popstate", refresh);
refresh();
