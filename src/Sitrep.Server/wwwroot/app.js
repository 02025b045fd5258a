// The Sitrep page: a map of incidents (Leaflet over Natural Earth countries, no tile server), a timeline stacked by
// event type, filters, and an incident page with its sources. Article text is only ever inserted as text nodes.
"use strict";

(async function () {
  const P = window.sitrepPaint;
  const { EVENT_TYPES, NO_DAY, DAY_MS, isoDay, showError } = P;
  const GRADES = ["confirmed", "fair", "weak", "contested", "discounted"];

  const $ = (sel) => document.querySelector(sel);
  const form = $("#filters");
  const status = $("#status");
  // Measurements the browser tests read (the first paint's included): each load's time from request to drawn map.
  const timings = P.timings;

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

  // ---- map ----
  // The first paint (paint.js) drew every incident on the view it framed; Leaflet opens on that same view and takes
  // its canvases over, so nothing moves or is drawn again. Without a first paint it opens on a default view.
  const first = await P.first;
  const map = L.map("map", { worldCopyJump: false, ...P.MAP });
  map.setView(first ? [first.view.center.lat, first.view.center.lon] : [25, 30], first ? first.view.zoom : 2, { animate: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Leaflet | Natural Earth");

  // The view Leaflet shows now, in the terms of paint.js's drawing functions.
  const viewOf = (m) => {
    const origin = m.getPixelBounds().min, size = m.getSize();
    return P.viewAt(m.getZoom(), origin.x, origin.y, { x: size.x, y: size.y });
  };

  // Incidents drawn on one canvas: a hundred thousand Leaflet markers would be far too slow.
  const PointsLayer = L.Layer.extend({
    onAdd(m) {
      // The country outlines on a canvas of their own under the discs' one: a filter redraws only the discs.
      // Taken over from the first paint when there was one (already drawn on this view).
      this._base = first ? first.base : L.DomUtil.create("canvas");
      this._canvas = first ? first.canvas : L.DomUtil.create("canvas");
      this._base.className = "sitrep-outlines leaflet-zoom-hide";
      this._canvas.className = "sitrep-points leaflet-zoom-hide";
      // A pane of its own above the overlay pane.
      const pane = m.getPane("incidents") || m.createPane("incidents");
      pane.style.zIndex = 450;
      pane.append(this._base, this._canvas);
      m.on("moveend zoomend resize viewreset", this.redraw, this);
      if (first) {
        this._outlines = first.outlines;
        this._d = first.d;
        this._mask = null;
        this._place(this._base);
        this._place(this._canvas);
      } else this.redraw();
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
    // Places canvas c over the map's view.
    _place(c) { L.DomUtil.setPosition(c, this._map.containerPointToLayerPoint([0, 0])); },
    drawOutlines() {
      if (!this._map || !this._outlines) return;
      this._place(this._base);
      this._map.getContainer().dataset.outlines = String(P.drawOutlines(this._base, this._outlines, viewOf(this._map)));
    },
    drawPoints() {
      if (!this._map) return;
      this._place(this._canvas);
      this._map.getContainer().dataset.markers = String(P.drawPoints(this._canvas, this._d, this._mask, viewOf(this._map)));
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
  // For tests and the console: the map (to turn a place into a pixel), the first paint's view and the measured loads.
  window.sitrep = { map, timings, firstView: first && first.view };

  // The country outlines (countries.bin, made by web/build.mjs: already projected), drawn on a canvas of their own
  // under the discs: a path per country in Leaflet cost more than the discs. The first paint asked for them already.
  const outlines = first ? Promise.resolve(first.outlines) : P.getOutlines("countries.bin")
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
        const raw = await P.getColumns(params.toString() ? "api/points.bin?" + params : "api/points.bin");
        if (seq !== loadSeq) return; // a newer filter change is on its way
        fetched = performance.now();
        const d = P.prepare(raw, params.toString());
        prepared = performance.now();
        if (!params.toString()) all = d;
        // Without a first paint, the first view is set before anything is drawn, so nothing is drawn twice.
        if (reason === "first") {
          const view = P.firstView(d, map.getSize());
          map.setView([view.center.lat, view.center.lon], view.zoom, { animate: false });
          points.setOutlines(await outlines);
          if (seq !== loadSeq) return;
        }
        current = { d, mask: null, total: d.n };
      }
      const fitted = performance.now();
      points.setData(current.d, current.mask);
      const drawn = performance.now();
      drawTimeline();
      P.recordTiming(reason, { started, fetched, prepared, fitted, drawn, at: performance.now() }, current.total, local);
      P.showCount(status, current.d, current.mask, current.total, params.toString() !== "");
      document.body.dataset.loads = String(timings.length);
      if (reason === "first") fillLists();
    } catch (e) {
      if (seq === loadSeq) showError(e.message);
    }
  }
  // For tests: how many incidents the page's own filtering keeps for a query string.
  window.sitrep.countLocally = (qs) => maskOf(new URLSearchParams(qs)).total;

  // ---- timeline ----
  // Linked to the map: only incidents inside the visible area count.
  function drawTimeline() {
    if (!current) { $("#timeline").replaceChildren(); return; }
    P.drawTimeline($("#timeline"), $("#timeline-caption"), current.d, current.mask, P.boundsOf(viewOf(map)));
  }

  $("#timeline").addEventListener("click", (e) => {
    const r = e.target.closest("rect.bar");
    if (!r) return;
    form.elements.from.value = r.dataset.from;
    form.elements.to.value = r.dataset.to;
    load("timeline");
  });
  map.on("moveend", () => { if (current) drawTimeline(); });
  // A bar's tooltip, made when the pointer first reaches it (its <title>, as text).
  $("#timeline").addEventListener("mouseover", (e) => {
    const r = e.target.closest("rect.bar");
    if (!r || r.firstChild) return;
    const { from, to, count, type } = r.dataset;
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${from}${to !== from ? " – " + to : ""}: ${count} ${type}`;
    r.append(title);
  });

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
  if (first) {
    // The first paint's map, timeline and status stand; the page answers from now on, which the tests wait for.
    all = first.d;
    current = { d: all, mask: null, total: all.n };
    // Should the map's box have changed size since the first paint (a window resized meanwhile), draw again.
    const size = map.getSize();
    if (size.x !== first.view.size.x || size.y !== first.view.size.y) { points.redraw(); drawTimeline(); }
    timings[0].interactiveAt = performance.now();
    document.body.dataset.loads = String(timings.length);
    fillLists();
  } else load("first");
})();
