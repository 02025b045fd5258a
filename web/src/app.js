// The Sitrep page: a map of incidents (Leaflet over Natural Earth countries, no tile server), a timeline stacked by
// event type, filters, and an incident page with its sources. Article text is only ever inserted as text nodes.
"use strict";

(function () {
  // ACLED event types, their colours and sub-types: the one place the page keeps them.
  const EVENT_TYPES = [
    { name: "Battles", colour: "#d62728", subs: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"] },
    { name: "Explosions/Remote violence", colour: "#ff7f0e", subs: ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"] },
    { name: "Violence against civilians", colour: "#9467bd", subs: ["Sexual violence", "Attack", "Abduction/forced disappearance"] },
    { name: "Protests", colour: "#2ca02c", subs: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"] },
    { name: "Riots", colour: "#8c564b", subs: ["Violent demonstration", "Mob violence"] },
    { name: "Strategic developments", colour: "#1f77b4", subs: ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"] },
  ];
  const GRADES = ["confirmed", "fair", "weak", "contested", "discounted"];
  const DAY_MS = 86400000;
  // Timeline buckets: days while the span fits this many, weeks beyond.
  const MAX_DAY_BUCKETS = 120;
  // Largest disc radius in CSS pixels (the most fatalities).
  const MAX_RADIUS = 22;
  const typeIndex = new Map(EVENT_TYPES.map((t, i) => [t.name, i]));

  // Day of an undated incident in the prepared day columns (a day number no incident has).
  const NO_DAY = -2147483648;
  // When this script started running: the tests read it beside each load's timings.
  const scriptAt = performance.now();

  const $ = (sel) => document.querySelector(sel);
  const form = $("#filters");
  const status = $("#status");
  // Measurements the browser tests read: each load's time from request to drawn map and timeline.
  const timings = (window.sitrepTimings = []);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  function filterParams() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim() !== "") p.set(k, String(v).trim());
    return p;
  }

  async function getJson(url) {
    const r = await fetch(url);
    const body = await r.json().catch(() => ({ error: `${r.status} ${r.statusText}` }));
    if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
    return body;
  }

  // The map's columns from /api/points.bin (format in /openapi.json): a small JSON header with the string tables,
  // then typed arrays read in place, with no parsing. (Typed arrays read in the platform's byte order, little-endian
  // on every platform browsers run on, as the server writes.)
  async function getColumns(url) {
    const r = await fetch(url);
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      throw new Error(body.error || `${r.status} ${r.statusText}`);
    }
    const buf = await r.arrayBuffer(), bytes = new Uint8Array(buf);
    if (buf.byteLength < 8 || bytes[0] !== 0x53 || bytes[1] !== 0x50 || bytes[2] !== 0x43 || bytes[3] !== 1)
      throw new Error(`${url} is not in the columns format this page reads (SPC version 1)`);
    const headerLength = new DataView(buf).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
    const data = (8 + headerLength + 3) & ~3, views = { uint8: Uint8Array, uint16: Uint16Array, int32: Int32Array };
    header.nulls = {};
    for (const c of header.columns) {
      header[c.name] = new views[c.type](buf, data + c.offset, header.total);
      header.nulls[c.name] = c.null;
    }
    return header;
  }

  // ---- map ----
  const map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }).setView([25, 30], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Leaflet | Natural Earth");

  // Incidents drawn on one canvas: a hundred thousand Leaflet markers would be far too slow.
  const PointsLayer = L.Layer.extend({
    onAdd(m) {
      // The country outlines on a canvas of their own under the discs' one: a filter redraws only the discs.
      this._base = L.DomUtil.create("canvas", "sitrep-outlines leaflet-zoom-hide");
      this._canvas = L.DomUtil.create("canvas", "sitrep-points leaflet-zoom-hide");
      // A pane of its own above the overlay pane.
      const pane = m.getPane("incidents") || m.createPane("incidents");
      pane.style.zIndex = 450;
      pane.append(this._base, this._canvas);
      m.on("moveend zoomend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove(m) {
      this._base.remove();
      this._canvas.remove();
      m.off("moveend zoomend resize viewreset", this.redraw, this);
    },
    // o: country outlines as countries.bin holds them, drawn at once and on every view change.
    setOutlines(o) { this._outlines = o; this.drawOutlines(); },
    // d: prepared columns; mask: which of them to show (null shows all).
    setData(d, mask) { this._d = d; this._mask = mask; this.drawPoints(); },
    redraw() { this.drawOutlines(); this.drawPoints(); },
    // Places canvas c over the map's view and returns its context in CSS pixels, with the view's scale and origin.
    _cover(c) {
      const m = this._map, size = m.getSize(), dpr = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(c, m.containerPointToLayerPoint([0, 0]));
      c.width = size.x * dpr; c.height = size.y * dpr;
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
      const ctx = c.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      return { ctx, size, scale: 256 * Math.pow(2, m.getZoom()), origin: m.getPixelBounds().min };
    },
    drawOutlines() {
      const o = this._outlines;
      if (!this._map || !o) return;
      const { ctx, scale, origin } = this._cover(this._base);
      // Countries do not overlap, so one even-odd path fills each once and leaves its holes (lakes) empty.
      ctx.fillStyle = "#f3f1ea"; ctx.strokeStyle = "#8a97a6"; ctx.lineWidth = 0.7;
      ctx.beginPath();
      for (let r = 0, at = 0; r < o.rings.length; r++) {
        const end = at + 2 * o.rings[r];
        ctx.moveTo(o.xy[at] * scale - origin.x, o.xy[at + 1] * scale - origin.y);
        for (at += 2; at < end; at += 2) ctx.lineTo(o.xy[at] * scale - origin.x, o.xy[at + 1] * scale - origin.y);
        ctx.closePath();
      }
      ctx.fill("evenodd"); ctx.stroke();
      this._map.getContainer().dataset.outlines = String(o.rings.length);
    },
    drawPoints() {
      const d = this._d, mask = this._mask;
      if (!this._map) return;
      const { ctx, size, scale, origin } = this._cover(this._canvas);
      let drawn = 0;
      if (d) {
        d.sx = d.sx || new Float32Array(d.n); d.sy = d.sy || new Float32Array(d.n);
        for (let i = 0; i < d.n; i++) { d.sx[i] = d.mx[i] * scale - origin.x; d.sy[i] = d.my[i] * scale - origin.y; }
        ctx.globalAlpha = 0.75; ctx.strokeStyle = "#0006"; ctx.lineWidth = 0.6;
        // One path per type, filled and stroked once. (Tried and slower with 100k discs: a drawImage of a prepared disc
        // per incident, SVG path data parsed in one Path2D, roundRect in place of moveTo and arc.)
        for (let t = 0; t < EVENT_TYPES.length; t++) {
          ctx.fillStyle = EVENT_TYPES[t].colour;
          ctx.beginPath();
          for (const i of d.byType[t]) {
            if (mask && mask[i] === 0) continue;
            const x = d.sx[i], y = d.sy[i], r = d.radius[i];
            if (x < -r || y < -r || x > size.x + r || y > size.y + r) continue;
            ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI);
            drawn++;
          }
          ctx.fill(); ctx.stroke();
        }
      }
      this._map.getContainer().dataset.markers = String(drawn);
    },
    // The incident under a click: the nearest drawn point whose disc holds it.
    hit(pt) {
      const d = this._d, mask = this._mask;
      if (!d || !d.sx) return -1;
      let best = -1, bestD = Infinity;
      for (let i = 0; i < d.n; i++) {
        if (d.placed[i] === 0 || (mask && mask[i] === 0)) continue;
        const dx = d.sx[i] - pt.x, dy = d.sy[i] - pt.y, dist = dx * dx + dy * dy, r = d.radius[i] + 3;
        if (dist <= r * r && dist < bestD) { best = i; bestD = dist; }
      }
      return best;
    },
  });
  const points = new PointsLayer().addTo(map);
  // For tests and the console: the map (to turn a place into a pixel) and the measured loads.
  window.sitrep = { map, timings };

  // The country outlines (countries.bin, made by web/build.mjs: already projected) load beside the columns and are
  // drawn on the incidents' canvas under the discs: a path per country in Leaflet cost more than the discs.
  const outlines = fetch("countries.bin")
    .then((r) => { if (!r.ok) throw new Error(`${r.status} ${r.statusText}`); return r.arrayBuffer(); })
    .then((buf) => {
      const [rings, n] = new Uint32Array(buf, 0, 2);
      return { rings: new Uint32Array(buf, 8, rings), xy: new Float32Array(buf, 8 + 4 * rings, 2 * n) };
    })
    .catch((e) => { showError(`countries could not be drawn: ${e.message}`); return null; });

  map.on("click", (e) => {
    const i = points.hit(e.containerPoint);
    if (i < 0 || !current) return;
    const d = current.d, sub = d.sub_event_types[d.type[i]];
    // The columns carry no ids: the clicked disc's is asked for by its position under the same filters.
    const opening = el("div", { class: "popup-link" }, "…");
    const body = el("div", {},
      el("div", { class: "popup-title" }, sub),
      el("div", {}, `${d.day[i] === NO_DAY ? "undated" : isoDay(d.day[i])} · ${d.country[i] === d.nulls.country ? "?" : d.countries[d.country[i]]}`),
      el("div", {}, `fatalities ${d.fatalities[i]} · ${d.grades[d.grade[i]]}`), opening);
    L.popup().setLatLng(e.latlng).setContent(body).openOn(map);
    const q = new URLSearchParams(d.params);
    q.set("offset", String(i));
    q.set("limit", "1");
    getJson("api/points/ids?" + q).then((r) => {
      opening.replaceChildren(el("a", { href: "#incident/" + encodeURIComponent(r.ids[0]) }, "Open incident"));
    }).catch((err) => opening.replaceChildren(el("span", { class: "error" }, err.message)));
  });

  // ---- data ----
  // What the map shows: prepared columns and, when the page filtered them itself, a mask of the ones kept.
  let current = null;

  // Columns from getColumns (params: the query they answer) plus what drawing needs, computed once per load.
  // Coordinates come as whole thousandths of a degree and days as offsets from day_base: turned back here, into
  // day (first day, NO_DAY when undated) and dayEnd (last day, NO_DAY when undated).
  function prepare(raw, params) {
    const n = raw.total, rawLat = raw.lat, rawLon = raw.lon, rawDay = raw.day, rawSpan = raw.span, nulls = raw.nulls;
    const d = Object.assign(raw, {
      n, params, lat: new Float64Array(n), lon: new Float64Array(n), day: new Int32Array(n), dayEnd: new Int32Array(n),
      mx: new Float64Array(n), my: new Float64Array(n), radius: new Float32Array(n), placed: new Uint8Array(n),
      typeOf: new Uint8Array(n), byType: EVENT_TYPES.map(() => []),
    });
    const subType = raw.event_types.map((t) => typeIndex.get(t) ?? EVENT_TYPES.length - 1);
    const bySize = Array.from({ length: MAX_RADIUS + 1 }, () => []);
    const scale = raw.coordinate_scale, base = raw.day_base;
    for (let i = 0; i < n; i++) {
      if (rawDay[i] === nulls.day) d.day[i] = d.dayEnd[i] = NO_DAY;
      else { d.day[i] = rawDay[i] + base; d.dayEnd[i] = d.day[i] + (rawSpan[i] === nulls.span ? 0 : rawSpan[i]); }
      d.typeOf[i] = subType[raw.type[i]];
      if (rawLat[i] === nulls.lat || rawLon[i] === nulls.lon) continue;
      d.placed[i] = 1;
      d.lat[i] = rawLat[i] / scale; d.lon[i] = rawLon[i] / scale;
      // Web Mercator in [0,1): projecting once here keeps each redraw to two multiply-adds per point.
      const lat = Math.max(-85, Math.min(85, d.lat[i])) * Math.PI / 180;
      d.mx[i] = (d.lon[i] + 180) / 360;
      d.my[i] = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2;
      d.radius[i] = Math.min(MAX_RADIUS, 3 + 2 * Math.sqrt(raw.fatalities[i]));
      bySize[Math.floor(d.radius[i])].push(i);
    }
    // Large discs first, so small ones on top stay visible and clickable (bucketed by size: no 100k-element sort).
    for (let r = bySize.length - 1; r >= 0; r--) for (const i of bySize[r]) d.byType[d.typeOf[i]].push(i);
    return d;
  }

  // The first view frames every placed incident (never closer than a region).
  function fitTo(d) {
    let s = 90, w = 180, n = -90, e = -180;
    for (let i = 0; i < d.n; i++) {
      if (d.placed[i] === 0) continue;
      s = Math.min(s, d.lat[i]); n = Math.max(n, d.lat[i]); w = Math.min(w, d.lon[i]); e = Math.max(e, d.lon[i]);
    }
    if (s <= n) map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 6, animate: false });
  }

  // ---- filtering ----
  // The page loads every incident's columns once and applies these filters itself (no round trip, so a change
  // shows at once); a text search goes to the server, which has the full-text index. Same rules as IncidentQuery.
  const LOCAL_FILTERS = new Set(["from", "to", "country", "actor", "type", "grade"]);
  const dayOf = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS);
  let all = null;

  function matcher(a, params) {
    const from = params.has("from") ? dayOf(params.get("from")) : null;
    const to = params.has("to") ? dayOf(params.get("to")) : null;
    const country = params.has("country") ? params.get("country").toUpperCase() : null;
    const countryOk = a.countries.map((c) => country === null || c.toUpperCase() === country);
    const typeName = params.has("type") ? params.get("type").toLowerCase() : null;
    const typeOk = a.sub_event_types.map((s, k) => typeName === null || s.toLowerCase() === typeName || a.event_types[k].toLowerCase() === typeName);
    const grade = params.has("grade") ? a.grades.indexOf(params.get("grade").toLowerCase()) : null;
    const actor = params.has("actor") ? params.get("actor").toLowerCase() : null;
    const actorOk = actor === null ? null : a.actors.map((n) => n.toLowerCase().includes(actor));
    return (i) =>
      (from === null || (a.day[i] !== NO_DAY && a.dayEnd[i] >= from)) &&
      (to === null || (a.day[i] !== NO_DAY && a.day[i] <= to)) &&
      (country === null || (a.country[i] !== a.nulls.country && countryOk[a.country[i]])) &&
      typeOk[a.type[i]] &&
      (grade === null || a.grade[i] === grade) &&
      (actorOk === null || (a.actor1[i] !== a.nulls.actor1 && actorOk[a.actor1[i]]) || (a.actor2[i] !== a.nulls.actor2 && actorOk[a.actor2[i]]));
  }

  function maskOf(params) {
    const keep = matcher(all, params), mask = new Uint8Array(all.n);
    let total = 0;
    for (let i = 0; i < all.n; i++) if (keep(i)) { mask[i] = 1; total++; }
    return { mask, total };
  }

  let loadSeq = 0;
  async function load(reason) {
    const seq = ++loadSeq;
    const started = performance.now();
    const params = filterParams();
    $("#export-csv").href = "api/export.csv?" + params;
    $("#export-geojson").href = "api/export.geojson?" + params;
    status.classList.remove("error");
    try {
      const local = all !== null && [...params.keys()].every((k) => LOCAL_FILTERS.has(k));
      let fetched = started, prepared = started;
      if (local) {
        current = params.toString() ? { d: all, ...maskOf(params) } : { d: all, mask: null, total: all.n };
      } else {
        // Unfiltered, exactly the URL index.html preloads, so the response already on its way is the one used.
        const raw = await getColumns(params.toString() ? "api/points.bin?" + params : "api/points.bin");
        if (seq !== loadSeq) return; // a newer filter change is on its way
        fetched = performance.now();
        const d = prepare(raw, params.toString());
        prepared = performance.now();
        if (!params.toString()) all = d;
        // The first view is set before anything is drawn, so nothing is drawn twice.
        if (reason === "first") {
          fitTo(d);
          points.setOutlines(await outlines);
          if (seq !== loadSeq) return;
        }
        current = { d, mask: null, total: d.n };
      }
      const fitted = performance.now();
      points.setData(current.d, current.mask);
      const drawn = performance.now();
      drawTimeline();
      const ms = performance.now() - started;
      // at: since navigation start; scriptAt: when this script began; the rest are parts of ms.
      timings.push({ reason, ms, fetchMs: fetched - started, prepareMs: prepared - fetched, outlinesMs: fitted - prepared,
        mapMs: drawn - fitted, timelineMs: started + ms - drawn, total: current.total, local, at: performance.now(), scriptAt });
      let placed = 0;
      for (let i = 0; i < current.d.n; i++) if (current.d.placed[i] && (!current.mask || current.mask[i])) placed++;
      status.textContent = `${current.total.toLocaleString("en")} incidents (${placed.toLocaleString("en")} on the map)` +
        (params.toString() ? " matching the filters" : "");
      document.body.dataset.loads = String(timings.length);
      if (reason === "first") fillLists();
    } catch (e) {
      if (seq === loadSeq) showError(e.message);
    }
  }
  // For tests: how many incidents the page's own filtering keeps for a query string.
  window.sitrep.countLocally = (qs) => maskOf(new URLSearchParams(qs)).total;

  function showError(message) {
    status.textContent = "Error: " + message;
    status.classList.add("error");
    document.body.dataset.error = message;
  }

  // ---- timeline ----
  const escapeXml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const isoDay = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

  function drawTimeline() {
    const svg = $("#timeline");
    svg.replaceChildren();
    if (!current) return;
    const d = current.d, mask = current.mask;
    // Linked to the map: only incidents inside the visible area count.
    const b = map.getBounds();
    const south = b.getSouth(), north = b.getNorth(), west = b.getWest(), east = b.getEast();
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < d.n; i++) if (d.day[i] !== NO_DAY && (!mask || mask[i] === 1)) { min = Math.min(min, d.day[i]); max = Math.max(max, d.day[i]); }
    const caption = $("#timeline-caption");
    if (min === Infinity) { caption.textContent = "No dated incidents."; return; }
    const weekly = max - min + 1 > MAX_DAY_BUCKETS;
    // Weeks start on Monday (day 0 of the epoch, 1970-01-01, was a Thursday).
    const bucketOf = weekly ? (day) => Math.floor((day + 3) / 7) : (day) => day;
    const startOf = weekly ? (bucket) => bucket * 7 - 3 : (bucket) => bucket;
    const first = bucketOf(min), count = bucketOf(max) - first + 1;
    const stacks = Array.from({ length: count }, () => new Uint32Array(EVENT_TYPES.length));
    let shown = 0;
    for (let i = 0; i < d.n; i++) {
      if (d.day[i] === NO_DAY || (mask && mask[i] === 0)) continue;
      if (d.placed[i] === 1 && (d.lat[i] < south || d.lat[i] > north || d.lon[i] < west || d.lon[i] > east)) continue;
      stacks[bucketOf(d.day[i]) - first][d.typeOf[i]]++;
      shown++;
    }
    const peak = Math.max(1, ...stacks.map((s) => s.reduce((a, c) => a + c, 0)));
    const width = svg.clientWidth || 800, height = svg.clientHeight || 130, axis = 14, slot = width / count;
    // Written as one piece of markup and parsed once: a thousand bars built node by node cost several times more.
    // Every value in it is a number, a date or a name of EVENT_TYPES, escaped all the same.
    const parts = [];
    stacks.forEach((s, k) => {
      let y = height - axis;
      const from = isoDay(startOf(first + k)), to = weekly ? isoDay(startOf(first + k) + 6) : from;
      s.forEach((n, t) => {
        if (n === 0) return;
        const h = (n / peak) * (height - axis - 4), name = escapeXml(EVENT_TYPES[t].name);
        y -= h;
        parts.push(`<rect class="bar" x="${(k * slot).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, slot - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${EVENT_TYPES[t].colour}" data-type="${name}" data-from="${from}" data-to="${to}"><title>${from}${weekly ? " – " + to : ""}: ${n} ${name}</title></rect>`);
      });
    });
    parts.push(`<text x="0" y="${height - 2}" text-anchor="start">${isoDay(startOf(first))}</text>`,
      `<text x="${width}" y="${height - 2}" text-anchor="end">${isoDay(startOf(first + count - 1))}</text>`);
    svg.innerHTML = parts.join("");
    caption.textContent = `${shown.toLocaleString("en")} dated incidents in the map's view, per ${weekly ? "week" : "day"}; click a bar to filter to it.`;
  }

  $("#timeline").addEventListener("click", (e) => {
    const r = e.target.closest("rect.bar");
    if (!r) return;
    form.elements.from.value = r.dataset.from;
    form.elements.to.value = r.dataset.to;
    load("timeline");
  });
  map.on("moveend", () => { if (current) drawTimeline(); });

  // ---- filters ----
  function fillSelects() {
    const type = form.elements.type;
    for (const t of EVENT_TYPES) {
      const group = el("optgroup", { label: t.name });
      group.append(el("option", { value: t.name }, `${t.name} (all)`));
      for (const s of t.subs) group.append(el("option", { value: s }, s));
      type.append(group);
    }
    for (const g of GRADES) form.elements.grade.append(el("option", { value: g }, g));
    const legend = $("#legend");
    legend.append(el("strong", {}, "Event type"));
    for (const t of EVENT_TYPES) {
      const sw = el("span", { class: "swatch" });
      sw.style.background = t.colour;
      legend.append(el("div", {}, sw, t.name));
    }
    legend.append(el("p", {}, "Disc area grows with fatalities."));
  }

  // Country and actor lists each read every incident on the server: asked for after the first paint, not with it.
  function fillLists() {
    getJson("api/countries").then((c) => {
      for (const x of c.items) form.elements.country.append(el("option", { value: x.country }, `${x.name || x.country} (${x.incidents})`));
    }).catch((e) => showError(e.message));
    getJson("api/actors").then((a) => {
      const list = $("#actors");
      for (const x of a.items.slice(0, 500)) list.append(el("option", { value: x.actor }));
    }).catch((e) => showError(e.message));
  }

  let typing = 0;
  form.addEventListener("change", () => load("filter"));
  form.addEventListener("input", (e) => {
    if (e.target.type !== "search") return;
    clearTimeout(typing);
    typing = setTimeout(() => load("filter"), 300);
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); load("filter"); });
  form.addEventListener("reset", () => setTimeout(() => load("filter"), 0));

  // ---- incident page ----
  const overview = $("#overview"), incidentView = $("#incident");

  function route() {
    const m = /^#incident\/(.+)$/.exec(location.hash);
    overview.hidden = !!m;
    incidentView.hidden = !m;
    if (m) showIncident(decodeURIComponent(m[1]));
    else map.invalidateSize();
  }
  window.addEventListener("hashchange", route);

  // Only web links become links: a stored url of another scheme (javascript:, data:) is shown as text.
  const safeUrl = (u) => { try { const x = new URL(u); return x.protocol === "http:" || x.protocol === "https:" ? x.href : null; } catch { return null; } };

  async function showIncident(id) {
    incidentView.replaceChildren(el("p", {}, "Loading…"));
    let inc;
    try {
      inc = await getJson("api/incidents/" + encodeURIComponent(id));
    } catch (e) {
      incidentView.replaceChildren(el("p", { class: "error" }, e.message), el("a", { href: "#" }, "Back to the map"));
      return;
    }
    const fat = inc.fatalities_max !== null && inc.fatalities_max !== inc.fatalities_min
      ? `${inc.fatalities_min ?? 0}–${inc.fatalities_max}` : String(inc.fatalities);
    const row = (k, v) => [el("dt", {}, k), el("dd", {}, v ?? "—")];
    const place = [inc.location, inc.admin1, inc.country].filter((x) => x).join(", ");
    const date = inc.event_date ? (inc.event_date === inc.event_date_end ? inc.event_date : `${inc.event_date} – ${inc.event_date_end}`) : "undated";
    const facts = el("dl", {},
      ...row("Type", `${inc.event_type} · ${inc.sub_event_type}`), ...row("Date", `${date} (${inc.time_precision ?? "unresolved"})`),
      ...row("Place", place || "unplaced"), ...row("Actor 1", inc.actor1), ...row("Actor 2", inc.actor2),
      ...row("Fatalities", fat), ...row("Grade", `${inc.grade}: ${inc.grade_reason}`),
      ...row("Sources", `${inc.source_count} independent outlet(s), ${inc.documents.length} document(s)`));
    const articles = inc.documents.map(article);
    incidentView.replaceChildren(el("p", {}, el("a", { href: "#" }, "← Back to the map")),
      el("h2", {}, `${inc.sub_event_type}, ${place || "unplaced"}, ${date}`), facts, ...articles);
    const firstMark = incidentView.querySelector("mark.evidence");
    if (firstMark) firstMark.scrollIntoView({ block: "center" });
    document.body.dataset.incident = inc.incident_id;
  }

  function article(doc) {
    const url = doc.url ? safeUrl(doc.url) : null;
    const heading = el("h3", {}, url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, doc.title || doc.url) : (doc.title || doc.document_id));
    const meta = el("div", { class: "meta" }, [doc.source, doc.published, doc.url && !url ? doc.url : null, "document " + doc.document_id].filter((x) => x).join(" · "));
    const box = el("div", { class: "article" }, heading, meta);
    if (doc.missing) { box.append(el("p", {}, "This document is no longer in the store.")); return box; }
    box.append(el("div", { class: "article-text" }, ...highlighted(doc.text, doc.sentences, doc.evidence)));
    return box;
  }

  // Text split at every sentence and evidence boundary; each piece is a text node, inside a <mark> when highlighted.
  function highlighted(text, sentences, evidence) {
    const cuts = new Set([0, text.length]);
    for (const r of [...sentences, ...evidence]) { cuts.add(Math.max(0, Math.min(text.length, r.start))); cuts.add(Math.max(0, Math.min(text.length, r.end))); }
    const sorted = [...cuts].sort((a, b) => a - b);
    const inside = (ranges, a, b) => ranges.some((r) => r.start <= a && b <= r.end);
    const parts = [];
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k], b = sorted[k + 1], piece = text.slice(a, b);
      if (inside(evidence, a, b)) parts.push(el("mark", { class: "evidence" }, piece));
      else if (inside(sentences, a, b)) parts.push(el("mark", { class: "sentence" }, piece));
      else parts.push(document.createTextNode(piece));
    }
    return parts;
  }

  fillSelects();
  route();
  load("first");
})();
