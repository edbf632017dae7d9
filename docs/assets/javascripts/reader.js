/* The reader's behaviour: notes open beside the text on wide screens and fold on narrow ones,
   markers and notes lead to each other with focus, layer switches persist, and the claims
   register filters by verdict. Everything works without this script, only less conveniently. */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 60em)");
  var STORE = "reader-hidden-layers";
  var OPEN_ALL = "reader-open-all-notes";
  var OPEN_BESIDE = 2; /* beside a paragraph with more notes than this, they start folded */

  function notes() {
    return Array.prototype.slice.call(document.querySelectorAll("details.reader-note"));
  }

  function openAll() {
    try { return localStorage.getItem(OPEN_ALL) === "true"; } catch (e) { return false; }
  }

  /* Wide screens open the notes beside a paragraph, unless there are so many that they would
     push the text apart; narrow screens fold them under the paragraph. */
  function fitNotesToWidth() {
    var all = openAll();
    notes().forEach(function (note) {
      var count = note.parentElement.querySelectorAll("details.reader-note").length;
      note.open = all || (WIDE.matches && count <= OPEN_BESIDE);
    });
  }

  function openNoteFor(hash) {
    if (!hash || hash.indexOf("#note-") !== 0) return null;
    var note = document.getElementById(hash.slice(1));
    if (note && note.tagName === "DETAILS") note.open = true;
    return note;
  }

  /* Marker to note and back: open the note, move focus, keep the reader's place. */
  function followLinks(event) {
    var link = event.target.closest && event.target.closest("a[href^='#note-'], a[href^='#mark-']");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    if (target.tagName === "DETAILS") {
      target.open = true;
      var summary = target.querySelector("summary");
      target.scrollIntoView({ block: "nearest" });
      summary.focus();
    } else {
      target.scrollIntoView({ block: "center" });
      target.focus();
    }
    history.replaceState(null, "", link.getAttribute("href"));
  }

  function hiddenLayers() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]"); } catch (e) { return []; }
  }

  /* The layers are the page's own switches, one per kind of note and one for glossary links. */
  function layers() {
    return Array.prototype.map.call(document.querySelectorAll(".reader-toggles input[data-layer]"), function (box) {
      return box.dataset.layer;
    });
  }

  function applyLayers(article, hidden) {
    layers().forEach(function (layer) {
      article.classList.toggle("reader-hide-" + layer, hidden.indexOf(layer) !== -1);
    });
    Array.prototype.forEach.call(article.querySelectorAll("a.reader-term"), function (term) {
      if (hidden.indexOf("glossary") !== -1) term.setAttribute("tabindex", "-1");
      else term.removeAttribute("tabindex");
    });
  }

  function setUpToggles() {
    var toggles = document.querySelector(".reader-toggles");
    var article = document.querySelector(".reader-article");
    if (!toggles || !article) return;
    var hidden = hiddenLayers();
    Array.prototype.forEach.call(toggles.querySelectorAll("input[data-layer]"), function (box) {
      box.checked = hidden.indexOf(box.dataset.layer) === -1;
      box.addEventListener("change", function () {
        hidden = hidden.filter(function (layer) { return layer !== box.dataset.layer; });
        if (!box.checked) hidden.push(box.dataset.layer);
        try { localStorage.setItem(STORE, JSON.stringify(hidden)); } catch (e) { /* private mode */ }
        applyLayers(article, hidden);
      });
    });
    applyLayers(article, hidden);
    var everything = toggles.querySelector("input[data-open-all]");
    everything.checked = openAll();
    everything.addEventListener("change", function () {
      try { localStorage.setItem(OPEN_ALL, String(everything.checked)); } catch (e) { /* private mode */ }
      fitNotesToWidth();
    });
    toggles.hidden = false;
  }

  /* Index filters (claims by verdict, article and stance; terms by kind): the choice lives in the
     address, so a filtered view can be shared and survives a reload; an empty result says so. */
  function setUpFilters() {
    Array.prototype.forEach.call(document.querySelectorAll("form.reader-filter[data-filter-for]"), function (form) {
      var list = document.getElementById(form.dataset.filterFor);
      var empty = document.querySelector("[data-empty-for='" + form.dataset.filterFor + "']");
      var count = form.querySelector("output");
      var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
      var items = Array.prototype.slice.call(list.querySelectorAll(".reader-index__item"));
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
        Array.prototype.forEach.call(list.querySelectorAll("h2"), function (heading) {
          var group = heading.nextElementSibling;
          heading.hidden = !!group && !group.querySelector(".reader-index__item:not([hidden])");
        });
        count.textContent = shown + " of " + items.length + " shown";
        if (empty) empty.hidden = shown !== 0;
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

  function start() {
    fitNotesToWidth();
    openNoteFor(location.hash);
    setUpToggles();
    setUpFilters();
  }

  WIDE.addEventListener("change", fitNotesToWidth);
  window.addEventListener("hashchange", function () { openNoteFor(location.hash); });
  document.addEventListener("click", followLinks);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
