/* The Parallel page's chooser: two lists of every article, and a button that goes to the page of
   the chosen pair. A pair has a page only when its articles share a claim or a figure (the page
   lists those pairs as plain links, which is how the page works without this script); the
   articles and those links are all this reads, from the page itself: nothing is fetched, so it
   works the same from file:// in the offline build. A pair that shares nothing says so, and the
   choice stays in the address (?left=001&right=003) so that it can be shared too. */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("form[data-parallel-chooser]");
    if (!form) return;
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-parallel-article]"));
    var order = {};
    var selects = [form.elements.left, form.elements.right];
    var same = document.querySelector("[data-parallel-same]");
    var none = document.querySelector("[data-parallel-none]");

    items.forEach(function (item, index) {
      var id = item.dataset.parallelArticle;
      order[id] = index;
      var label = id + " · " + item.querySelector("[data-parallel-title]").textContent;
      selects.forEach(function (select) { select.add(new Option(label, id)); });
    });

    function item(id) { return items[order[id]]; }

    /* The page of a pair, whichever order the two were chosen in: the data's order names it. */
    function pairLink(a, b) {
      var key = order[a] < order[b] ? a + "-" + b : b + "-" + a;
      return document.querySelector("a[data-parallel-pair='" + key + "']");
    }

    function show(replace) {
      var a = selects[0].value;
      var b = selects[1].value;
      same.hidden = a !== b;
      none.hidden = true;
      if (a === b) return;
      var link = pairLink(a, b);
      if (link) {
        if (replace) location.replace(link.href);
        else location.assign(link.href);
        return;
      }
      ["left", "right"].forEach(function (side, index) {
        var id = selects[index].value;
        none.querySelector("[data-parallel-name='" + side + "']").textContent = id;
        var open = none.querySelector("[data-parallel-open='" + side + "']");
        open.href = item(id).querySelector("a[data-parallel-read]").href;
        open.textContent = id + ", " + item(id).querySelector("[data-parallel-title]").textContent;
      });
      none.hidden = false;
      history.replaceState(history.state, "", location.pathname + "?" + new URLSearchParams({ left: a, right: b }) + location.hash);
    }

    var params = new URLSearchParams(location.search);
    var asked = params.get("left") in order && params.get("right") in order;
    var first = document.querySelector("a[data-parallel-pair]");
    var start = asked ? [params.get("left"), params.get("right")]
      : first ? first.dataset.parallelPair.split("-")
      : [items[0].dataset.parallelArticle, items[1].dataset.parallelArticle];
    selects[0].value = start[0];
    selects[1].value = start[1];
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(false);
    });
    form.hidden = false;
    if (asked) show(true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
