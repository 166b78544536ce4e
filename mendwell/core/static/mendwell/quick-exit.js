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

  // Only Shift pressed on its own counts, as in GOV.UK's component: typing
  // capitals (an invite code, a name) presses Shift too, and must never throw
  // someone out mid-sentence. Any other key breaks a run of presses.
  var presses = [];
  var shiftWasModifier = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftWasModifier = false;
      return;
    }
    shiftWasModifier = event.shiftKey;
    presses = [];
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    if (shiftWasModifier) {
      shiftWasModifier = false;
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
