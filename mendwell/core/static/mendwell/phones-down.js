// The phones-down timer: counts down the date's length once started. Without
// JavaScript the page simply says how long to put the phones away.
(function () {
  "use strict";
  document.querySelectorAll("[data-phones-down]").forEach(function (box) {
    var start = box.querySelector("[data-phones-down-start]");
    var clock = box.querySelector("[data-phones-down-clock]");
    var done = box.querySelector("[data-phones-down-done]");
    var total = parseInt(box.dataset.minutes || "60", 10) * 60;
    if (!start || !clock || !done) return;
    start.hidden = false;
    function show(left) {
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    }
    start.addEventListener("click", function () {
      var endsAt = Date.now() + total * 1000;
      start.hidden = true;
      clock.hidden = false;
      show(total);
      var timer = window.setInterval(function () {
        var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
        show(left);
        if (left === 0) {
          window.clearInterval(timer);
          done.hidden = false;
        }
      }, 1000);
    });
  });
})();
