/*
 * Search over the compact, chunked index written by resolutions/search_index.py (see docs/search.md).
 *
 * A query downloads the small manifest, one term shard per word (two at most for the word being typed) and
 * the document chunks of the results it shows: a few dozen KB, whatever the size of the collection.
 * The ranking mirrors IndexClient.search in search_index.py, which the tests compare against this file.
 *
 * UI: a search box added to Material's header (Material's own search plugin is not used: its index is
 * 187 MB at 20,000 pages), a drop-down of the best results as you type, and the full list on the search
 * page (search/?q=...). Plain JavaScript, no dependencies; text is inserted with textContent only.
 */
(function (root) {
  "use strict";

  var INDEX_FOLDER = "search-index/";
  var FORMAT_VERSION = 1;
  var TRIM = ".,;:!?\"'()[]{}";
  var TRIM_RIGHT = ".,;:!?\"'(]}";
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function trimRight(chunk, chars) {
    var end = chunk.length;
    while (end > 0 && chars.indexOf(chunk[end - 1]) >= 0) end--;
    return chunk.slice(0, end);
  }

  function trimLeft(chunk, chars) {
    var start = 0;
    while (start < chunk.length && chars.indexOf(chunk[start]) >= 0) start++;
    return chunk.slice(start);
  }

  function queryTerms(query, stopWords) {
    var folded = fold(query).replace(/\s+\(/g, "(");
    var terms = [];
    folded.split(/\s+/).forEach(function (chunk) {
      chunk = trimRight(trimLeft(chunk, TRIM), TRIM_RIGHT);
      // A closing parenthesis is kept only when it closes "1325(2000)".
      if (chunk.endsWith(")") && chunk.indexOf("(") < 0) chunk = trimRight(chunk, TRIM);
      if (!chunk) return;
      if ((chunk.indexOf("/") >= 0 && /\d/.test(chunk)) || /^\d+[a-z]?\(/.test(chunk)) {
        terms.push(chunk);
      } else {
        (chunk.match(WORD) || []).forEach(function (word) {
          if (!stopWords.has(word)) terms.push(word);
        });
      }
    });
    return terms;
  }

  function bisectRight(sorted, value) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (value < sorted[middle]) high = middle; else low = middle + 1;
    }
    return low;
  }

  function decodePostings(flat) {
    var decoded = new Map();
    var number = 0;
    for (var position = 1; position < flat.length; position += 3) {
      number += flat[position];
      decoded.set(number, [flat[position + 1], flat[position + 2]]);
    }
    return decoded;
  }

  /* The index client: fetchJson(name) returns a Promise of the parsed file (or null when absent). */
  function IndexClient(fetchJson) {
    this.fetchJson = fetchJson;
    this.cache = new Map();
  }

  IndexClient.prototype.load = function (name) {
    if (!this.cache.has(name)) this.cache.set(name, this.fetchJson(name));
    return this.cache.get(name);
  };

  IndexClient.prototype.matches = function (manifest, term, prefix) {
    var starts = manifest.shards;
    var first = Math.max(0, bisectRight(starts, term) - 1);
    var shardNumbers = [first];
    if (prefix) {
      var last = Math.max(first, bisectRight(starts, term + "\uffff") - 1);
      last = Math.min(last, first + manifest.prefixShards - 1);
      shardNumbers = [];
      for (var n = first; n <= last; n++) shardNumbers.push(n);
    }
    var self = this;
    return Promise.all(shardNumbers.map(function (n) { return self.load("t/" + n + ".json"); }))
      .then(function (shards) {
        var matches = new Map();
        var expanded = 0;
        shards.forEach(function (shard) {
          if (!shard) return;
          var candidates = prefix ? Object.keys(shard).sort(compareCodePoints) : [term];
          for (var i = 0; i < candidates.length; i++) {
            var candidate = candidates[i];
            if (!Object.prototype.hasOwnProperty.call(shard, candidate) || !candidate.startsWith(term)) continue;
            if (candidate !== term) {
              if (expanded >= manifest.prefixTerms) break;
              expanded++;
            }
            var weight = candidate === term ? 1.0 : 0.5;
            decodePostings(shard[candidate]).forEach(function (value, number) {
              var score = value[0] * weight;
              var previous = matches.get(number);
              if (!previous || score > previous[0]) matches.set(number, [score, value[1]]);
            });
          }
        });
        return matches;
      });
  };

  function compareCodePoints(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* Results of a query, best first: [{url, symbol, title, date, score}] (url relative to the site root). */
  IndexClient.prototype.search = function (query, limit) {
    var self = this;
    return this.load("manifest.json").then(function (manifest) {
      if (!manifest || manifest.version !== FORMAT_VERSION) return [];
      var terms = queryTerms(query, new Set(manifest.stop));
      if (!terms.length) return [];
      limit = limit || manifest.shown;
      return Promise.all(terms.map(function (term, position) {
        return self.matches(manifest, term, position === terms.length - 1);
      })).then(function (perTerm) {
        var totals = new Map();
        perTerm.forEach(function (matches) {
          matches.forEach(function (value, number) {
            var slot = totals.get(number);
            if (!slot) { slot = [0, 0, value[1]]; totals.set(number, slot); }
            slot[0] += 1;
            slot[1] += value[0];
            if (!slot[2]) slot[2] = value[1];
          });
        });
        var ranked = Array.from(totals.entries()).sort(function (a, b) {
          return (b[1][0] - a[1][0]) || (b[1][1] - a[1][1]) || (a[0] - b[0]);
        }).slice(0, limit);
        return Promise.all(ranked.map(function (entry) {
          return self.load("d/" + Math.floor(entry[0] / manifest.chunk) + ".json").then(function (chunk) {
            var doc = chunk[entry[0] % manifest.chunk];
            var anchor = entry[1][2];
            return { url: doc[0] + (anchor ? "#" + anchor : ""), symbol: doc[1], title: doc[2], date: doc[3],
                     score: entry[1][1], total: totals.size };
          });
        }));
      });
    });
  };

  var api = { IndexClient: IndexClient, queryTerms: queryTerms, fold: fold };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  root.ResolutionsSearch = api;

  /* ---------------------------------------------------------------- browser UI ---------------------- */

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* not Material: use "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  var ROOT = siteRoot();
  var client = new IndexClient(function (name) {
    return fetch(new URL(INDEX_FOLDER + name, ROOT)).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; });
  });

  function paragraphLabel(url) {
    var anchor = url.split("#")[1] || "";
    var match = /(?:^|-)(pp|para|fn)-(.+)$/.exec(anchor);
    if (!match) return "";
    var kind = { pp: "preamble, para. ", para: "para. ", fn: "footnote " }[match[1]];
    return kind + match[2].replace(/-/g, " ");
  }

  function renderResults(list, hits, query) {
    list.textContent = "";
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "res-search__none";
      none.textContent = query ? "No resolution matches \u201c" + query + "\u201d." : "";
      list.appendChild(none);
      return;
    }
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(hit.url, ROOT).href;
      link.className = "res-search__hit";
      var symbol = document.createElement("span");
      symbol.className = "res-search__symbol";
      symbol.textContent = hit.symbol + (hit.date ? " \u00b7 " + hit.date : "");
      var title = document.createElement("span");
      title.className = "res-search__title";
      title.textContent = hit.title;
      link.appendChild(symbol);
      link.appendChild(title);
      var where = paragraphLabel(hit.url);
      if (where) {
        var place = document.createElement("span");
        place.className = "res-search__where";
        place.textContent = where;
        link.appendChild(place);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function searchPageUrl(query) {
    var url = new URL("search/", ROOT);
    if (query) url.searchParams.set("q", query);
    return url.href;
  }

  /* The header box: a form (it works without the drop-down: Enter opens the search page). */
  function mountHeaderBox() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".res-search")) return;
    var form = document.createElement("form");
    form.className = "res-search";
    form.setAttribute("role", "search");
    form.action = searchPageUrl("");
    form.method = "get";
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.className = "res-search__input";
    input.placeholder = "Search 51/148 or words";
    input.setAttribute("aria-label", "Search resolutions");
    input.autocomplete = "off";
    var list = document.createElement("ol");
    list.className = "res-search__results";
    list.hidden = true;
    list.setAttribute("aria-live", "polite");
    form.appendChild(input);
    form.appendChild(list);
    var source = inner.querySelector(".md-header__source");
    inner.insertBefore(form, source);

    var generation = 0;
    input.addEventListener("input", function () {
      var query = input.value.trim();
      var mine = ++generation;
      if (!query) { list.hidden = true; return; }
      client.search(query, 8).then(function (hits) {
        if (mine !== generation) return; // a newer keystroke has its own results
        renderResults(list, hits, query);
        list.hidden = false;
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { list.hidden = true; input.blur(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) list.hidden = true;
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target || {}).tagName || "");
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  /* The search page: results for ?q= and as you type. */
  function mountSearchPage() {
    var page = document.querySelector("[data-res-search-page]");
    if (!page) return;
    var input = page.querySelector("input");
    var list = page.querySelector("ol");
    var status = page.querySelector("[data-res-search-status]");
    function run() {
      var query = input.value.trim();
      history.replaceState(null, "", searchPageUrl(query));
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      client.search(query, 50).then(function (hits) {
        if (input.value.trim() !== query) return;
        renderResults(list, hits, query);
        status.textContent = hits.length === 1 ? "1 result"
          : hits.length ? hits.length + (hits.length === 50 ? "+" : "") + " results" : "";
      });
    }
    input.value = new URL(location.href).searchParams.get("q") || "";
    input.addEventListener("input", run);
    page.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); run(); });
    run();
  }

  function mount() { mountHeaderBox(); mountSearchPage(); }
  // Material's instant navigation swaps the page without reloading scripts: re-mount on each page.
  if (root.document$ && typeof root.document$.subscribe === "function") root.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})(typeof window !== "undefined" ? window : globalThis);
