// The turn timer of a guided conversation ticks on screen between live updates.
// Without JavaScript the page shows the time at the moment it was loaded.
(function () {
  "use strict";
  function format(total) {
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }
  function tick() {
    document.querySelectorAll("[data-timer]").forEach(function (timer) {
      if (!timer.dataset.loadedAt) timer.dataset.loadedAt = String(Date.now());
      var elapsed = parseInt(timer.dataset.elapsed || "0", 10) +
        Math.floor((Date.now() - parseInt(timer.dataset.loadedAt, 10)) / 1000);
      var value = timer.querySelector("[data-timer-value]");
      if (value) value.textContent = format(elapsed);
      var limit = parseInt(timer.dataset.limit || "0", 10);
      var over = timer.querySelector("[data-timer-over]");
      if (over) over.hidden = !(limit > 0 && elapsed >= limit);
    });
  }
  document.addEventListener("DOMContentLoaded", tick);
  window.setInterval(tick, 1000);
})();
