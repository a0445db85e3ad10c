// defnames search page: suggestions while typing, a ranked result list, an entity card.
// Plain DOM code, no library and no network access beyond this server. Data is always put
// into the page as text (textContent), never as HTML; the ownership tree is SVG made by the
// server and parsed as XML.
"use strict";

const $ = (sel) => document.querySelector(sel);
const q = $("#q"), box = $("#suggestions"), statusLine = $("#status");
const resultsPanel = $("#results-panel"), results = $("#results"), card = $("#card");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v; else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: "bad_response", message: r.statusText }));
  if (!r.ok) throw new Error(body.message || r.statusText);
  return body;
}

function params(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v !== "" && v !== null && v !== undefined) p.set(k, v);
  return p.toString();
}

// -- suggestions ---------------------------------------------------------------------
let suggestTimer = null, suggestSeq = 0, selected = -1, lastSuggestions = [];

function closeSuggestions() {
  box.hidden = true; box.replaceChildren(); selected = -1; q.setAttribute("aria-expanded", "false");
}

function showSuggestions(rows) {
  lastSuggestions = rows; selected = -1;
  box.replaceChildren(...rows.map((r, i) => {
    const li = el("li", { role: "option", id: `sugg-${i}`, "data-id": r.id, "aria-selected": "false" },
      el("span", { class: "name" }, r.name), el("span", { class: "cc" }, r.country),
      r.matched !== r.name ? el("span", { class: "via" }, `“${r.matched}”`) : null);
    li.addEventListener("mousedown", (ev) => { ev.preventDefault(); openEntity(r.id); });
    return li;
  }));
  box.hidden = rows.length === 0;
  q.setAttribute("aria-expanded", rows.length ? "true" : "false");
}

function moveSelection(step) {
  const items = [...box.children];
  if (!items.length) return;
  selected = (selected + step + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute("aria-selected", i === selected ? "true" : "false"));
  q.setAttribute("aria-activedescendant", items[selected].id);
}

q.addEventListener("input", () => {
  clearTimeout(suggestTimer);
  const text = q.value.trim();
  if (!text) { closeSuggestions(); return; }
  suggestTimer = setTimeout(async () => {
    const seq = ++suggestSeq;
    try {
      const data = await getJSON(`/search?${params({ q: text, limit: 8 })}`);
      if (seq === suggestSeq && q.value.trim() === text) showSuggestions(data.result);
    } catch (err) { closeSuggestions(); }
  }, 120);
});

q.addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown") { ev.preventDefault(); moveSelection(1); }
  else if (ev.key === "ArrowUp") { ev.preventDefault(); moveSelection(-1); }
  else if (ev.key === "Escape") closeSuggestions();
  else if (ev.key === "Enter" && selected >= 0 && !box.hidden) {
    ev.preventDefault(); openEntity(lastSuggestions[selected].id);
  }
});
q.addEventListener("blur", () => setTimeout(closeSuggestions, 150));

// -- the result list ---------------------------------------------------------------------
$("#search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  closeSuggestions();
  const text = q.value.trim();
  if (!text) return;
  const query = params({ q: text, context: $("#context").value.trim(), country: $("#country").value.trim() });
  if (location.hash === `#/search?${query}`) route(); else location.hash = `#/search?${query}`;
});

async function runSearch(sp) {
  const text = sp.get("q") || "";
  q.value = text; $("#context").value = sp.get("context") || ""; $("#country").value = sp.get("country") || "";
  statusLine.textContent = "Searching…";
  try {
    const data = await getJSON(`/candidates?${params({ name: text, context: sp.get("context") || "",
                                                       country: sp.get("country") || "", limit: 10 })}`);
    let rows = data.candidates.map((c) => ({ id: c.id, name: c.name, country: c.country, score: c.score,
                                             method: c.method, matched: c.matched, match: c.id === data.resolved }));
    if (!rows.length) {
      const s = await getJSON(`/search?${params({ q: text, limit: 10 })}`);
      rows = s.result.map((r) => ({ id: r.id, name: r.name, country: r.country, score: r.score, method: r.how,
                                    matched: r.matched, match: false }));
    }
    showResults(rows, data.resolved);
    statusLine.textContent = data.resolved
      ? `“${text}” resolves to ${rows.find((r) => r.match)?.name || data.resolved}.`
      : rows.length ? `No confident match for “${text}”; the closest names:` : `Nothing found for “${text}”.`;
    if (data.resolved) showEntity(data.resolved);
    else if (rows.length === 0) card.hidden = true;
  } catch (err) {
    statusLine.textContent = `Error: ${err.message}`;
  }
}

function showResults(rows, resolved) {
  resultsPanel.hidden = rows.length === 0;
  results.replaceChildren(...rows.map((r) => {
    const li = el("li", { "data-id": r.id, class: r.id === resolved ? "current" : null },
      el("a", { href: `#/entity/${encodeURIComponent(r.id)}` }, r.name), " ", el("span", { class: "cc" }, r.country),
      r.match ? el("span", { class: "badge" }, "match") : null,
      el("div", { class: "score" },
        r.score !== undefined && r.score !== null ? `score ${Math.round(r.score)}` : "", r.method ? ` · ${r.method}` : "",
        r.matched && r.matched !== r.name ? ` · “${r.matched}”` : ""));
    li.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") openEntity(r.id); });
    return li;
  }));
}

// -- the entity card ---------------------------------------------------------------------
function openEntity(id) {
  closeSuggestions();
  location.hash = `#/entity/${encodeURIComponent(id)}`;
}

function entityLink(ref) {
  return el("span", {}, el("a", { href: `#/entity/${encodeURIComponent(ref.id)}` }, ref.name), " ",
            el("span", { class: "cc" }, ref.country));
}

function section(title, ...content) {
  const parts = content.flat().filter((x) => x !== null && x !== undefined && x !== false);
  return parts.length ? el("section", {}, el("h3", {}, title), ...parts) : null;
}

function years(since, until) {
  if (since && until) return ` (${since}–${until})`;
  if (until) return ` (until ${until})`;
  if (since) return ` (since ${since})`;
  return "";
}

const KINDS = { company: "Company", subsidiary: "Subsidiary", division: "Division", joint_venture: "Joint venture",
                state_enterprise: "State enterprise", holding: "Holding company" };
const NAME_TYPES = { name: "name", legal_name: "legal name", alias: "alias", weak_alias: "weak alias",
                     former_name: "former name" };

async function showEntity(id) {
  document.querySelectorAll("#results li").forEach((li) => li.classList.toggle("current", li.dataset.id === id));
  let e;
  try {
    e = await getJSON(`/entities/${encodeURIComponent(id)}`);
  } catch (err) {
    card.hidden = false; card.replaceChildren(el("p", {}, `Error: ${err.message}`)); return;
  }
  const facts = el("dl", {},
    el("dt", {}, "country"), el("dd", {}, `${e.country_name} (${e.country})`, e.city ? ` · ${e.city}` : ""),
    el("dt", {}, "kind"), el("dd", {}, KINDS[e.kind] || e.kind, e.status !== "active" ? ` · ${e.status}` : "",
                                  e.until ? ` (own company until ${e.until})` : ""),
    e.successor ? [el("dt", {}, "successor"), el("dd", {}, entityLink(e.successor))] : null,
    e.parent_chain.length ? [el("dt", {}, "parent chain"),
      el("dd", { class: "chain" }, e.parent_chain.flatMap((p, i) => [i ? " › " : "", entityLink(p)]),
         e.parent_since ? ` (parent since ${e.parent_since})` : "")] : null,
    e.website ? [el("dt", {}, "website"), el("dd", {}, el("a", { href: e.website, rel: "noopener" }, e.website))] : null,
    el("dt", {}, "id"), el("dd", {}, el("code", {}, e.id)));
  const names = el("table", { class: "names" }, el("tr", {}, el("th", {}, "name"), el("th", {}, "script"), el("th", {}, "type")),
    e.names.map((n) => el("tr", {}, el("td", { lang: "" }, n.name), el("td", {}, n.script), el("td", {}, NAME_TYPES[n.type] || n.type))));
  const owners = e.owners.length ? el("table", { class: "owners" },
    el("tr", {}, el("th", {}, "owner"), el("th", {}, "share"), el("th", {}, "as of")),
    e.owners.map((o) => el("tr", {}, el("td", {}, o.id ? entityLink(o) : o.name),
      el("td", {}, o.share !== null && o.share !== undefined ? `${o.share}%` : "—"), el("td", {}, o.as_of || "—")))) : null;
  const subs = e.subsidiaries.length ? el("ul", { class: "subsidiaries" }, e.subsidiaries.map((s) => el("li", {}, entityLink(s)))) : null;
  const former = e.former_names.length ? el("ul", { class: "former" },
    e.former_names.map((f) => el("li", {}, f.name, years(f.since, f.until)))) : null;
  const ids = e.identifier_links.length ? el("ul", { class: "identifiers" }, e.identifier_links.map((i) =>
    el("li", {}, `${i.scheme}: `, i.url ? el("a", { href: i.url, rel: "noopener" }, i.value) : el("code", {}, i.value)))) : null;
  const sources = e.sources.length ? el("ul", { class: "sources" },
    e.sources.map((s) => el("li", {}, el("a", { href: s, rel: "noopener" }, s)))) : null;
  const tree = el("div", { class: "tree", "aria-label": "ownership tree" }, "drawing…");
  card.replaceChildren(...[
    el("h2", {}, e.name), el("p", { class: "sub" }, e.legal_name || ""),
    facts,
    e.note ? el("p", { class: "note" }, e.note) : null,
    section("Ownership", tree),
    section("Names", names),
    section("Owners", owners),
    section("Subsidiaries", subs),
    section("Former names", former),
    section("Identifiers", ids),
    section("Sources", sources)].filter((x) => x !== null && x !== undefined));
  card.hidden = false;
  document.title = `${e.name} — defnames`;
  try {
    const r = await fetch(`/entities/${encodeURIComponent(id)}/tree.svg`);
    const doc = new DOMParser().parseFromString(await r.text(), "image/svg+xml");
    const svg = doc.documentElement;
    if (svg.nodeName.toLowerCase() !== "svg") throw new Error("not an SVG picture");
    tree.replaceChildren(document.importNode(svg, true));
  } catch (err) {
    tree.textContent = `The tree could not be drawn: ${err.message}`;
  }
}

// -- routing -----------------------------------------------------------------------------
function route() {
  const h = location.hash;
  if (h.startsWith("#/entity/")) {
    const id = decodeURIComponent(h.slice("#/entity/".length));
    if (!resultsPanel.hidden || statusLine.textContent) statusLine.textContent = "";
    showEntity(id);
  } else if (h.startsWith("#/search?")) {
    runSearch(new URLSearchParams(h.slice("#/search?".length)));
  }
}
window.addEventListener("hashchange", route);
getJSON("/health").then((h) => { $("#version").textContent = `data ${h.data_version}, ${h.entities} entities`; }).catch(() => {});
route();
