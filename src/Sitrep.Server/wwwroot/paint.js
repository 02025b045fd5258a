// The Sitrep page's first paint, before Leaflet: asks the server for the first view of the map's box (the view Leaflet
// will open at, the discs drawn as this script would draw them, the timeline's counts), draws the country outlines under
// it and the timeline, then loads Leaflet and app.js, which take over these canvases for panning, zooming, filters and
// incident pages, with the map's columns prepared after the picture. Without the server's first view it draws all of
// it from the columns itself. Leaflet and app.js cost a first visit (no code cache yet) hundreds of milliseconds to
// compile and run, so they come after the picture, not before it. The drawing code is here once and app.js calls it
// for every later load; the server's drawing is a port of it, held to the same pixels by the browser tests.
"use strict";

window.sitrepPaint = (function () {
  // When this script started running: the tests read it beside each load's timings.
  const scriptAt = performance.now();

  // ACLED event types, their colours and sub-types: the one place the page keeps them.
  const EVENT_TYPES = [
    { name: "Battles", colour: "#d62728", subs: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"] },
    { name: "Explosions/Remote violence", colour: "#ff7f0e", subs: ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"] },
    { name: "Violence against civilians", colour: "#9467bd", subs: ["Sexual violence", "Attack", "Abduction/forced disappearance"] },
    { name: "Protests", colour: "#2ca02c", subs: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"] },
    { name: "Riots", colour: "#8c564b", subs: ["Violent demonstration", "Mob violence"] },
    { name: "Strategic developments", colour: "#1f77b4", subs: ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"] },
  ];
  const DAY_MS = 86400000;
  // Timeline buckets: days while the span fits this many, weeks beyond.
  const MAX_DAY_BUCKETS = 120;
  // Largest disc radius in CSS pixels (the most fatalities).
  const MAX_RADIUS = 22;
  // Day of an undated incident in the prepared day columns (a day number no incident has).
  const NO_DAY = -2147483648;
  // The map's options (app.js gives them to Leaflet) and the first view: every placed incident framed with this
  // padding, never closer than a region, zoom in steps of zoomSnap, as Leaflet's fitBounds would frame them.
  const MAP = { minZoom: 1, maxZoom: 12, zoomSnap: 0.5 };
  const FIRST_VIEW = { padding: 30, maxZoom: 6, empty: { lat: 25, lon: 30, zoom: 2 } };
  const typeIndex = new Map(EVENT_TYPES.map((t, i) => [t.name, i]));

  // A binary answer of the server (/api/points.bin, /api/first-view): three letters (magic) and the format version 1,
  // a little-endian uint32 header length, the header (UTF-8 JSON), then the data from dataAt. Throws the server's
  // error for a failed request, and wrongFormat for an answer in another format.
  async function readFramed(r, magic, wrongFormat) {
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      throw new Error(body.error || `${r.status} ${r.statusText}`);
    }
    const buf = await r.arrayBuffer(), bytes = new Uint8Array(buf);
    if (buf.byteLength < 8 || bytes[0] !== magic.charCodeAt(0) || bytes[1] !== magic.charCodeAt(1) || bytes[2] !== magic.charCodeAt(2) || bytes[3] !== 1)
      throw new Error(wrongFormat);
    const headerLength = new DataView(buf).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
    return { buf, bytes, header, dataAt: 8 + headerLength };
  }

  // The map's columns from /api/points.bin (format in /openapi.json): a small JSON header with the string tables,
  // then typed arrays read in place, with no parsing. (Typed arrays read in the platform's byte order, little-endian
  // on every platform browsers run on, as the server writes.)
  async function getColumns(url) {
    const { buf, header, dataAt } = await readFramed(await fetch(url), "SPC", `${url} is not in the columns format this page reads (SPC version 1)`);
    const data = (dataAt + 3) & ~3, views = { uint8: Uint8Array, uint16: Uint16Array, int32: Int32Array };
    header.nulls = {};
    for (const c of header.columns) {
      header[c.name] = new views[c.type](buf, data + c.offset, header.total);
      header.nulls[c.name] = c.null;
    }
    return header;
  }

  // The country outlines as countries.bin holds them (made by web/build.mjs, already projected).
  async function getOutlines(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
    const buf = await r.arrayBuffer();
    const [rings, n] = new Uint32Array(buf, 0, 2);
    return { rings: new Uint32Array(buf, 8, rings), xy: new Float32Array(buf, 8 + 4 * rings, 2 * n) };
  }

  // Web Mercator of a latitude in [0,1) (0 at 85° N), as the outlines are projected (atanh(sin φ) is their
  // ln(tan φ + sec φ) with one call fewer).
  const DEGREE = Math.PI / 180;
  const mercatorY = (lat) => (1 - Math.atanh(Math.sin(Math.max(-85, Math.min(85, lat)) * DEGREE)) / Math.PI) / 2;

  // Columns from getColumns (params: the query they answer) plus what drawing needs, computed once per load.
  // Coordinates come as whole thousandths of a degree and days as offsets from day_base: turned back here, into
  // day (first day, NO_DAY when undated) and dayEnd (last day, NO_DAY when undated). The result is a new object of
  // fixed shape and every loop reads its arrays through locals: the header object, grown a property per column, is
  // a dictionary to V8, and a lookup in it per incident made these loops several times slower. A first visit runs
  // this loop before V8 has optimised it (each step interpreted), so it does each thing once, inline: no calls.
  function prepare(raw, params) {
    const n = raw.total, nulls = raw.nulls, rawLat = raw.lat, rawLon = raw.lon, rawDay = raw.day, rawSpan = raw.span;
    const rawType = raw.type, fatalities = raw.fatalities;
    const lat = new Float64Array(n), lon = new Float64Array(n), day = new Int32Array(n), dayEnd = new Int32Array(n);
    const mx = new Float64Array(n), my = new Float64Array(n), radius = new Float32Array(n), placed = new Uint8Array(n);
    const typeOf = new Uint8Array(n), slot = new Uint8Array(n);
    const subType = Uint8Array.from(raw.event_types, (t) => typeIndex.get(t) ?? EVENT_TYPES.length - 1);
    const scale = raw.coordinate_scale, base = raw.day_base, nullDay = nulls.day, nullSpan = nulls.span;
    const nullLat = nulls.lat, nullLon = nulls.lon;
    // Drawing order: by type, and within a type large discs first, so small ones on top stay visible and clickable.
    // A counting sort over (type, whole radius): no 100k-element sort, no growing arrays.
    const buckets = MAX_RADIUS + 1, counts = new Int32Array(EVENT_TYPES.length * buckets + 1);
    let placedCount = 0, firstDay = Infinity, lastDay = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = subType[rawType[i]], d0 = rawDay[i];
      typeOf[i] = t;
      if (d0 === nullDay) day[i] = dayEnd[i] = NO_DAY;
      else {
        const d = d0 + base, span = rawSpan[i];
        day[i] = d;
        dayEnd[i] = span === nullSpan ? d : d + span;
        if (d < firstDay) firstDay = d;
        if (d > lastDay) lastDay = d;
      }
      const la = rawLat[i], lo = rawLon[i];
      if (la === nullLat || lo === nullLon) continue;
      placed[i] = 1;
      placedCount++;
      const latitude = la / scale, longitude = lo / scale;
      lat[i] = latitude; lon[i] = longitude;
      // Web Mercator in [0,1): projecting once here keeps each redraw to two multiply-adds per point.
      mx[i] = (longitude + 180) / 360;
      my[i] = (1 - Math.atanh(Math.sin((latitude > 85 ? 85 : latitude < -85 ? -85 : latitude) * DEGREE)) / Math.PI) / 2;
      const r = Math.min(MAX_RADIUS, 3 + 2 * Math.sqrt(fatalities[i]));
      radius[i] = r;
      // Where the disc goes in the drawing order, kept for the second pass.
      const k = t * buckets + (MAX_RADIUS - Math.floor(r));
      slot[i] = k + 1;
      counts[k + 1]++;
    }
    for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
    // typeStart[t]..typeStart[t + 1]: where type t's discs are in order.
    const typeStart = Int32Array.from({ length: EVENT_TYPES.length + 1 }, (_, t) => counts[t * buckets]);
    const order = new Int32Array(counts[counts.length - 1]);
    for (let i = 0; i < n; i++) {
      const k = slot[i];
      if (k !== 0) order[counts[k - 1]++] = i;
    }
    return {
      n, total: n, params, nulls, sub_event_types: raw.sub_event_types, event_types: raw.event_types, grades: raw.grades,
      countries: raw.countries, actors: raw.actors, type: rawType, country: raw.country, grade: raw.grade,
      actor1: raw.actor1, actor2: raw.actor2, fatalities, lat, lon, day, dayEnd, mx, my, radius, placed, typeOf, order,
      typeStart, placedCount, firstDay, lastDay, sx: new Float32Array(n), sy: new Float32Array(n),
    };
  }

  // A view of the map: zoom, the pixel scale of the Mercator unit square, and the top-left pixel (integers, as
  // Leaflet keeps its pixel origin) of an area of size.x by size.y CSS pixels.
  function viewAt(zoom, originX, originY, size) {
    return { zoom, scale: 256 * Math.pow(2, zoom), originX, originY, size };
  }

  // The latitude and longitude of a pixel of the view (the inverse of Web Mercator).
  function latLngAt(view, x, y) {
    const mx = (view.originX + x) / view.scale, my = (view.originY + y) / view.scale;
    return { lat: Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180 / Math.PI, lon: mx * 360 - 180 };
  }

  // The area a view shows, as Leaflet's getBounds gives it (west and east may pass ±180 when the world is narrower).
  function boundsOf(view) {
    const nw = latLngAt(view, 0, 0), se = latLngAt(view, view.size.x, view.size.y);
    return { south: se.lat, north: nw.lat, west: nw.lon, east: se.lon };
  }

  // The first view, framing every placed incident: Leaflet's fitBounds(bounds, { padding, maxZoom }) worked out
  // without Leaflet (getBoundsZoom with zoomSnap, then the centre of the bounds), so app.js opens Leaflet on exactly
  // the view the first paint drew. Its centre is given to Leaflet as the view's middle pixel.
  function firstView(d, size) {
    const placed = d.placed, lats = d.lat, lons = d.lon;
    let s = 90, w = 180, n = -90, e = -180;
    for (let i = 0; i < d.n; i++) {
      if (placed[i] === 0) continue;
      const lat = lats[i], lon = lons[i];
      if (lat < s) s = lat;
      if (lat > n) n = lat;
      if (lon < w) w = lon;
      if (lon > e) e = lon;
    }
    let zoom, cx, cy;
    if (s > n) {
      const empty = FIRST_VIEW.empty;
      zoom = empty.zoom; cx = (empty.lon + 180) / 360; cy = mercatorY(empty.lat);
    } else {
      const west = (w + 180) / 360, east = (e + 180) / 360, north = mercatorY(n), south = mercatorY(s);
      const pad = 2 * FIRST_VIEW.padding;
      const fit = Math.min((size.x - pad) / ((east - west) * 256), (size.y - pad) / ((south - north) * 256));
      zoom = Math.log2(fit);
      // Leaflet: within 1 % of a snap level counts as on it, then down to the level.
      zoom = Math.round(zoom / (MAP.zoomSnap / 100)) * (MAP.zoomSnap / 100);
      zoom = Math.floor(zoom / MAP.zoomSnap) * MAP.zoomSnap;
      zoom = Math.min(FIRST_VIEW.maxZoom, Math.max(MAP.minZoom, Math.min(MAP.maxZoom, zoom)));
      cx = (west + east) / 2; cy = (north + south) / 2;
    }
    const scale = 256 * Math.pow(2, zoom);
    const view = viewAt(zoom, Math.round(cx * scale - size.x / 2), Math.round(cy * scale - size.y / 2), size);
    view.center = latLngAt(view, size.x / 2, size.y / 2);
    return view;
  }

  // Sizes canvas c to the view (in device pixels) and returns its context drawing in CSS pixels.
  function cover(c, view) {
    const dpr = window.devicePixelRatio || 1;
    c.width = view.size.x * dpr; c.height = view.size.y * dpr;
    c.style.width = view.size.x + "px"; c.style.height = view.size.y + "px";
    const ctx = c.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  // The country outlines on canvas c. Countries do not overlap, so one even-odd path fills each once and leaves its
  // holes (lakes) empty. Returns how many rings were drawn.
  function drawOutlines(c, o, view) {
    const ctx = cover(c, view), scale = view.scale, ox = view.originX, oy = view.originY;
    ctx.fillStyle = "#f3f1ea"; ctx.strokeStyle = "#8a97a6"; ctx.lineWidth = 0.7;
    ctx.beginPath();
    for (let r = 0, at = 0; r < o.rings.length; r++) {
      const end = at + 2 * o.rings[r];
      ctx.moveTo(o.xy[at] * scale - ox, o.xy[at + 1] * scale - oy);
      for (at += 2; at < end; at += 2) ctx.lineTo(o.xy[at] * scale - ox, o.xy[at + 1] * scale - oy);
      ctx.closePath();
    }
    ctx.fill("evenodd"); ctx.stroke();
    return o.rings.length;
  }

  // Disc colours as [r, g, b] per event type, and how discs are shaded: fill opacity, outline opacity and width.
  const RGB = EVENT_TYPES.map((t) => [1, 3, 5].map((k) => parseInt(t.colour.slice(k, k + 2), 16)));
  const DISC = { fill: 0.75, outline: 0.3, outlineWidth: 0.6 };
  // Coverage at which a pixel counts as opaque: discs further down can change it by less than one colour level.
  const OPAQUE = 0.996;

  // Sizes canvas c to the view in device pixels (as the server sizes its picture of the first view): [width, height].
  function sizeCanvas(c, view, dpr) {
    const W = Math.round(view.size.x * dpr), H = Math.round(view.size.y * dpr);
    c.width = W; c.height = H;
    c.style.width = view.size.x + "px"; c.style.height = view.size.y + "px";
    return [W, H];
  }

  // Keeps the incidents' pixel positions in the view (CSS pixels) in d.sx/d.sy, for drawing and for hit tests.
  function place(d, view) {
    const n = d.n, mx = d.mx, my = d.my, sx = d.sx, sy = d.sy, scale = view.scale, ox = view.originX, oy = view.originY;
    for (let i = 0; i < n; i++) { sx[i] = mx[i] * scale - ox; sy[i] = my[i] * scale - oy; }
  }

  // Per-pixel colour and coverage, and the skip lists, for drawPoints: kept from one drawing to the next (all zero
  // between them), since allocating 16 MB for each filter change cost more than drawing its discs.
  let kept = { acc: new Float32Array(0), skip: new Int32Array(0), cells: new Uint8Array(0), rows: new Int32Array(0) };
  const CELL = 8;
  function scratch(pixels, height) {
    if (kept.skip.length < pixels)
      kept = { acc: new Float32Array(4 * pixels), skip: new Int32Array(pixels), cells: new Uint8Array(Math.ceil(pixels / CELL) + 1), rows: kept.rows };
    if (kept.rows.length < 2 * height) kept.rows = new Int32Array(2 * height).fill(-1);
    return kept;
  }

  // The incidents of d (mask: which to show, null for all) as discs on canvas c, in d.order (large under small,
  // types in EVENT_TYPES order); keeps their pixel positions (CSS pixels) in d.sx/d.sy for hit tests. Returns how many
  // discs were drawn (those inside the view).
  // The discs are rasterised here rather than by the canvas: a path of 100k arcs took the canvas 2.3-2.7 s to
  // rasterise (busy machine, software rendering) after the drawing calls had returned, so the map appeared seconds
  // after it was "drawn". Here each pixel is composited front to back (topmost disc first) and skipped once it is
  // opaque, through a per-row skip list, so the cost follows the visible pixels, not the 40-fold overdraw.
  function drawPoints(c, d, mask, view) {
    const dpr = window.devicePixelRatio || 1, [W, H] = sizeCanvas(c, view, dpr);
    let drawn = 0;
    if (!d || W === 0 || H === 0) return drawn;
    const sx = d.sx, sy = d.sy, radius = d.radius, order = d.order, typeOf = d.typeOf;
    const cssW = view.size.x, cssH = view.size.y;
    place(d, view);
    // Premultiplied colour and coverage per pixel, each row one pixel longer: that last pixel is never covered, so a
    // row's skip list always ends in it. skip[p] is how far the next pixel not yet opaque may be (0: p itself).
    const S = W + 1, { acc, skip, cells, rows } = scratch(S * H, H);
    // Opaque pixels per CELL x CELL block: a disc whose blocks are all opaque is hidden and skipped whole (at the
    // world view nine discs in ten are, under the ones drawn over them).
    const across = Math.ceil(W / CELL);
    const half = DISC.outlineWidth * dpr / 2, fillAlpha = DISC.fill, lineAlpha = DISC.outline;
    // The rectangle the discs touched: only it is copied to the canvas. rows[2y], rows[2y + 1]: the first and last
    // pixel of row y they touched (-1 when none), the only pixels composed and cleared.
    let left = W, right = -1, top = H, bottom = -1;
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k];
      if (mask && mask[i] === 0) continue;
      const cr = sx[i], cy = sy[i], cssR = radius[i];
      if (cr < -cssR || cy < -cssR || cr > cssW + cssR || cy > cssH + cssR) continue;
      drawn++;
      const x = cr * dpr, y = cy * dpr, r = cssR * dpr, reach = r + half + 0.5, rgb = RGB[typeOf[i]];
      const red = rgb[0], green = rgb[1], blue = rgb[2];
      const y0 = Math.max(0, Math.floor(y - reach)), y1 = Math.min(H - 1, Math.floor(y + reach));
      const x0 = Math.max(0, Math.floor(x - reach)), x1 = Math.min(W - 1, Math.floor(x + reach));
      let hidden = true;
      for (let cy = Math.floor(y0 / CELL), cy1 = Math.floor(y1 / CELL); hidden && cy <= cy1; cy++) {
        const tall = Math.min(CELL, H - cy * CELL);
        for (let cx = Math.floor(x0 / CELL), cx1 = Math.floor(x1 / CELL); hidden && cx <= cx1; cx++)
          hidden = cells[cy * across + cx] === tall * Math.min(CELL, W - cx * CELL);
      }
      if (hidden) continue;
      if (x0 < left) left = x0;
      if (x1 > right) right = x1;
      if (y0 < top) top = y0;
      if (y1 > bottom) bottom = y1;
      for (let py = y0; py <= y1; py++) {
        const dy = py + 0.5 - y, h2 = reach * reach - dy * dy;
        if (h2 <= 0) continue;
        const span = Math.sqrt(h2), row = py * S, end = row + Math.min(W - 1, Math.floor(x + span));
        let p = row + Math.max(0, Math.floor(x - span));
        // A disc just past the right edge can start its span past the row's end: nothing of it on this row (and the
        // skip list below must not be walked from there: past the last row it would run off the array).
        if (p > end) continue;
        if (rows[2 * py] < 0 || p - row < rows[2 * py]) rows[2 * py] = p - row;
        if (end - row > rows[2 * py + 1]) rows[2 * py + 1] = end - row;
        for (;;) {
          // The next pixel of this row not yet opaque (each jump taken is lengthened, so later ones are short).
          for (let q; skip[p] !== 0; p = q) { q = p + skip[p]; skip[p] += skip[q]; }
          if (p > end) break;
          const dx = p - row + 0.5 - x, dist = Math.sqrt(dx * dx + dy * dy);
          // Anti-aliased coverage of the disc and of its outline (a ring of outlineWidth at the rim), the outline over
          // the fill, then the pair under what is already there. (Clamped without calls: a first visit runs this
          // before V8 has optimised it, where each call costs.)
          const inside = r - dist + 0.5, fill = inside >= 1 ? 1 : inside <= 0 ? 0 : inside;
          const rim = half + 0.5 - (dist > r ? dist - r : r - dist), line = lineAlpha * (rim >= 1 ? 1 : rim <= 0 ? 0 : rim);
          const body = (1 - line) * fillAlpha * fill;
          if (body + line > 0) {
            const a = 4 * p, under = 1 - acc[a + 3];
            acc[a] += under * body * red; acc[a + 1] += under * body * green; acc[a + 2] += under * body * blue;
            if ((acc[a + 3] += under * (body + line)) > OPAQUE) {
              skip[p] = 1;
              cells[Math.floor(py / CELL) * across + Math.floor((p - row) / CELL)]++;
            }
          }
          p++;
        }
      }
    }
    if (right < left || bottom < top) return drawn;
    const cw = right - left + 1, ch = bottom - top + 1, image = new ImageData(cw, ch), out = new Uint32Array(image.data.buffer);
    // ImageData holds straight (not premultiplied) RGBA, in memory order r, g, b, a: one little-endian uint32.
    for (let py = top; py <= bottom; py++) {
      const from = rows[2 * py], to = rows[2 * py + 1];
      if (from < 0) continue;
      const row = py * S;
      for (let px = from, a = 4 * (row + from), o = (py - top) * cw + from - left; px <= to; px++, a += 4, o++) {
        const alpha = acc[a + 3];
        if (alpha === 0) continue;
        // Shifts truncate to integers: adding a half rounds.
        const inverse = 1 / alpha;
        out[o] = ((alpha * 255 + 0.5) << 24) | ((acc[a + 2] * inverse + 0.5) << 16) | ((acc[a + 1] * inverse + 0.5) << 8) | ((acc[a] * inverse + 0.5) << 0);
      }
      // Left as found for the next drawing.
      acc.fill(0, 4 * (row + from), 4 * (row + to + 1));
      skip.fill(0, row + from, row + to + 1);
      rows[2 * py] = rows[2 * py + 1] = -1;
    }
    cells.fill(0);
    c.getContext("2d").putImageData(image, left, top);
    return drawn;
  }

  // ---- timeline ----
  const escapeXml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const isoDay = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

  // The timeline's bars for d (mask: which to count, null for all), linked to the map: only incidents inside bounds
  // (boundsOf a view) count, and unplaced ones always do. Buckets span every dated incident d (or the mask) holds.
  // Returns { weekly, first, buckets, counts, shown } (counts[bucket * types + type]), as /api/first-view sends them,
  // or null when nothing is dated.
  function countTimeline(d, mask, bounds) {
    const { south, north, west, east } = bounds;
    const n = d.n, days = d.day, placed = d.placed, lat = d.lat, lon = d.lon, typeOf = d.typeOf;
    // The span of days: prepare found it for all of d; a mask needs a look of its own.
    let min = mask ? Infinity : d.firstDay, max = mask ? -Infinity : d.lastDay;
    for (let i = 0; mask && i < n; i++) {
      const day = days[i];
      if (day === NO_DAY || mask[i] === 0) continue;
      if (day < min) min = day;
      if (day > max) max = day;
    }
    if (min === Infinity) return null;
    const weekly = max - min + 1 > MAX_DAY_BUCKETS;
    // A bucket is a day, or a week starting on Monday (day 0 of the epoch, 1970-01-01, was a Thursday): bucket b
    // starts on day b * length - shift. Worked out inline below, not by a call per incident.
    const length = weekly ? 7 : 1, shift = weekly ? 3 : 0;
    const first = Math.floor((min + shift) / length), buckets = Math.floor((max + shift) / length) - first + 1;
    const types = EVENT_TYPES.length, counts = new Uint32Array(buckets * types);
    let shown = 0;
    for (let i = 0; i < n; i++) {
      const day = days[i];
      if (day === NO_DAY || (mask && mask[i] === 0)) continue;
      if (placed[i] === 1 && (lat[i] < south || lat[i] > north || lon[i] < west || lon[i] > east)) continue;
      counts[(Math.floor((day + shift) / length) - first) * types + typeOf[i]]++;
      shown++;
    }
    return { weekly, first, buckets, counts, shown };
  }

  // The timeline of countTimeline's (or the server's) counts t in svg, stacked by event type, and its caption.
  function showTimeline(svg, caption, t) {
    svg.replaceChildren();
    if (!t) { caption.textContent = "No dated incidents."; return; }
    const { weekly, first, buckets, counts, shown } = t, types = EVENT_TYPES.length;
    const length = weekly ? 7 : 1, shift = weekly ? 3 : 0, startOf = (bucket) => bucket * length - shift;
    let peak = 1;
    for (let k = 0, at = 0; k < buckets; k++) {
      let sum = 0;
      for (let type = 0; type < types; type++, at++) sum += counts[at];
      if (sum > peak) peak = sum;
    }
    const width = svg.clientWidth || 800, height = svg.clientHeight || 130, axis = 14, slot = width / buckets;
    // Written as one piece of markup and parsed once: a thousand bars built node by node cost several times more.
    // Every value in it is a number, a date or a name of EVENT_TYPES, escaped all the same. A bar's tooltip is made
    // when the pointer first reaches it (app.js), not here: a <title> in each bar doubled what every load parses.
    // What a bar's markup shares with its type's bars and with the bars of its bucket is written once for each.
    const parts = [], ofType = EVENT_TYPES.map((e) => `fill="${e.colour}" data-type="${escapeXml(e.name)}"`);
    const width1 = Math.max(1, slot - 1).toFixed(1), scaleY = (height - axis - 4) / peak;
    for (let k = 0; k < buckets; k++) {
      let y = height - axis;
      const from = isoDay(startOf(first + k)), to = weekly ? isoDay(startOf(first + k) + 6) : from;
      const ofBucket = `<rect class="bar" x="${(k * slot).toFixed(1)}" width="${width1}" data-from="${from}" data-to="${to}" `;
      for (let type = 0; type < types; type++) {
        const n = counts[k * types + type];
        if (n === 0) continue;
        const h = n * scaleY;
        y -= h;
        parts.push(`${ofBucket}y="${y.toFixed(1)}" height="${h.toFixed(1)}" ${ofType[type]} data-count="${n}"></rect>`);
      }
    }
    parts.push(`<text x="0" y="${height - 2}" text-anchor="start">${isoDay(startOf(first))}</text>`,
      `<text x="${width}" y="${height - 2}" text-anchor="end">${isoDay(startOf(first + buckets - 1))}</text>`);
    svg.innerHTML = parts.join("");
    caption.textContent = `${shown.toLocaleString("en")} dated incidents in the map's view, per ${weekly ? "week" : "day"}; click a bar to filter to it.`;
  }

  // The timeline of d (mask: which to count, null for all) in svg, for the map's bounds (boundsOf a view).
  function drawTimeline(svg, caption, d, mask, bounds) {
    showTimeline(svg, caption, countTimeline(d, mask, bounds));
  }

  // The status line after a load: how many incidents, how many of them on the map.
  function showCount(status, d, mask, total, filtered) {
    let onMap = mask ? 0 : d.placedCount;
    const placed = d.placed;
    if (mask) for (let i = 0; i < d.n; i++) if (placed[i] && mask[i]) onMap++;
    status.textContent = countText(total, onMap, filtered);
  }
  const countText = (total, onMap, filtered) =>
    `${total.toLocaleString("en")} incidents (${onMap.toLocaleString("en")} on the map)` + (filtered ? " matching the filters" : "");

  function showError(message) {
    const status = document.getElementById("status");
    status.textContent = "Error: " + message;
    status.classList.add("error");
    document.body.dataset.error = message;
  }

  // Measurements the browser tests read: each load's time from request to drawn map and timeline.
  const timings = (window.sitrepTimings = []);

  // Records one load (the first paint here, later ones in app.js) from its performance.now() marks: at is since
  // navigation start, scriptAt when this script began, the rest are parts of ms. drawnBy: for the first paint, which
  // drew it ("server": the first view from /api/first-view, prepareMs its decoding; "page": from the columns).
  function recordTiming(reason, marks, total, local, drawnBy) {
    const { started, fetched, prepared, fitted, drawn, at } = marks;
    timings.push({ reason, ms: at - started, fetchMs: fetched - started, prepareMs: prepared - fetched,
      outlinesMs: fitted - prepared, mapMs: drawn - fitted, timelineMs: at - drawn, total, local, at, scriptAt,
      ...(drawnBy ? { drawnBy } : {}) });
  }

  // ---- the first paint ----
  // The map box's size, for which the first view is asked for and drawn. Reading it lays the page out: the request
  // cannot leave before that (the box's size depends on how the header wraps).
  const box = document.getElementById("map"), boxSize = { x: box.clientWidth, y: box.clientHeight };

  // The first view drawn by the server (/api/first-view, format in /openapi.json) for this box: the view, the counts
  // and the timeline's counts, and the discs as a PNG, decoded off the main thread (image: a promise, so the outlines
  // are drawn meanwhile). Drawing 100k discs here took a first visit, whose scripts run cold, 220-320 ms after
  // 200-300 ms of waiting for and preparing the columns.
  async function getFirstView(size) {
    const dpr = window.devicePixelRatio || 1, asked = window.sitrepFirstView;
    // The request index.html made as soon as the box was laid out, when it was for this box (it is taken once).
    window.sitrepFirstView = undefined;
    const r = asked && asked.x === size.x && asked.y === size.y && asked.dpr === dpr
      ? await asked.response
      : await fetch(`api/first-view?width=${size.x}&height=${size.y}&dpr=${dpr}`);
    const { bytes, header, dataAt } = await readFramed(r, "SFV", "api/first-view is not in the format this page reads (SFV version 1)");
    const fetched = performance.now();
    // As drawn, with no colour management: the PNG's values are the ones the page's own rasteriser would put.
    const image = createImageBitmap(new Blob([bytes.subarray(dataAt)], { type: "image/png" }),
      { colorSpaceConversion: "none", premultiplyAlpha: "default" });
    return { header, image, fetched };
  }

  // Taken from index.html, which asked as soon as the box was laid out (else asked now), beside the outlines (small) and
  // the map's columns (preloaded by index.html: exactly that URL, so the response already on its way is the one used;
  // app.js needs them for filters, hit tests and redraws).
  const served = getFirstView(boxSize);
  const columns = getColumns("api/points.bin");
  // The first paint goes on without countries when they cannot be had, and says so.
  const outlines = getOutlines("countries.bin").catch((e) => { showError(`countries could not be drawn: ${e.message}`); return null; });
  // Settled when the columns are in or could not be had (then it is the first paint's failure, not an unhandled one).
  columns.catch(() => null);

  // The first paint's canvases (the outlines' one given when already drawn on), put in the map's box.
  function firstCanvases(base = document.createElement("canvas")) {
    const canvas = document.createElement("canvas");
    base.className = "sitrep-outlines first-paint"; canvas.className = "sitrep-points first-paint";
    box.append(base, canvas);
    return { base, canvas };
  }

  // The first paint from the server's first view: outlines drawn here, the discs' picture put on their canvas, the
  // timeline from the server's counts. Resolves to the view and canvases; throws (having drawn nothing) when the first
  // view could not be had.
  async function paintServed() {
    const started = scriptAt;
    const { header: h, image: decoding, fetched } = await served;
    // Nothing to prepare: the picture decodes while the outlines are drawn (mapMs includes what is left of it).
    const prepared = performance.now();
    const view = viewAt(h.zoom, h.origin_x, h.origin_y, boxSize);
    view.center = latLngAt(view, boxSize.x / 2, boxSize.y / 2);
    const o = await outlines;
    // Not drawn on until the picture is decoded: a failed decoding leaves nothing of the server's first paint.
    const base = document.createElement("canvas");
    if (o) box.dataset.outlines = String(drawOutlines(base, o, view));
    const fitted = performance.now();
    const image = await decoding;
    const { canvas } = firstCanvases(base);
    sizeCanvas(canvas, view, window.devicePixelRatio || 1);
    canvas.getContext("2d").drawImage(image, 0, 0);
    image.close();
    box.dataset.markers = String(h.drawn);
    const drawn = performance.now();
    showTimeline(document.getElementById("timeline"), document.getElementById("timeline-caption"), h.timeline);
    recordTiming("first", { started, fetched, prepared, fitted, drawn, at: performance.now() }, h.total, false, "server");
    document.getElementById("status").textContent = countText(h.total, h.placed, false);
    return { outlines: o, view, base, canvas };
  }

  // The first paint from the columns, when the server's first view could not be had: every incident, the countries
  // and the timeline drawn here. Resolves to what app.js takes over.
  async function paintLocally() {
    const started = scriptAt;
    // The discs' scratch memory (16 bytes a device pixel: 15 MB for a 1,200 x 640 map), allocated while the columns
    // are on their way instead of on the way to the picture (its allocation, and the garbage collection it set off,
    // cost a first visit 40-100 ms).
    const dpr = window.devicePixelRatio || 1, height = Math.round(boxSize.y * dpr);
    scratch((Math.round(boxSize.x * dpr) + 1) * height, height);
    const raw = await columns;
    const fetched = performance.now();
    const d = prepare(raw, "");
    const prepared = performance.now();
    const view = firstView(d, boxSize);
    const { base, canvas } = firstCanvases();
    const o = await outlines;
    if (o) box.dataset.outlines = String(drawOutlines(base, o, view));
    const fitted = performance.now();
    box.dataset.markers = String(drawPoints(canvas, d, null, view));
    const drawn = performance.now();
    drawTimeline(document.getElementById("timeline"), document.getElementById("timeline-caption"), d, null, boundsOf(view));
    recordTiming("first", { started, fetched, prepared, fitted, drawn, at: performance.now() }, d.n, false, "page");
    showCount(document.getElementById("status"), d, null, d.n, false);
    return { d, outlines: o, view, base, canvas };
  }

  // Takes away whatever a failed first paint left in the map's box.
  const removeFirstPaint = () => { for (const c of document.querySelectorAll("#map > canvas.first-paint")) c.remove(); };

  // Draws the first paint, by the server's picture or else from the columns; resolves when it is drawn (null when it
  // could not be drawn at all: app.js then loads the columns itself and reports why).
  const painted = paintServed().catch(() => {
    removeFirstPaint();
    return paintLocally();
  }).catch(() => {
    removeFirstPaint();
    return null;
  });

  // What app.js takes over: the first paint's view and canvases, and the columns prepared for it (after the picture,
  // when the server drew it), with each incident's pixel position in that view for hit tests. Null when there is no
  // first paint or no columns.
  async function takeOver() {
    const p = await painted;
    if (!p || p.d) return p;
    try {
      const d = prepare(await columns, "");
      place(d, p.view);
      return { ...p, d };
    } catch {
      removeFirstPaint();
      return null;
    }
  }
  const first = takeOver();

  // Leaflet and app.js load once the first paint is drawn (or could not be): in order, as the page's other scripts,
  // after Leaflet's style (not in index.html: a stylesheet there, even a print one, held back its inline script), so
  // that Leaflet never lays out its panes unstyled. Without the style the map still works, only less well dressed.
  function loadScripts() {
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = "leaflet.css";
    style.onload = style.onerror = () => {
      for (const src of ["leaflet.js", "app.js"]) {
        const s = document.createElement("script");
        s.src = src;
        s.async = false;
        document.head.append(s);
      }
    };
    document.head.append(style);
  }

  // Leaflet and app.js are asked for as soon as the picture stands: they arrive and compile while the columns are
  // prepared for them.
  painted.then(loadScripts);

  return {
    EVENT_TYPES, NO_DAY, DAY_MS, MAP, FIRST_VIEW, MAX_RADIUS, DISC, OPAQUE, MAX_DAY_BUCKETS, first, timings, scriptAt,
    getColumns, getOutlines, getFirstView, prepare, firstView, viewAt, boundsOf, drawOutlines, drawPoints, countTimeline,
    showTimeline, drawTimeline, showCount, showError, isoDay, recordTiming,
  };
})();
