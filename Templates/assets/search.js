// Gazette's search page: reads the index that `gazette build` writes in recherche/index/ (format:
// docs/search.md). Words are read as the build reads them (SearchText.swift): accents and case
// removed, runs of letters and digits, stop words dropped; each word is looked up as written
// (the index gives its stem), the last one also as a prefix while it is typed. Every word must
// be found; results are ranked by BM25, newer first when equal. No framework, no WebAssembly.
"use strict";
(() => {
  const list = document.getElementById("resultats");
  const form = document.querySelector(".search-form");
  if (!list || !form || !window.fetch || !window.TextEncoder) return;
  const field = form.elements.q, theme = form.elements.theme, year = form.elements.annee;
  const status = document.getElementById("etat-recherche"), pager = document.getElementById("pages-resultats");
  const base = list.dataset.index, root = list.dataset.root, perPage = 10;
  const utf8 = new TextEncoder(), text = new TextDecoder();
  const cache = new Map();
  const load = (path, kind) => {
    if (!cache.has(path)) cache.set(path, fetch(base + path).then((r) => { if (!r.ok) throw new Error(path); return r[kind](); }));
    return cache.get(path);
  };
  let meta, stop;

  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
  const split = (s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w && ([...w].length > 1 || /^[0-9]$/.test(w)));
  const compare = (a, b) => { // byte order, as the index is sorted
    for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  const fileName = (key) => /^[a-z0-9]+$/.test(key) ? key : "x" + [...utf8.encode(key)].map((b) => b.toString(16).padStart(2, "0")).join("");

  // A shard: its keys in order, each with its stem (a word) and its postings (a stem or a tag).
  function parseShard(buffer) {
    const bytes = new Uint8Array(buffer);
    let at = 0;
    const varint = () => { let value = 0, shift = 0, byte; do { byte = bytes[at++]; value += (byte & 127) * 2 ** shift; shift += 7; } while (byte & 128); return value; };
    const chunk = () => { const n = varint(); at += n; return bytes.subarray(at - n, at); };
    const joined = (head, tail) => { const all = new Uint8Array(head.length + tail.length); all.set(head); all.set(tail, head.length); return all; };
    const postings = () => {
      const mode = bytes[at++], impacts = new Map();
      let bits = null, floor = 0, doc = -1;
      if (mode === 1) bits = chunk();
      for (let n = varint(); n > 0; n--) { doc += varint(); impacts.set(doc, bytes[at++]); }
      if (mode === 1) floor = bytes[at++];
      return { impacts, bits, floor };
    };
    const entries = [], byKey = new Map();
    let previous = new Uint8Array(0);
    for (let count = varint(); count > 0; count--) {
      const shared = varint(), keyBytes = joined(previous.subarray(0, shared), chunk());
      previous = keyBytes;
      const entry = { key: text.decode(keyBytes) }, flags = bytes[at++];
      if (flags & 1) { const kept = varint(); entry.stem = text.decode(joined(keyBytes.subarray(0, kept), chunk())); }
      if (flags & 2) { entry.df = varint(); entry.postings = postings(); }
      entries.push(entry); byKey.set(entry.key, entry);
    }
    return { entries, byKey };
  }
  const shardFor = (key) => {
    const target = utf8.encode(key);
    let low = 0, high = meta.shardKeys.length - 1;
    while (low < high) { const mid = (low + high + 1) >> 1; if (compare(meta.shardKeys[mid], target) <= 0) low = mid; else high = mid - 1; }
    return low;
  };
  const shard = (number) => load("s/" + fileName(meta.shards[number]) + ".bin", "arrayBuffer").then(parseShard);
  const entry = async (key) => (await shard(shardFor(key))).byKey.get(key);

  // A term: the stems a query word reaches, each with its postings (a prefix reaches several).
  async function term(word, isPrefix) {
    const number = shardFor(word), found = await shard(number);
    const stems = new Set();
    // A form no article uses is looked up by its other forms (plural, singular, feminine) that
    // some article uses: the index's stem of that form decides, so `hopitaux` finds `hôpital`.
    for (const form of [word, ...otherForms(word)]) {
      const known = form === word ? found.byKey.get(word) : await entry(form).catch(() => null);
      if (known?.stem) { stems.add(known.stem); break; }
    }
    if (isPrefix && [...word].length >= 3) {
      let entries = found.entries, start = entries.findIndex((e) => e.key >= word);
      // The words that begin so go on in the next shard only if its first key begins so too.
      if (number + 1 < meta.shards.length && meta.shards[number + 1].startsWith(word)) { entries = entries.concat((await shard(number + 1)).entries); }
      for (let i = Math.max(start, 0); i < entries.length && entries[i].key.startsWith(word) && stems.size < 40; i++) if (entries[i].stem) stems.add(entries[i].stem);
    }
    const members = (await Promise.all([...stems].map(entry))).filter((e) => e && e.postings);
    return { word, members, df: members.reduce((sum, m) => sum + m.df, 0), suggestions: members.length ? [] : suggest(word, found) };
  }
  function otherForms(w) {
    const forms = [w + "s", w + "e", w + "es", w + "x"];
    if (/aux$/.test(w)) forms.unshift(w.slice(0, -3) + "al", w.slice(0, -3) + "ail", w.slice(0, -1));
    if (/al$/.test(w)) forms.push(w.slice(0, -2) + "aux");
    if (/[sx]$/.test(w)) forms.unshift(w.slice(0, -1));
    if (/es$/.test(w)) forms.push(w.slice(0, -2));
    if (/e$/.test(w)) forms.push(w.slice(0, -1));
    return forms.filter((f) => [...f].length > 1);
  }
  function suggest(word, found) {
    const common = (w) => { let n = 0; while (n < w.length && w[n] === word[n]) n++; return n; };
    return found.entries.filter((e) => e.stem && e.key !== word && common(e.key) >= Math.max(3, word.length - 3))
      .sort((a, b) => common(b.key) - common(a.key) || Math.abs(a.key.length - word.length) - Math.abs(b.key.length - word.length)).slice(0, 3).map((e) => e.key);
  }
  const has = (member, doc) => member.postings.bits ? (member.postings.bits[doc >> 3] >> (doc & 7)) & 1 : member.postings.impacts.has(doc);
  const idf = (df) => Math.log(1 + (meta.articles - df + 0.5) / (df + 0.5));
  // An impact is BM25's term-frequency part (1-127), plus 128 when the word is in the headline, which counts as much again.
  const value = (impact) => (impact & 127) + (impact >> 7) * 127;
  const impact = (m, doc) => m.postings.impacts.get(doc) ?? m.postings.floor;
  const weight = (t, doc) => Math.max(0, ...t.members.filter((m) => has(m, doc)).map((m) => idf(m.df) * value(impact(m, doc))));
  const inHeadline = (t, doc) => t.members.some((m) => has(m, doc) && impact(m, doc) >= 128);
  function docsOf(t) {
    if (!t.members.some((m) => m.postings.bits)) return new Set(t.members.flatMap((m) => [...m.postings.impacts.keys()]));
    const docs = new Set();
    for (let doc = 0; doc < meta.articles; doc++) if (t.members.some((m) => has(m, doc))) docs.add(doc);
    return docs;
  }

  async function search(query, filters, page, typing) {
    const all = split(query), words = all.filter((w) => !stop.has(w));
    if (!all.length && !filters.theme && !filters.annee) return show([], null, page, query, filters);
    if (all.length && !words.length) return say("Les mots « " + all.join(" », « ") + " » sont trop courants pour chercher seuls\u00a0: ajoutez un mot plus précis.");
    const last = query.trimEnd().length === query.length || !typing;
    const terms = await Promise.all(words.map((w, i) => term(w, i === words.length - 1 && last)));
    if (filters.theme) { const tag = await entry("#" + filters.theme); terms.push({ members: tag && tag.postings ? [tag] : [], df: tag ? tag.df : 0, filter: true }); }
    const missing = terms.filter((t) => !t.members.length && !t.filter);
    if (missing.length) return show([], missing, page, query, filters);
    const [driver, ...others] = [...terms].sort((a, b) => a.df - b.df);
    let range = [0, meta.articles];
    if (filters.annee) {
      const at = meta.years.findIndex(([y]) => String(y) === filters.annee);
      range = at < 0 ? [0, 0] : [meta.years[at][1], at + 1 < meta.years.length ? meta.years[at + 1][1] : meta.articles];
    }
    const found = [];
    for (const doc of driver ? docsOf(driver) : Array.from({ length: range[1] - range[0] }, (_, i) => range[0] + i)) {
      if (doc < range[0] || doc >= range[1] || !others.every((t) => t.members.some((m) => has(m, doc)))) continue;
      const words = terms.filter((t) => !t.filter);
      found.push({ doc, headline: words.filter((t) => inHeadline(t, doc)).length, score: words.reduce((sum, t) => sum + weight(t, doc), 0) });
    }
    // Articles whose headline holds more of the query's words first: a common word of the title
    // (a verb in most bodies) weighs little by its rarity, yet it is what tells two headlines apart.
    found.sort((a, b) => b.headline - a.headline || b.score - a.score || b.doc - a.doc);
    return show(found, null, page, query, filters, words);
  }

  const quote = (s) => "«\u00a0" + s + "\u00a0»";
  const say = (message) => { status.textContent = message; list.replaceChildren(); pager.replaceChildren(); };
  async function show(found, missing, page, query, filters, words = []) {
    const scope = (filters.theme ? " dans le thème " + quote(theme.selectedOptions[0]?.text || filters.theme) : "") + (filters.annee ? " en " + filters.annee : "");
    if (missing) {
      say("Aucun résultat pour " + quote(query.trim()) + scope + "\u00a0: aucun article n’emploie " + missing.map((t) => quote(t.word)).join(", ") + ".");
      const ideas = missing.flatMap((t) => t.suggestions.map((s) => split(query).map((w) => (w === t.word ? s : w)).join(" ")));
      if (ideas.length) {
        status.append(" Essayez\u00a0: ");
        ideas.forEach((idea, i) => { const a = link(idea, filters, 1); a.textContent = idea; status.append(i ? ", " : "", a); });
      }
      return;
    }
    if (!query.trim() && !scope) return say("");
    const count = found.length, pages = Math.max(1, Math.ceil(count / perPage));
    page = Math.min(Math.max(1, page), pages);
    const what = query.trim() ? " pour " + quote(query.trim()) : "";
    say(count ? count.toLocaleString("fr-FR") + (count > 1 ? " résultats" : " résultat") + what + scope + (pages > 1 ? ", page " + page + " sur " + pages : "") + "."
      : "Aucun résultat" + what + scope + ".");
    const shown = found.slice((page - 1) * perPage, page * perPage);
    const records = await Promise.all(shown.map(({ doc }) => load("r/" + Math.floor(doc / meta.recordsPerFile) + ".json", "json").then((r) => r[doc % meta.recordsPerFile])));
    const stems = await Promise.all(words.map(async (w) => { const e = await entry(w).catch(() => null); return e?.stem || w; }));
    const marks = (value) => {
      const out = document.createDocumentFragment();
      for (const piece of value.split(/([\p{L}\p{N}\p{M}]+)/u)) {
        const f = fold(piece), hit = piece && stems.some((s, i) => f === s || (s.length > 2 && f.startsWith(s)) || f.startsWith(words[i]));
        if (hit) { const m = document.createElement("mark"); m.textContent = piece; out.append(m); } else out.append(piece);
      }
      return out;
    };
    list.replaceChildren(...records.map((record) => {
      const item = document.createElement("li"), title = document.createElement("h2"), a = document.createElement("a");
      a.href = root + record.u; a.append(marks(record.t)); title.append(a);
      const line = document.createElement("p"); line.className = "dateline"; line.textContent = record.d + (record.g.length ? " · " + record.g.join(", ") : "");
      const excerpt = document.createElement("p"); excerpt.append(marks(record.e));
      item.append(title, line, excerpt);
      return item;
    }));
    list.start = (page - 1) * perPage + 1;
    if (pages > 1) {
      if (page > 1) { const a = link(query, filters, page - 1); a.textContent = "← Résultats précédents"; a.rel = "prev"; pager.append(a, " "); }
      if (page < pages) { const a = link(query, filters, page + 1); a.textContent = "Résultats suivants →"; a.rel = "next"; pager.append(a); }
    }
  }
  function address(query, filters, page) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (filters.theme) params.set("theme", filters.theme);
    if (filters.annee) params.set("annee", filters.annee);
    if (page > 1) params.set("page", page);
    return "?" + params;
  }
  function link(query, filters, page) {
    const a = document.createElement("a");
    a.href = address(query, filters, page);
    a.addEventListener("click", (event) => { event.preventDefault(); run(query, filters, page, false, true); field.value = query; field.focus(); });
    return a;
  }

  let latest = 0;
  async function run(query, filters, page, typing, push) {
    const ticket = ++latest;
    history[push ? "pushState" : "replaceState"](null, "", address(query, filters, page));
    try {
      meta = meta || await load("meta.json", "json").then((m) => ({ ...m, shardKeys: m.shards.map((k) => utf8.encode(k)) }));
      stop = stop || new Set(meta.stopWords);
      if (ticket === latest) await search(query, filters, page, typing);
    } catch (error) {
      say("La recherche est indisponible pour le moment (index introuvable). Les archives restent accessibles.");
    }
  }
  const filters = () => ({ theme: theme.value, annee: year.value });
  let timer;
  field.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(field.value, filters(), 1, true, false), 120); });
  form.addEventListener("change", (event) => { if (event.target !== field) run(field.value, filters(), 1, false, false); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(field.value, filters(), 1, false, true); });
  // Arrows move between the field and the results; Escape comes back to the field.
  document.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")], at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === field || at >= 0) && links.length) { event.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at ? links[at - 1] : field).focus(); }
    else if (event.key === "Escape" && at >= 0) field.focus();
  });
  const start = () => {
    const params = new URLSearchParams(location.search);
    field.value = params.get("q") || "";
    theme.value = params.get("theme") || "";
    year.value = params.get("annee") || "";
    if (field.value || theme.value || year.value) run(field.value, filters(), Number(params.get("page")) || 1, false, false);
  };
  window.addEventListener("popstate", start);
  start();
})();
