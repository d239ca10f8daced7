// marsad: progressive enhancement only. Every page works without this file; it adds zoom and pan to the
// event map and a readout to the timeline chart. No dependencies, no network requests.
(function () {
  "use strict";

  function enhanceMap(svg) {
    var w = parseFloat(svg.dataset.width), h = parseFloat(svg.dataset.height);
    var view = { x: 0, y: 0, w: w, h: h };
    var readout = svg.closest("figure").querySelector(".map-readout");
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
    function toSvg(evt) {
      var r = svg.getBoundingClientRect();
      return { x: view.x + (evt.clientX - r.left) / r.width * view.w, y: view.y + (evt.clientY - r.top) / r.height * view.h };
    }
    function zoom(factor, at) {
      var nw = Math.min(w * 4, Math.max(w / 12, view.w * factor));
      var k = nw / view.w;
      view.x = at.x - (at.x - view.x) * k; view.y = at.y - (at.y - view.y) * k;
      view.w = nw; view.h = view.h * k; apply();
    }
    svg.addEventListener("wheel", function (e) { e.preventDefault(); zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, toSvg(e)); }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.target.closest(".point")) { return; }
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y }; svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var r = svg.getBoundingClientRect();
      view.x = drag.vx - (e.clientX - drag.x) / r.width * view.w;
      view.y = drag.vy - (e.clientY - drag.y) / r.height * view.h; apply();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    svg.querySelectorAll(".point").forEach(function (p) {
      function show() { if (readout) { readout.textContent = p.dataset.name + ": " + p.dataset.events + " حدث"; } }
      p.addEventListener("mouseenter", show); p.addEventListener("focus", show);
    });
    var bar = document.createElement("div");
    bar.className = "map-tools";
    [["+", 1 / 1.5], ["−", 1.5], ["⟲", 0]].forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button"; btn.textContent = b[0];
      btn.setAttribute("aria-label", b[1] === 0 ? "إعادة الضبط" : (b[1] < 1 ? "تكبير" : "تصغير"));
      btn.addEventListener("click", function () {
        if (b[1] === 0) { view = { x: 0, y: 0, w: w, h: h }; apply(); }
        else { zoom(b[1], { x: view.x + view.w / 2, y: view.y + view.h / 2 }); }
      });
      bar.appendChild(btn);
    });
    svg.parentNode.insertBefore(bar, svg);
  }

  function enhanceChart(fig) {
    var out = fig.querySelector(".chart-readout");
    fig.querySelectorAll(".bar").forEach(function (g) {
      g.addEventListener("mouseenter", function () {
        fig.querySelectorAll(".bar.on").forEach(function (x) { x.classList.remove("on"); });
        g.classList.add("on");
        out.textContent = g.dataset.label + " — إشارات " + g.dataset.mentions + "، اقتباسات " + g.dataset.quotes + "، أحداث " + g.dataset.events;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("svg#event-map").forEach(enhanceMap);
    document.querySelectorAll("[data-chart]").forEach(enhanceChart);
    document.documentElement.classList.add("js");
  });
})();
