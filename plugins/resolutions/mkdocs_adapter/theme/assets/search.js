/*
 * The site's search (docs/search.md): a box in Material's header on every page and the search page
 * (search/?q=...&body=...&sort=newest, a shareable URL).
 *
 * A query is answered in two steps, shown together:
 * 1. the symbol lookup (search-symbols/, written by data/search_records.py): when the query is a symbol or a
 *    number in any spelling ("51/148", "a/res/51/148", "res 51/148", "S/RES/1325 (2000)", "1325",
 *    "decision 75/403"), its document comes first;
 * 2. Pagefind (pagefind/, its script and index built during the build): ranked full-text results with filters
 *    (body, session, year, agenda item, kind, vote), sorting by date, phrase queries in quotes. Each result
 *    links to the paragraph where the matched words are densest (the records mark every paragraph with an
 *    empty element carrying its anchor) and shows those words with the matches highlighted.
 * Plain JavaScript; Pagefind's script is loaded on the first keystroke. Text is inserted with textContent
 * only (highlights are built as <mark> elements), never as HTML.
 */
(function (root) {
  "use strict";

  var SYMBOLS = "search-symbols/";
  var PAGEFIND = "pagefind/pagefind.js";
  var PAGE_SIZE = 10;
  var BOX_SIZE = 5;
  var TYPING_PAUSE_MS = 200;
  var EXCERPT_WORDS = 30;
  var EXCERPT_BEFORE = 8;  // words shown before the first match of an excerpt
  var FILTERS = ["body", "session", "year", "agenda item", "kind", "vote"];
  var FILTER_LABELS = { "body": "Body", "session": "Session", "year": "Year", "agenda item": "Agenda item",
                        "kind": "Kind", "vote": "Vote" };
  // Words a reader may put before a symbol: "res 51/148", "decision 75/403", "ECOSOC resolution 2022/3".
  var SYMBOL_WORDS = new Set(["resolution", "resolutions", "res", "res.", "decision", "decisions", "dec", "dec.",
    "ecosoc", "ga", "sc", "general", "assembly", "security", "council", "economic", "and", "social", "no", "no.",
    "number", "un", "document", "symbol"]);

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /* The lookup key of a query, or "" when it is not a symbol (search_records.lookup_key for the index). */
  function lookupKey(query) {
    var words = fold(query).trim().split(/\s+/);
    while (words.length > 1 && SYMBOL_WORDS.has(words[0]) && !/\d/.test(words[0])) words.shift();
    var key = words.join("").replace(/[.,;:]+$/, "");
    return /\d/.test(key) && /^[\p{L}\p{N}/().\-]+$/u.test(key) ? key : "";
  }

  /* 32-bit FNV-1a of the key's characters (search_records.shard_of). */
  function shardOf(key, shards) {
    var value = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      value ^= key.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % shards;
  }

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* not Material: use "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  var ROOT = siteRoot();
  var cache = new Map();

  function fetchJson(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path, ROOT)).then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () { return null; }));
    }
    return cache.get(path);
  }

  /* Results of the symbol lookup: [{url, symbol, title, date}], the document whose symbol it is first. */
  function symbolHits(query) {
    var key = lookupKey(query);
    if (!key) return Promise.resolve([]);
    return fetchJson(SYMBOLS + "shards.json").then(function (meta) {
      if (!meta) return [];
      return fetchJson(SYMBOLS + shardOf(key, meta.shards) + ".json").then(function (shard) {
        return ((shard && shard[key]) || []).map(function (entry) {
          return { url: new URL(entry[0], ROOT).href, symbol: entry[1], title: entry[2], date: entry[3],
                   where: "", excerpt: null };
        });
      });
    });
  }

  var pagefindReady = null;
  function pagefind() {
    if (!pagefindReady) {
      pagefindReady = import(new URL(PAGEFIND, ROOT).href).then(function (module) {
        return Promise.resolve(module.options({ excerptLength: EXCERPT_WORDS, baseUrl: ROOT.pathname }))
          .then(function () { module.init(); return module; });
      });
    }
    return pagefindReady;
  }

  /* The anchor region holding most of the query's words (then most matches), and an excerpt of it with the
     matches marked, from where most of those words stand together: for women peace security, the paragraph and
     the words that say "women, peace and security", rather than "Security Council" and "peace and security". */
  function bestPlace(data, words) {
    var anchors = (data.anchors || []).filter(function (a) { return a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var hits = matchedTerms(data, words);
    var regionOf = function (location) {
      var found = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= location; i++) found = anchors[i];
      return found;
    };
    var regions = new Map();
    hits.forEach(function (hit) {
      var anchor = regionOf(hit.at);
      var id = anchor ? anchor.id : "";
      if (!regions.has(id)) regions.set(id, { anchor: anchor, hits: [] });
      regions.get(id).hits.push(hit);
    });
    var best = { anchor: null, score: [0, 0], first: hits.length ? hits[0].at : 0 };
    regions.forEach(function (region) {  // in the order of their first match: the earlier wins a tie
      var score = [new Set(region.hits.map(function (hit) { return hit.term; }).filter(function (term) {
        return term >= 0; })).size, region.hits.length];
      if (score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) {
        best = { anchor: region.anchor, score: score, first: densestStart(region.hits) };
      }
    });
    var content = (data.content || "").split(/\s+/);
    var start = Math.max(best.anchor ? best.anchor.location : 0, best.first - EXCERPT_BEFORE);
    var marked = new Set(hits.map(function (hit) { return hit.at; }));
    var excerpt = [];
    for (var i = start; i < Math.min(content.length, start + EXCERPT_WORDS); i++) {
      excerpt.push({ text: content[i], mark: marked.has(i) });
    }
    return { anchor: best.anchor ? best.anchor.id : "", excerpt: excerpt, more: start + EXCERPT_WORDS < content.length,
             before: start > 0 };
  }

  /* The position of the match from which an excerpt shows most of the query's words, then most matches (the
     earliest such): each match is tried as the first one shown, with the words that fit after it. */
  function densestStart(hits) {
    var bestAt = hits[0].at, bestScore = [-1, -1];
    for (var i = 0; i < hits.length; i++) {
      var terms = new Set(), count = 0;
      for (var j = i; j < hits.length && hits[j].at < hits[i].at + EXCERPT_WORDS - EXCERPT_BEFORE; j++) {
        if (hits[j].term >= 0) terms.add(hits[j].term);
        count += 1;
      }
      if (terms.size > bestScore[0] || (terms.size === bestScore[0] && count > bestScore[1])) {
        bestAt = hits[i].at;
        bestScore = [terms.size, count];
      }
    }
    return bestAt;
  }

  function paragraphLabel(anchor) {
    var match = /(?:^|-)(pp|para|fn)-(.+)$/.exec(anchor || "");
    if (!match) return "";
    var kind = { pp: "preamble, para. ", para: "para. ", fn: "footnote " }[match[1]];
    return kind + match[2].replace(/-/g, " ");
  }

  function pagefindHit(data, words) {
    var place = bestPlace(data, words);
    var url = new URL(data.url, location.href);
    if (place.anchor) url.hash = place.anchor;
    return { url: url.href, symbol: (data.meta || {}).symbol || "", title: (data.meta || {}).title || "",
             date: (data.meta || {}).date || "", where: paragraphLabel(place.anchor), excerpt: place };
  }

  /* A search: symbol hits, then Pagefind's results in pages of `size`; more() loads the next page. */
  function Search(query, filters, sort) {
    this.query = query;
    this.filters = filters || {};
    this.sort = sort || null;
    this.results = null;
    this.partial = null; // when results lack words of the query: {some, missing, filtered, unordered}
    this.missing = null; // when Pagefind ranked the other words: a function giving (a promise of) the words no text has
    this.shown = 0;
    this.symbols = [];
    this.symbolsShown = false;
    this.deferred = false; // symbol hits shown, the text search not yet run
  }

  /* symbolsFirst: when the query is a known symbol, answer with the lookup alone (a few KB) and load
     Pagefind (about 100 KB, plus its page list and index chunks growing with the collection) only when more()
     asks for the text results ("More results" on the search page). */
  Search.prototype.start = function (size, symbolsFirst) {
    var self = this;
    var symbols = symbolHits(self.query);
    var fullText = (symbolsFirst ? symbols : Promise.resolve([])).then(function (found) {
      if (found.length) { self.deferred = true; return { results: [] }; }
      return self.fullText();
    });
    return Promise.all([symbols, fullText]).then(function (answers) {
      self.symbols = Object.keys(self.filters).length ? [] : answers[0];
      self.take(answers[1]);
      return self.more(size);
    });
  };

  /* Once the words no text has are known: calls `show` (with the search's new partial note) when there are some. */
  Search.prototype.whenMissingKnown = function (show) {
    var self = this;
    if (!self.missing) return;
    self.missing().then(function (missing) {
      if (!missing.length || !self.total) return;
      self.partial = { missing: missing, filtered: false };
      show();
    });
  };

  Search.prototype.take = function (answer) {
    this.results = (answer && answer.results) || [];
    this.partial = (answer && answer.partial) || null;
    this.total = this.results.length;
  };

  Search.prototype.fullText = function () {
    var self = this;
    var options = { filters: self.filters };
    if (self.sort) options.sort = { date: self.sort };
    var query = withoutStopWords(self.query);
    var words = query.indexOf('"') >= 0 ? [] : query.split(/\s+/).filter(Boolean);
    return pagefind().then(function (module) {
      return module.search(query, options).then(function (answer) {
        if (words.length < 2) return answer;
        if (answer.results.length) {  // Pagefind left out, without saying so, any word no text has
          self.missing = function () { return wordsNoTextHas(module, words); };  // after the results are shown
          return answer;
        }
        // No page has every word: each word searched alone, on the index chunks the query has loaded.
        return Promise.all(words.map(function (word) { return module.search(word, options); })).then(function (alone) {
          return { results: someOfTheWords(alone), partial: {
            some: true, unordered: !!options.sort, filtered: Object.keys(self.filters).length > 0,
            missing: words.filter(function (word, index) { return !alone[index].results.length; }) } };
        });
      });
    });
  };

  var NO_PAGE = { kind: "(a value no page has)" };
  /* The words of `words` no text has, asked once the results are shown. Under a filter no page has, Pagefind
     counts a word's pages (unfilteredResultCount) without ranking them: at 20,000 resolutions 0.1-0.5 s a
     common word, where ranking them takes 1.5-2 s. */
  function wordsNoTextHas(module, words) {
    return Promise.all(words.map(function (word) { return module.search(word, { filters: NO_PAGE }); }))
      .then(function (counts) { return words.filter(function (word, index) { return !counts[index].unfilteredResultCount; }); })
      .catch(function () { return []; });
  }

  /* No resolution has every word of the query: rather than nothing, those with most of the words, each group by
     relevance (the sum of its words' scores). Not in a chosen order: each word's results come in date order, but
     Pagefind gives no date to compare results of different words by short of loading every result's fragment
     (and a search without words, which would give the order of every page, loads every index chunk). */
  function someOfTheWords(alone) {
    var found = new Map();
    alone.forEach(function (answer) {
      answer.results.forEach(function (result) {
        var entry = found.get(result.id) || { result: result, words: 0, score: 0 };
        entry.words += 1;
        entry.score += result.score || 0;
        found.set(result.id, entry);
      });
    });
    return Array.from(found.values())
      .sort(function (a, b) { return b.words - a.words || b.score - a.score; })
      .map(function (entry) { return entry.result; });
  }

  /* The query Pagefind is given: without "of", "the", "and"... unless it has a phrase in quotes. Pagefind would
     download the index chunk of each, which holds every position of the word in every page (measured at 5,000
     resolutions: "rights of the child" 926 KB before the first result, "rights child" 283 KB), for words found
     in every resolution, which neither narrow nor reorder the results. */
  function withoutStopWords(query) {
    if (query.indexOf('"') >= 0) return query;
    var kept = query.split(/\s+/).filter(function (word) {
      return word && !STOP_WORDS.has(fold(word).replace(/[^\p{L}\p{N}]/gu, ""));
    });
    return kept.length ? kept.join(" ") : query;
  }

  Search.prototype.more = function (size) {
    var self = this;
    if (self.deferred && self.symbolsShown) {  // the symbol's documents are shown: now the text results
      self.deferred = false;
      return self.fullText().then(function (answer) {
        self.take(answer);
        return self.more(size);
      });
    }
    var seen = new Set(self.symbols.map(function (hit) { return hit.url.split("#")[0]; }));
    var firstPage = self.shown === 0;
    var withSymbols = !self.symbolsShown;
    self.symbolsShown = true;
    var slice = self.results.slice(self.shown, self.shown + size);
    self.shown += slice.length;
    return Promise.all(slice.map(function (result) { return result.data(); })).then(function (datas) {
      if (firstPage) datas = byProximity(datas, self.query);
      var words = queryWords(self.query);
      var hits = datas.map(function (data) { return pagefindHit(data, words); })
        .filter(function (hit) { return !seen.has(hit.url.split("#")[0]); });
      return (withSymbols ? self.symbols : []).concat(hits);
    });
  };

  var STOP_WORDS = new Set(["a", "an", "and", "of", "the", "in", "on", "to", "for", "by", "with", "or"]);

  function queryWords(query) {
    return Array.from(new Set((fold(query).match(/[\p{L}\p{N}]+/gu) || []).filter(function (word) {
      return !STOP_WORDS.has(word);
    })));
  }

  /* Each word Pagefind matched in a result, in text order: its position and which of the query's words it is
     (the index in `words`; -1 for a form that does not start with it, as Pagefind matches stems). */
  function matchedTerms(data, words) {
    var content = (data.content || "").split(/\s+/);
    return (data.locations || []).map(function (location) {
      var word = fold(content[location] || "").replace(/^[^\p{L}\p{N}]+/u, "");
      return { at: location, term: words.findIndex(function (w) { return word.indexOf(w) === 0; }) };
    }).sort(function (a, b) { return a.at - b.at; });
  }

  /* Pagefind ranks words one by one; among the results already loaded, those with every word of a
     multi-word query close together ("women, peace and security" for women peace security) come first,
     then those with every word, each group in Pagefind's order. Phrase queries are Pagefind's own. */
  function byProximity(datas, query) {
    var words = queryWords(query);
    if (words.length < 2 || query.indexOf('"') >= 0) return datas;
    function tier(data) {
      var found = matchedTerms(data, words).filter(function (hit) { return hit.term >= 0; });
      if (new Set(found.map(function (hit) { return hit.term; })).size < words.length) return 2;
      var last = new Map(), narrowest = Infinity;
      found.forEach(function (hit) {
        last.set(hit.term, hit.at);
        if (last.size === words.length) narrowest = Math.min(narrowest, hit.at - Math.min.apply(null, Array.from(last.values())));
      });
      return narrowest <= 2 * words.length ? 0 : 1;
    }
    return datas.map(function (data, index) { return { data: data, tier: tier(data), index: index }; })
      .sort(function (a, b) { return a.tier - b.tier || a.index - b.index; })
      .map(function (entry) { return entry.data; });
  }

  Search.prototype.hasMore = function () {
    return !!this.deferred || (!!this.results && this.shown < this.results.length);
  };

  /* ------------------------------------------------------------------------------------ rendering ---- */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function renderHit(hit, withExcerpt) {
    var item = element("li");
    var link = element("a", "res-search__hit");
    link.href = hit.url;
    link.appendChild(element("span", "res-search__symbol", hit.symbol + (hit.date ? " \u00b7 " + hit.date : "")));
    link.appendChild(element("span", "res-search__title", hit.title));
    if (hit.where) link.appendChild(element("span", "res-search__where", hit.where));
    if (withExcerpt && hit.excerpt && hit.excerpt.excerpt.length) {
      var excerpt = element("span", "res-search__excerpt");
      if (hit.excerpt.before) excerpt.appendChild(document.createTextNode("\u2026 "));
      hit.excerpt.excerpt.forEach(function (word, index) {
        if (index) excerpt.appendChild(document.createTextNode(" "));
        excerpt.appendChild(word.mark ? element("mark", "", word.text) : document.createTextNode(word.text));
      });
      if (hit.excerpt.more) excerpt.appendChild(document.createTextNode(" \u2026"));
      link.appendChild(excerpt);
    }
    item.appendChild(link);
    return item;
  }

  function renderNone(list, query) {
    list.appendChild(element("li", "res-search__none", "No resolution matches \u201c" + query + "\u201d."));
  }

  /* What a reader is told when the results do not have every word of the query, after "N results" or
     "Results": "with some of the words", "for the other words; no text has “zyx”". */
  function partialNote(partial) {
    var missing = partial.missing.length ? "; no text" + (partial.filtered ? " matching the filters" : "") + " has " +
      partial.missing.map(function (word) { return "\u201c" + word + "\u201d"; }).join(" or ") : "";
    if (!partial.some) return "for the other words" + missing;
    return "with some of the words" + missing + (partial.unordered ? "; best matches first, not by date" : "");
  }

  function searchPageUrl(query, filters, sort) {
    var url = new URL("search/", ROOT);
    if (query) url.searchParams.set("q", query);
    Object.keys(filters || {}).forEach(function (name) { url.searchParams.set(name, filters[name]); });
    if (sort) url.searchParams.set("sort", sort === "desc" ? "newest" : "oldest");
    return url.href;
  }

  /* Arrow keys move through a list of result links; Escape closes it. */
  function listKeys(input, list, close) {
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    function onKey(event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && all.length) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === "ArrowUp" && all.length) {
        event.preventDefault();
        if (at <= 0) input.focus(); else all[at - 1].focus();
      } else if (event.key === "Escape" && close) {
        close();
        input.focus();
      }
    }
    input.addEventListener("keydown", onKey);
    list.addEventListener("keydown", onKey);
  }

  /* ------------------------------------------------------------------------------------ header box ---- */

  function mountHeaderBox() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".res-search")) return;
    var form = element("form", "res-search");
    form.setAttribute("role", "search");
    form.action = searchPageUrl("");
    form.method = "get";
    var input = element("input", "res-search__input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "Search 51/148 or words";
    input.setAttribute("aria-label", "Search resolutions");
    input.autocomplete = "off";
    var list = element("ol", "res-search__results");
    list.hidden = true;
    list.setAttribute("aria-live", "polite");
    form.appendChild(input);
    form.appendChild(list);
    inner.insertBefore(form, inner.querySelector(".md-header__source"));

    var generation = 0;
    var pending = 0;
    function close() { list.hidden = true; }
    // Each search loads the fragments of the results it shows: wait for a pause in the typing.
    input.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(searchNow, TYPING_PAUSE_MS);
    });
    function searchNow() {
      var query = input.value.trim();
      var mine = ++generation;
      if (!query) { close(); return; }
      var search = new Search(query);
      search.start(BOX_SIZE, true).then(function (hits) {
        if (mine !== generation) return; // a newer keystroke has its own results
        list.textContent = "";
        if (!hits.length) renderNone(list, query);
        var note = element("li", "res-search__none");
        function showNote() { note.textContent = "Results " + partialNote(search.partial) + ":"; list.insertBefore(note, list.firstChild); }
        if (hits.length && search.partial) showNote();
        search.whenMissingKnown(function () { if (mine === generation) showNote(); });
        hits.slice(0, BOX_SIZE).forEach(function (hit) { list.appendChild(renderHit(hit, false)); });
        var all = element("li");
        var link = element("a", "res-search__hit res-search__all", "All results for \u201c" + query + "\u201d");
        link.href = searchPageUrl(query);
        all.appendChild(link);
        list.appendChild(all);
        list.hidden = false;
      });
    }
    listKeys(input, list, close);
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target || {}).tagName || "");
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  /* ----------------------------------------------------------------------------------- search page ---- */

  function mountSearchPage() {
    var page = document.querySelector("[data-res-search-page]");
    if (!page || page.dataset.mounted) return;
    page.dataset.mounted = "1";
    var form = page.querySelector("form");
    var input = page.querySelector("input[name=q]");
    var list = page.querySelector("ol");
    var status = page.querySelector("[data-res-search-status]");
    var moreButton = page.querySelector("[data-res-search-more]");
    var sortSelect = page.querySelector("select[name=sort]");
    var filterBox = page.querySelector("[data-res-search-filters]");
    var params = new URL(location.href).searchParams;
    var chosen = {};
    FILTERS.forEach(function (name) { if (params.get(name)) chosen[name] = params.get(name); });
    var sortParam = params.get("sort");
    var options = page.querySelector("[data-res-search-options]");
    // Folded unless the shared URL chose a filter or an order: the filters' values are downloaded (tens of KB
    // for a large collection) only when a reader opens them.
    options.open = Object.keys(chosen).length > 0 || !!sortParam;
    sortSelect.value = sortParam === "newest" ? "desc" : sortParam === "oldest" ? "asc" : "";
    input.value = params.get("q") || "";
    var current = null;
    var selects = {};

    function filtersNow() {
      var filters = {};
      Object.keys(selects).forEach(function (name) { if (selects[name].value) filters[name] = selects[name].value; });
      Object.keys(chosen).forEach(function (name) { if (!selects[name]) filters[name] = chosen[name]; });
      return filters;
    }

    function buildFilters(counts) {
      FILTERS.forEach(function (name) {
        var values = Object.keys((counts || {})[name] || {});
        if (!values.length || selects[name]) return;
        var label = element("label", "res-search-page__filter");
        label.appendChild(element("span", "", FILTER_LABELS[name]));
        var select = element("select");
        select.name = name;
        var any = element("option", "", "Any");
        any.value = "";
        select.appendChild(any);
        values.sort(function (a, b) { return name === "year" ? b.localeCompare(a) : a.localeCompare(b, undefined, { numeric: true }); })
          .forEach(function (value) {
            var option = element("option", "", value);
            option.value = value;
            select.appendChild(option);
          });
        select.value = chosen[name] || "";
        select.addEventListener("change", function () { chosen[name] = select.value; run(); });
        selects[name] = select;
        label.appendChild(select);
        filterBox.appendChild(label);
      });
      filterBox.hidden = !Object.keys(selects).length;
    }

    function show(hits, search, append) {
      if (!append) list.textContent = "";
      if (!hits.length && !append) renderNone(list, search.query);
      hits.forEach(function (hit) { list.appendChild(renderHit(hit, true)); });
      showStatus(search);
      moreButton.hidden = !search.hasMore();
    }

    function showStatus(search) {
      var total = search.symbols.length + search.total;
      var counted = total === 1 ? "1 result" : total ? total + " results" : "No results";
      if (search.deferred) counted += " for this symbol. \u201cMore results\u201d also searches the text.";
      else if (search.partial && total) counted += " " + partialNote(search.partial) + ".";
      status.textContent = counted;
    }

    function run() {
      var query = input.value.trim();
      var filters = filtersNow();
      var sort = sortSelect.value || null;
      history.replaceState(null, "", searchPageUrl(query, filters, sort));
      if (!query) {
        list.textContent = ""; status.textContent = ""; moreButton.hidden = true; current = null;
        return;
      }
      var search = current = new Search(query, filters, sort);
      status.textContent = "Searching\u2026";
      search.start(PAGE_SIZE, !Object.keys(filters).length && !sort).then(function (hits) {
        if (search !== current) return;
        show(hits, search, false);
        search.whenMissingKnown(function () { if (search === current) showStatus(search); });
      }).catch(function () {
        if (search !== current) return;
        status.textContent = "The search index could not be loaded. The indexes of resolutions, sessions and agenda items still work.";
      });
    }

    var pending = 0;
    input.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(run, TYPING_PAUSE_MS);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(pending); run(); });
    sortSelect.addEventListener("change", run);
    moreButton.addEventListener("click", function () {
      var search = current;
      if (!search) return;
      var firstNew = list.children.length;
      search.more(PAGE_SIZE).then(function (hits) {
        if (search !== current) return;
        show(hits, search, true);
        var link = list.children[firstNew] && list.children[firstNew].querySelector("a");
        if (link) link.focus(); // keyboard readers continue where the new results start
      });
    });
    function loadFilters() {
      if (!options.open || Object.keys(selects).length) return;
      pagefind().then(function (module) { return module.filters(); }).then(buildFilters).catch(function () {});
    }
    options.addEventListener("toggle", loadFilters);
    loadFilters();
    run();
  }

  function mount() { mountHeaderBox(); mountSearchPage(); }
  root.ResolutionsSearch = { lookupKey: lookupKey, shardOf: shardOf };
  // Material's instant navigation swaps the page without reloading scripts: re-mount on each page.
  if (root.document$ && typeof root.document$.subscribe === "function") root.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})(window);
