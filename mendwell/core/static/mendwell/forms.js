// Small progressive enhancements for forms; every form works without them.
(function () {
  "use strict";
  // Sign-up: start from the browser's own time zone instead of UTC.
  document.querySelectorAll("[data-detect-time-zone='on']").forEach(function (input) {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && (input.value === "" || input.value === "UTC")) input.value = zone;
    } catch (e) { /* leave the field as it is */ }
  });
  // Stop a second click from sending the same form twice.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type='submit']").forEach(function (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
        // A download keeps the page open: let the button work again soon.
        window.setTimeout(function () { button.disabled = false; }, 4000);
      });
    });
  });
})();
