/* The reader's behaviour: notes flow in the margin on wide screens and fold under their paragraph on
   narrow ones; markers and notes lead to each other with focus; display switches persist; the notes
   overview and the index pages filter with the choice in the address; a followed paragraph offers its
   citation; selected words offer a link to that exact quote. Everything works without this script,
   only less conveniently. Nothing here rewrites the address except a filter's query, so #p9 and a
   Text Fragment stay in the address bar. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 60em)");
  var STORE = "reader-hidden-layers";
  var OPEN_ALL = "reader-open-all-notes";
  var STRONG = "reader-full-strength";
  var GAP = 6; /* px between two notes in the margin */
  var GIST_CHARS = 48; /* how much of its quote a folded note shows */

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function stored(key, fallback) {
    try { var value = localStorage.getItem(key); return value === null ? fallback : JSON.parse(value); } catch (e) { return fallback; }
  }

  function store(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }

  function article() {
    return document.querySelector(".reader-article");
  }

  function keyOf(note) {
    return note.id.replace(/^note-/, "");
  }

  /* ---------------------------------------------------------------- gists */

  /* A folded note shows the start of the words it quotes after its tag. The words are the text's
     own, taken from the highlights that cover them, so that the page does not carry them twice; CSS
     draws the gist from its attribute, so copying the text never copies it. */
  function addGists() {
    var words = {};
    all(".reader-article mark.reader-hl").forEach(function (mark) {
      quotesOf(mark).forEach(function (key) { words[key] = (words[key] || "") + mark.textContent; });
    });
    all("details.reader-note").forEach(function (note) {
      var chars = Array.from(words[keyOf(note)] || "");
      if (!chars.length) return;
      var gist = element("span");
      gist.dataset.gist = "\u201c" + (chars.length <= GIST_CHARS ? chars.join("") : chars.slice(0, GIST_CHARS - 1).join("").trimEnd() + "\u2026") + "\u201d";
      note.querySelector("summary").append(" ", gist);
    });
  }

  /* ---------------------------------------------------------------- notes in the margin */

  /* The notes a reader can see now: not hidden by a layer or the filter, not folded away with
     page furniture. */
  function shownNotes() {
    return all("details.reader-note").filter(function (note) { return note.getClientRects().length > 0; });
  }

  /* Where a note would like to stand: level with its marker's line (or its paragraph). */
  function wantedTop(note, origin) {
    var marker = document.getElementById("mark-" + keyOf(note));
    var anchor = marker && marker.getClientRects().length ? marker : note.closest(".reader-row");
    return anchor.getBoundingClientRect().top - origin;
  }

  /* Each note level with its line, or just below the note above it. */
  function layoutNotes() {
    var page = article();
    if (!page) return;
    var flowing = WIDE.matches;
    page.classList.toggle("reader-flow", flowing);
    var notes = shownNotes();
    if (!flowing) {
      notes.forEach(function (note) { note.style.top = ""; });
      page.style.minHeight = "";
      return;
    }
    var origin = page.getBoundingClientRect().top;
    var floor = 0;
    notes.forEach(function (note) {
      var top = Math.max(wantedTop(note, origin), floor);
      note.style.top = top + "px";
      floor = top + note.offsetHeight + GAP;
    });
    page.style.minHeight = floor + "px";
  }

  /* Which notes start open: all of them if the reader asked so; on a wide screen each note that fits
     open before the next one's line, so that opening it moves nothing; on a narrow screen none. */
  function arrangeNotes() {
    var page = article();
    if (!page) return;
    var notes = all("details.reader-note");
    if (stored(OPEN_ALL, false) || !WIDE.matches) {
      notes.forEach(function (note) { note.open = stored(OPEN_ALL, false); });
      layoutNotes();
      return;
    }
    page.classList.add("reader-flow");
    var shown = shownNotes();
    var origin = page.getBoundingClientRect().top;
    shown.forEach(function (note) { note.open = true; });
    var opened = shown.map(function (note) { return note.offsetHeight; });
    shown.forEach(function (note) { note.open = false; });
    var wanted = shown.map(function (note) { return wantedTop(note, origin); });
    var floor = 0;
    shown.forEach(function (note, i) {
      var top = Math.max(wanted[i], floor);
      var next = i + 1 < shown.length ? wanted[i + 1] : Infinity;
      note.open = top + opened[i] + GAP <= next;
      floor = top + (note.open ? opened[i] : note.offsetHeight) + GAP;
    });
    layoutNotes();
  }

  function openNoteFor(hash) {
    if (!hash || hash.indexOf("#note-") !== 0) return null;
    var note = document.getElementById(hash.slice(1));
    if (note && note.tagName === "DETAILS") {
      note.open = true;
      layoutNotes();
      note.scrollIntoView({ block: "nearest" });
    }
    return note;
  }

  /* Marker to note and back: open the note, move focus, keep the reader's place. */
  function followLinks(event) {
    var link = event.target.closest && event.target.closest("a[href^='#note-'], a[href^='#mark-']");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    if (target.tagName === "DETAILS") {
      target.open = true;
      layoutNotes();
      target.scrollIntoView({ block: "nearest" });
      target.querySelector("summary").focus({ preventScroll: true });
    } else {
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  }

  /* ---------------------------------------------------------------- display switches */

  /* The layers are the page's own switches, one per kind of note and one for glossary links. */
  function applyLayers(page, hidden) {
    all(".reader-toggles input[data-layer]").forEach(function (box) {
      page.classList.toggle("reader-hide-" + box.dataset.layer, hidden.indexOf(box.dataset.layer) !== -1);
    });
    all("a.reader-term", page).forEach(function (term) {
      if (hidden.indexOf("glossary") !== -1) term.setAttribute("tabindex", "-1");
      else term.removeAttribute("tabindex");
    });
    layoutNotes();
  }

  function setUpDisplay() {
    var display = document.querySelector("details.reader-display");
    var page = article();
    if (!display || !page) return;
    var hidden = stored(STORE, []);
    all("input[data-layer]", display).forEach(function (box) {
      box.checked = hidden.indexOf(box.dataset.layer) === -1;
      box.addEventListener("change", function () {
        hidden = hidden.filter(function (layer) { return layer !== box.dataset.layer; });
        if (!box.checked) hidden.push(box.dataset.layer);
        store(STORE, hidden);
        applyLayers(page, hidden);
      });
    });
    applyLayers(page, hidden);
    var strong = display.querySelector("input[data-strong]");
    strong.checked = stored(STRONG, false);
    page.classList.toggle("reader-strong", strong.checked);
    strong.addEventListener("change", function () {
      store(STRONG, strong.checked);
      page.classList.toggle("reader-strong", strong.checked);
    });
    var everything = display.querySelector("input[data-open-all]");
    everything.checked = stored(OPEN_ALL, false);
    everything.addEventListener("change", function () {
      store(OPEN_ALL, everything.checked);
      if (everything.checked) all("details.reader-note").forEach(function (note) { note.open = true; });
      arrangeNotes();
    });
    display.hidden = false;
  }

  /* ---------------------------------------------------------------- filters */

  /* The notes overview: one line per note, written from the notes themselves (number, drawn after its
     look's glyph, tag, the quoted words), each a link to its note and carrying what the filter selects on. */
  function buildOverview() {
    all("ol[data-notes-overview]").forEach(function (list) {
      var items = all("details.reader-note").map(function (note) {
        var summary = note.querySelector("summary");
        var item = element("li", "reader-index__item");
        item.dataset.key = keyOf(note);
        item.dataset.show = note.dataset.show;
        item.dataset.verdict = note.dataset.verdict || "";
        Array.prototype.forEach.call(note.classList, function (c) { if (c.indexOf("reader-look--") === 0) item.classList.add(c); });
        var link = element("a");
        link.href = "#" + note.id;
        var mark = element("span", "reader-overview__mark", summary.firstElementChild.textContent);
        link.append(mark, " ", summary.querySelector(".reader-tag").cloneNode(true));
        var gist = summary.querySelector("[data-gist]");
        item.append(link, " ", element("span", "reader-overview__gist", gist ? gist.dataset.gist : ""));
        return item;
      });
      list.replaceChildren.apply(list, items);
    });
  }

  /* The flags whose words a highlight covers: those its data-quotes names, or else the one whose
     words start there, which its id names. */
  function quotesOf(mark) {
    return mark.dataset.quotes ? mark.dataset.quotes.split(" ") : [mark.id.replace(/^quote-/, "")];
  }

  /* On an article, the notes overview's filter shows only the chosen notes on the page as well. */
  function filterArticle(items) {
    var page = article();
    if (!page) return;
    var out = {};
    items.forEach(function (item) {
      var key = item.dataset.key;
      out[key] = item.hidden;
      [document.getElementById("note-" + key), document.getElementById("mark-" + key)].forEach(function (el) {
        if (el) el.classList.toggle("reader-filtered", item.hidden);
      });
    });
    all("mark.reader-hl", page).forEach(function (mark) {
      var keys = quotesOf(mark);
      mark.classList.toggle("reader-filtered", keys.every(function (key) { return out[key]; }));
    });
    layoutNotes();
  }

  /* Index filters (claims by verdict, article and stance; terms by kind; an article's notes by kind
     and verdict): the choice lives in the address, so a filtered view can be shared and survives a
     reload; an empty result says so. */
  function setUpFilters() {
    all("form.reader-filter[data-filter-for]").forEach(function (form) {
      var list = document.getElementById(form.dataset.filterFor);
      var empty = document.querySelector("[data-empty-for='" + form.dataset.filterFor + "']");
      var count = form.querySelector("output");
      var selects = all("select[name]", form);
      var items = all(".reader-index__item", list);
      var overview = form.closest("details.reader-overview");
      var summary = overview && overview.querySelector("summary");
      var title = summary && summary.textContent;
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name);
        if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) select.value = wanted;
      });
      function apply() {
        var shown = 0;
        items.forEach(function (item) {
          var match = selects.every(function (select) {
            return !select.value || (item.dataset[select.name] || "").split(" ").indexOf(select.value) !== -1;
          });
          item.hidden = !match;
          if (match) shown += 1;
        });
        all("h2", list).forEach(function (heading) {
          var group = heading.nextElementSibling;
          heading.hidden = !!group && !group.querySelector(".reader-index__item:not([hidden])");
        });
        count.textContent = shown + " of " + items.length + " shown";
        if (empty) empty.hidden = shown !== 0;
        if (summary) summary.textContent = shown === items.length ? title : title + ": " + shown + " of " + items.length + " shown";
        if (overview) filterArticle(items);
        var query = new URLSearchParams();
        selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
        var search = query.toString();
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      }
      selects.forEach(function (select) { select.addEventListener("change", apply); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.hidden = false;
      apply();
    });
  }

  /* ---------------------------------------------------------------- cite this paragraph */

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /* A reference to one paragraph: the article's title, outlet and date, the paragraph, the address,
     the date accessed. Built from the page's own attributes, as text. */
  function citation(page, paragraph) {
    var data = page.dataset;
    var parts = ["“" + data.citeTitle + ".”"];
    if (data.citeOutlet && data.citeOutlet !== "unknown") parts.push(data.citeOutlet + ",");
    parts.push((data.citePublished && data.citePublished !== "unknown" ? data.citePublished : "undated") + ",");
    parts.push("paragraph " + paragraph.id.replace(/^p/, "") + ".");
    parts.push("In " + document.title.split(" - ").slice(-1)[0] + ", " + addressOf(paragraph));
    parts.push("(accessed " + today() + ").");
    return parts.join(" ");
  }

  function addressOf(paragraph) {
    return new URL("#" + paragraph.id, location.href).href;
  }

  function copy(text, done) {
    function said(words) { done.textContent = words; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { said("Copied."); }, function () { said("Select the text and copy it."); });
    } else {
      said("Select the text and copy it.");
    }
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  /* Where "Copied." is said, to the eye and to a screen reader. */
  function copiedNote() {
    var done = element("span", "reader-copied");
    done.setAttribute("aria-live", "polite");
    return done;
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  var citeBox = null;

  function showCitation(paragraph) {
    var page = article();
    if (!page || !paragraph || !page.contains(paragraph)) return;
    if (!citeBox) {
      citeBox = element("div", "reader-cite-this");
      citeBox.setAttribute("role", "region");
      citeBox.setAttribute("aria-label", "Cite this paragraph");
      var text = element("p", "reader-cite-this__text");
      var done = copiedNote();
      citeBox.append(element("p", "reader-cite-this__head", "Cite this paragraph"), text,
        button("Copy the reference", function () { copy(text.textContent, done); }),
        button("Copy the address", function () { copy(citeBox.dataset.address, done); }),
        done);
    }
    citeBox.querySelector(".reader-cite-this__text").textContent = citation(page, paragraph);
    citeBox.querySelector(".reader-copied").textContent = "";
    citeBox.dataset.address = addressOf(paragraph);
    paragraph.insertAdjacentElement("afterend", citeBox);
    layoutNotes();
  }

  function citeFor(hash) {
    if (/^#p\d+$/.test(hash || "")) showCitation(document.getElementById(hash.slice(1)));
  }

  /* ---------------------------------------------------------------- link to a quote */

  /* Text Fragments (https://wicg.github.io/scroll-to-text-fragment/): '-', '&' and ',' must be escaped. */
  function fragmentPart(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  /* The fragment for the selected words: the words themselves, or, for a long quote, its first and
     last words; with the words just before it when the quote occurs elsewhere on the page too. */
  function textFragment(selected, paragraph, range) {
    var words = selected.split(/\s+/);
    var target = words.length > 12
      ? fragmentPart(words.slice(0, 5).join(" ")) + "," + fragmentPart(words.slice(-5).join(" "))
      : fragmentPart(selected);
    var page = document.body.innerText;
    if (page.indexOf(selected) !== page.lastIndexOf(selected)) {
      var before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEnd(range.startContainer, range.startOffset);
      var prefix = before.toString().trim().split(/\s+/).slice(-3).join(" ");
      if (prefix) target = fragmentPart(prefix) + "-," + target;
    }
    return "#:~:text=" + target;
  }

  var quoteBox = null;

  function hideQuoteLink() {
    if (quoteBox) quoteBox.hidden = true;
  }

  function offerQuoteLink() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return hideQuoteLink();
    var range = selection.getRangeAt(0);
    var start = range.startContainer.parentElement;
    var paragraph = start && start.closest(".reader-para, .reader-headline, .reader-subheading");
    var selected = selection.toString().replace(/\s+/g, " ").trim();
    if (!paragraph || !paragraph.contains(range.endContainer) || selected.length < 2) return hideQuoteLink();
    if (!quoteBox) {
      quoteBox = element("div", "reader-quote-link");
      var link = element("a", "", "Link to this quote");
      var done = copiedNote();
      quoteBox.append(button("Copy a link to this quote", function () { copy(link.href, done); }), link, done);
      article().appendChild(quoteBox);
    }
    var link = quoteBox.querySelector("a");
    link.href = location.href.split("#")[0] + textFragment(selected, paragraph, range);
    quoteBox.querySelector(".reader-copied").textContent = "";
    var box = range.getBoundingClientRect();
    var origin = article().getBoundingClientRect();
    quoteBox.style.top = (box.bottom - origin.top + 6) + "px";
    quoteBox.style.left = Math.max(0, Math.min(box.left - origin.left, origin.width - 240)) + "px";
    quoteBox.hidden = false;
  }

  /* ---------------------------------------------------------------- start */

  function start() {
    addGists();
    buildOverview();
    setUpDisplay();
    setUpFilters();
    arrangeNotes();
    openNoteFor(location.hash);
    citeFor(location.hash);
    if (location.hash && document.getElementById(location.hash.slice(1))) {
      document.getElementById(location.hash.slice(1)).scrollIntoView({ block: "start" });
    }
    var page = article();
    /* The first paragraph reflows whenever the text does (width, fonts); the article itself is not
       observed, since laying out the notes sets its height. */
    var first = page && page.querySelector(".reader-para");
    if (first && window.ResizeObserver) new ResizeObserver(function () { layoutNotes(); }).observe(first);
    if (page) page.addEventListener("toggle", layoutNotes, true);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(layoutNotes);
  }

  WIDE.addEventListener("change", arrangeNotes);
  window.addEventListener("hashchange", function () { openNoteFor(location.hash); citeFor(location.hash); });
  document.addEventListener("click", function (event) {
    var pilcrow = event.target.closest && event.target.closest("a.reader-pilcrow");
    if (pilcrow) showCitation(document.getElementById(pilcrow.getAttribute("href").slice(1)));
    followLinks(event);
  });
  document.addEventListener("mouseup", function () { setTimeout(offerQuoteLink, 0); });
  document.addEventListener("keyup", function (event) { if (event.shiftKey) offerQuoteLink(); });
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) hideQuoteLink();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
