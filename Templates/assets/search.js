// Search without a server: the index under /search/ is written by the build (BroadsheetSearch);
// this script splits the query exactly as the build split the text (SearchTokenizer.swift),
// fetches only the shards of the query's words and the packs of the entries it shows, and
// ranks by field. Packs are zlib, inflated by DecompressionStream: a browser without it (very
// old ones) gets the "could not be loaded" message, and one with it also has arrow functions.
(function () {
  "use strict";
  var CJK = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}";
  var SEGMENT = new RegExp("([" + CJK + "]+)|[^" + CJK + "]+", "gu");
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var PAGE = 10;

  function fold(word) { return word.normalize("NFD").toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""); }
  function stem(w) {
    if (w.length < 4 || !/^[a-z]+s$/.test(w) || /(ss|us|is)$/.test(w)) return w;
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + "y";
    if (/(sses|xes|zes|ches|shes)$/.test(w)) return w.slice(0, -2);
    return w.slice(0, -1);
  }
  // Calls word(term, start, end) for each Latin word and run(text, start) for each CJK run.
  function scan(text, word, run) {
    var segment, match;
    SEGMENT.lastIndex = 0;
    while ((segment = SEGMENT.exec(text))) {
      if (segment[1]) { run(segment[0], segment.index); continue; }
      WORD.lastIndex = 0;
      while ((match = WORD.exec(segment[0]))) {
        var folded = fold(match[0]);
        if (Array.from(folded).length > 1) word(stem(folded), segment.index + match.index, segment.index + match.index + match[0].length);
      }
    }
  }
  // The query as groups that must all match: a Latin word, or a CJK run (its bigrams).
  function parse(query) {
    var groups = [];
    scan(query, function (term) { groups.push({ terms: [term], text: term }); }, function (chars) {
      var c = Array.from(chars), terms = [];
      if (c.length === 1) terms.push(c[0]);
      for (var i = 0; i + 1 < c.length; i++) terms.push(c[i] + c[i + 1]);
      groups.push({ terms: terms, text: chars, cjk: true, prefix: c.length === 1 });
    });
    var last = groups[groups.length - 1];
    if (last && !last.cjk) last.prefix = true;
    var seen = {};
    return groups.filter(g => seen[g.text] ? false : (seen[g.text] = true));
  }
  var STARTS_CJK = new RegExp("^[" + CJK + "]", "u");
  function shardName(term) {
    var c = Array.from(term), key = STARTS_CJK.test(term) ? c[0] : c.slice(0, 2).join("");
    return /^[a-z0-9]+$/.test(key) ? key : "u" + Array.from(key).map(ch => ch.codePointAt(0).toString(16)).join("-");
  }
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function decode(text) {
    var out = [], i, d;
    if (text.charAt(0) === "~") {
      var bits = 0, buffer = 0, byteIndex = 0;
      for (i = 1; i < text.length; i++) {
        buffer = ((buffer << 6) | ALPHABET.indexOf(text.charAt(i))) & 0xffff;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          var byte = (buffer >> bits) & 255;
          for (var b = 0; b < 8; b++) if (byte & (1 << b)) out.push(byteIndex * 8 + b);
          byteIndex++;
        }
      }
      return out;
    }
    var previous = -1, value = 0, shift = 0;
    for (i = 0; i < text.length; i++) {
      d = ALPHABET.indexOf(text.charAt(i));
      value += (d & 31) * 2 ** shift;
      shift += 5;
      if (!(d & 32)) { previous += value + 1; out.push(previous); value = 0; shift = 0; }
    }
    return out;
  }

  var cache = {};
  // Each file's promise is kept, so results sharing a pack (and "Show more") fetch it once.
  function load(base, path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return /\.pack$/.test(path) ? new Response(response.body.pipeThrough(new DecompressionStream("deflate"))).json() : response.json();
      });
      cache[path].catch(() => delete cache[path]);
    }
    return cache[path];
  }

  // Entry number → score for every entry matching all groups, ranked: title > heading > body.
  function search(base, groups) {
    return load(base, "meta.json").then(function (meta) {
      var names = {};
      meta.shards.forEach(function (name) { names[name] = true; });
      var wanted = [];
      groups.forEach(function (g) { g.terms.forEach(function (t) { var n = shardName(t); if (names[n] && wanted.indexOf(n) < 0) wanted.push(n); }); });
      return Promise.all(wanted.map(n => load(base, "shards/" + n + ".json").then(s => [n, s])));
    }).then(function (loaded) {
      var shards = {};
      loaded.forEach(function (pair) { shards[pair[0]] = pair[1]; });
      var scores = null;
      groups.forEach(function (group) {
        group.terms.forEach(function (term) {
          var shard = shards[shardName(term)] || {}, best = {};
          Object.keys(shard).forEach(function (key) {
            var exact = key === term;
            if (!exact && !(group.prefix && key.indexOf(term) === 0)) return;
            var factor = exact ? 1 : 0.5, lists = shard[key];
            [[0, 1], [2, 4], [1, 10]].forEach(function (field) {
              decode(lists[field[0]]).forEach(function (n) { best[n] = Math.max(best[n] || 0, field[1] * factor); });
            });
          });
          var next = {};
          Object.keys(best).forEach(function (n) { if (!scores || n in scores) next[n] = (scores ? scores[n] : 0) + best[n]; });
          scores = next;
        });
      });
      return Object.keys(scores || {}).map(Number).sort((a, b) => scores[b] - scores[a] || a - b);
    });
  }

  function escape(text) { return text.replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";"); }
  // Where the groups occur in a text: [start, end, group index] ranges.
  function matches(text, groups) {
    var found = [];
    scan(text, function (term, start, end) {
      groups.forEach(function (g, i) {
        if (!g.cjk && (term === g.text || (g.prefix && term.indexOf(g.text) === 0))) found.push([start, end, i]);
      });
    }, function (chars, start) {
      groups.forEach(function (g, i) {
        if (!g.cjk) return;
        for (var at = chars.indexOf(g.text); at >= 0; at = chars.indexOf(g.text, at + 1)) found.push([start + at, start + at + g.text.length, i]);
      });
    });
    return found.sort((a, b) => a[0] - b[0]);
  }
  function highlight(text, ranges, from, to) {
    var html = "", at = from;
    ranges.forEach(function (r) {
      if (r[0] < at || r[1] > to) return;
      html += escape(text.slice(at, r[0])) + "<mark>" + escape(text.slice(r[0], r[1])) + "</mark>";
      at = r[1];
    });
    return html + escape(text.slice(at, to));
  }
  function marked(text, groups) { return highlight(text, matches(text, groups), 0, text.length); }
  function snippet(text, ranges) {
    var start = 0;
    if (ranges.length && ranges[0][0] > 70) {
      start = text.indexOf(" ", ranges[0][0] - 60) + 1;
      if (start <= 0 || start > ranges[0][0]) start = ranges[0][0];
    }
    var end = Math.min(text.length, start + 230);
    if (end < text.length) { var space = text.lastIndexOf(" ", end); if (space > start + 100) end = space; }
    return (start > 0 ? "…" : "") + highlight(text, ranges, start, end) + (end < text.length ? "…" : "");
  }
  function distinct(ranges) { var s = {}; ranges.forEach(function (r) { s[r[2]] = true; }); return Object.keys(s).length; }

  function render(entry, groups) {
    var sections = entry.s.map(function (s) {
      var inText = matches(s[2], groups), inHeading = matches(s[1], groups);
      return { anchor: s[0], heading: s[1], text: s[2], ranges: inText, score: distinct(inText.concat(inHeading)) * 2 + (inHeading.length ? 1 : 0) };
    });
    var best = sections[0] || { anchor: "", heading: "", text: "", ranges: [], score: 0 };
    sections.forEach(function (s) { if (s.score > best.score) best = s; });
    var href = entry.u + (best.anchor ? "#" + best.anchor : "");
    var title = marked(entry.t, groups);
    if (best.heading) title += ' <span class="search-result-section">› ' + marked(best.heading, groups) + "</span>";
    var html = '<li class="search-result"><p class="search-result-meta"><span class="search-result-kind">' + escape(entry.k) + "</span>" +
      (entry.d ? "<span>" + escape(entry.d) + "</span>" : "") + '</p><h2 class="search-result-title"><a href="' + escape(href) + '">' + title + "</a></h2>";
    if (best.text) html += '<p class="search-snippet">' + snippet(best.text, best.ranges) + "</p>";
    var others = sections.filter(s => s !== best && s.anchor && s.score > 0).slice(0, 3);
    if (others.length) {
      html += '<ul class="search-sections">' + others.map(function (s) {
        return '<li><a href="' + escape(entry.u + "#" + s.anchor) + '">' + marked(s.heading, groups) + "</a></li>";
      }).join("") + "</ul>";
    }
    return html + "</li>";
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName)) return;
    var input = document.getElementById("search-input") || document.getElementById("site-search-input");
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  var root = document.getElementById("search");
  if (!root || !window.fetch || !String.prototype.normalize) return;
  var base = root.getAttribute("data-index");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var fallback = root.querySelector(".search-fallback");
  if (fallback) fallback.hidden = true;
  var pageTitle = document.title, generation = 0, current = { ranked: [], shown: 0, groups: [] }, timer;

  function showMore() {
    var state = current, id = generation, slice = state.ranked.slice(state.shown, state.shown + PAGE);
    more.hidden = true;
    list.setAttribute("aria-busy", "true");
    return load(base, "meta.json").then(function (meta) {
      return Promise.all(slice.map(n => load(base, "entries/" + Math.floor(n / meta.pack) + ".pack").then(p => p[n % meta.pack])));
    }).then(function (entries) {
      if (id !== generation) return;
      list.insertAdjacentHTML("beforeend", entries.map(e => render(e, state.groups)).join(""));
      state.shown += slice.length;
      more.hidden = state.shown >= state.ranked.length;
      list.removeAttribute("aria-busy");
    }, () => id === generation && fail());
  }
  function fail() {
    status.textContent = "Search is unavailable: the index could not be loaded.";
    list.removeAttribute("aria-busy");
  }
  function run(query, updateURL) {
    var id = ++generation, groups = parse(query);
    if (updateURL) {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    }
    document.title = (query ? query + " — " : "") + pageTitle;
    if (!groups.length) {
      list.innerHTML = "";
      list.removeAttribute("aria-busy");
      more.hidden = true;
      status.textContent = query ? "Type at least two letters, or one Chinese character." : "Type to search articles, events, entities, tables and sources.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    list.setAttribute("aria-busy", "true");
    return search(base, groups).then(function (ranked) {
      if (id !== generation) return;
      current = { ranked: ranked, shown: 0, groups: groups };
      list.innerHTML = "";
      status.textContent = ranked.length
        ? ranked.length + (ranked.length === 1 ? " result" : " results") + " for “" + query + "”."
        : "No results for “" + query + "”. Check the spelling, use fewer words, or browse the archive and the timeline.";
      return showMore();
    }, () => id === generation && fail());
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value.trim(), true), 120);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value.trim(), true);
  });
  more.addEventListener("click", function () {
    var count = current.shown;
    showMore().then(function () { var links = list.querySelectorAll(".search-result-title a"); if (links[count]) links[count].focus(); });
  });
  root.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement !== input && at < 0) return;
    event.preventDefault();
    var next = document.activeElement === input ? (event.key === "ArrowDown" ? 0 : -1) : at + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) input.focus(); else if (next < links.length) links[next].focus();
  });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  run(initial.trim(), false);
})();
