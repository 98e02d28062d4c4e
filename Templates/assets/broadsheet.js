// Progressive enhancement for the timeline page: filter the list in place instead of
// loading a filtered page. Without JavaScript the filter links open generated pages.
(function () {
  "use strict";
  var list = document.querySelector(".timeline-page .timeline");
  var filters = document.querySelector(".timeline-page .filters");
  if (!list || !filters || !window.URLSearchParams) return;
  var status = document.querySelector(".filter-status");
  var events = Array.prototype.slice.call(list.querySelectorAll(".event"));
  var active = { entity: null, theme: null };

  function apply() {
    var shown = 0;
    events.forEach(function (item) {
      var entities = (item.getAttribute("data-entities") || "").split(" ");
      var themes = (item.getAttribute("data-themes") || "").split(" ");
      var visible = (!active.entity || entities.indexOf(active.entity) >= 0) &&
        (!active.theme || themes.indexOf(active.theme) >= 0);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    list.querySelectorAll(".timeline-year, .timeline-month").forEach(function (node) {
      if (node.classList.contains("timeline-year")) {
        node.hidden = !node.querySelector(".event:not([hidden])");
      }
    });
    filters.querySelectorAll("a[data-filter-entity], a[data-filter-theme]").forEach(function (link) {
      var on = link.getAttribute("data-filter-entity") === active.entity ||
        link.getAttribute("data-filter-theme") === active.theme;
      link.classList.toggle("is-active", on);
      if (on) link.setAttribute("aria-pressed", "true"); else link.removeAttribute("aria-pressed");
    });
    if (status) {
      status.textContent = active.entity || active.theme
        ? "Showing " + shown + " of " + events.length + " events."
        : "";
    }
  }

  filters.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-filter-entity], a[data-filter-theme]");
    if (!link) return;
    event.preventDefault();
    var entity = link.getAttribute("data-filter-entity");
    var theme = link.getAttribute("data-filter-theme");
    if (entity) active.entity = active.entity === entity ? null : entity;
    if (theme) active.theme = active.theme === theme ? null : theme;
    apply();
  });
})();
