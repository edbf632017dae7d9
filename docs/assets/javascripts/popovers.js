/* Popovers for glossary terms and citations: a tap shows the term's definition, or the entry of
   the reference a citation points to, beside the link, with a link onward; the address never
   changes and the reader keeps their place.

   Why this design:
   - Citations ([3]) open a popover on every device. Their preview is a copy of the reference's own
     entry on the page (li#ref-…), so the text is written once, not in a title on every citation;
     any title they still carry is removed, so Material's tooltip cannot double the popover.
   - Glossary terms open one only on touch screens and narrow windows. With a mouse, Material's
     tooltip already shows the definition on hover and focus, and a click goes to the entry.
     On touch screens the term's title is removed, because a tap would raise that tooltip too.
   - The popover is a non-modal dialog placed in the page right after its link, so the keyboard
     goes link → popover → the rest of the text. Focus moves into it; Escape and the close button
     return focus to the link; a tap elsewhere, or moving focus out of it, closes it.
   - A second click on the same link, or the link inside the popover, follows the link.
   - It is fixed to the viewport next to its link (no ancestor can clip it) and follows the link
     when the page scrolls.
   Without this script the links work as plain links. */
(function () {
  "use strict";

  var TOUCH = window.matchMedia("(hover: none), (pointer: coarse)");
  var NARROW = window.matchMedia("(max-width: 44.9375em)");
  var GAP = 6;     /* px between a link and its popover */
  var MARGIN = 8;  /* px kept free at the edges of the viewport */
  var definitions = new WeakMap();  /* term link → its definition, read before Material moves titles */
  var current = null;               /* {link, box} of the open popover */

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  /* The page's own entry for a citation, or null when the reference is on another page. */
  function entryFor(link) {
    var href = link.getAttribute("href") || "";
    return href.indexOf("#ref-") === 0 ? document.getElementById(href.slice(1)) : null;
  }

  function popsUp(link) {
    if (link.classList.contains("reader-cite")) return !!entryFor(link);
    return definitions.has(link) && (TOUCH.matches || NARROW.matches);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The popover: a title, a close button, the definition or the reference's entry, a link onward.
     All spans, as it sits inside the paragraph of its link. */
  function build(link) {
    var cite = link.classList.contains("reader-cite");
    var box = element("span", "reader-popover");
    box.id = "reader-popover";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "reader-popover-title");
    box.tabIndex = -1;
    var head = element("span", "reader-popover__head");
    var title = element("span", "reader-popover__title", cite ? "Reference " + link.textContent.trim() : link.textContent.trim());
    title.id = "reader-popover-title";
    var shut = element("button", "reader-popover__close", "\u00d7");
    shut.type = "button";
    shut.setAttribute("aria-label", "Close");
    shut.addEventListener("click", function () { close(true); });
    head.append(title, shut);
    var body = element("span", "reader-popover__body", cite ? "" : definitions.get(link));
    if (cite) {
      Array.prototype.forEach.call(entryFor(link).childNodes, function (node) { body.appendChild(node.cloneNode(true)); });
      Array.prototype.forEach.call(body.querySelectorAll("[id]"), function (node) { node.removeAttribute("id"); });
    }
    var onward = element("a", "reader-popover__onward", cite ? "Go to the reference" : "Open the glossary entry");
    onward.href = link.getAttribute("href");
    onward.addEventListener("click", function () { close(false); });  /* the link still navigates */
    box.append(head, body, onward);
    box.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (to && !box.contains(to) && to !== link) close(false);
    });
    return box;
  }

  /* Below the link if it fits, else above, else on the roomier side; never under the header. */
  function place() {
    if (!current) return;
    var box = current.box;
    var rects = current.link.getClientRects();
    if (!rects.length) return;
    var first = rects[0], last = rects[rects.length - 1];
    var header = document.querySelector(".md-header");
    var ceiling = (header ? Math.max(0, header.getBoundingClientRect().bottom) : 0) + MARGIN;
    var floor = window.innerHeight - MARGIN;
    var width = box.offsetWidth, height = box.offsetHeight;
    var below = floor - (last.bottom + GAP), above = (first.top - GAP) - ceiling;
    var under = height <= below || (height > above && below >= above);
    var top = under ? last.bottom + GAP : first.top - GAP - height;
    var left = under ? last.left : first.left;
    var right = document.documentElement.clientWidth - MARGIN - width;
    box.style.left = Math.max(MARGIN, Math.min(left, right)) + "px";
    box.style.top = Math.max(ceiling, Math.min(top, floor - height)) + "px";
  }

  function close(returnFocus) {
    if (!current) return;
    var shut = current;
    current = null;
    if (returnFocus) shut.link.focus();
    shut.box.remove();
    shut.link.setAttribute("aria-expanded", "false");
    shut.link.removeAttribute("aria-controls");
  }

  function open(link) {
    close(false);
    var box = build(link);
    link.after(box);
    current = { link: link, box: box };
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", box.id);
    place();
    box.focus({ preventScroll: true });
  }

  /* Links that open a popover say so; terms do only where they open one (touch, narrow). */
  function markLinks() {
    each("a.reader-term, a.reader-cite", function (link) {
      if (link === (current && current.link)) return;
      if (popsUp(link)) {
        link.setAttribute("aria-haspopup", "dialog");
        link.setAttribute("aria-expanded", "false");
      } else {
        link.removeAttribute("aria-haspopup");
        link.removeAttribute("aria-expanded");
      }
    });
  }

  /* Runs as soon as the script is read, before Material sets up its tooltips on DOMContentLoaded. */
  function prepare() {
    each("a.reader-term[title]", function (term) {
      definitions.set(term, term.getAttribute("title"));
      if (TOUCH.matches) term.removeAttribute("title");
    });
    each("a.reader-cite[title]", function (cite) {
      if (entryFor(cite)) cite.removeAttribute("title");
    });
    markLinks();
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a.reader-term, a.reader-cite");
    if (!link || !popsUp(link)) return;
    if (current && current.link === link) { close(false); return; }  /* second click: follow the link */
    event.preventDefault();
    open(link);
  });
  document.addEventListener("pointerdown", function (event) {
    if (current && !current.box.contains(event.target) && !current.link.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    if (current && event.key === "Escape") { event.preventDefault(); close(true); }
  });
  document.addEventListener("scroll", place, { capture: true, passive: true });  /* the page or any box in it */
  window.addEventListener("resize", place);
  TOUCH.addEventListener("change", markLinks);
  NARROW.addEventListener("change", markLinks);
  prepare();
})();
