// Quick exit (after GOV.UK's "Exit this page"): the button, or Shift pressed
// three times within a second, blanks the page at once and replaces this
// history entry with the exit URL, which signs out and opens a neutral site.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("is-exiting");
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
