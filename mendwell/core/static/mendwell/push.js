// The installed app: registers the service worker (offline page, push
// messages) and drives the "Reminders on this device" component. Everything
// here is an enhancement; without it the site works and the component says
// this browser can't receive reminders.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;

  var ready = navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
    return null;
  });

  var box = document.querySelector("[data-push-device]");
  if (!box || !box.dataset.vapidKey || !("PushManager" in window) || !("Notification" in window)) {
    return;
  }

  var status = box.querySelector("[data-push-status]");
  var error = box.querySelector("[data-push-error]");
  var subscribeButton = box.querySelector("[data-push-subscribe]");
  var stopButton = box.querySelector("[data-push-unsubscribe]");
  var csrf = box.querySelector("input[name='csrfmiddlewaretoken']");

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function show(subscribed, message) {
    subscribeButton.hidden = subscribed;
    stopButton.hidden = !subscribed;
    status.textContent = message || (subscribed ? box.dataset.textOn : box.dataset.textOff);
  }

  function showError(message) {
    error.textContent = message || "";
    error.hidden = !message;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (!response.ok) {
          var errors = answer.errors || {};
          var first = Object.keys(errors)[0];
          throw new Error(first ? errors[first][0] : box.dataset.textFailed);
        }
        return answer;
      });
    });
  }

  function busy(button, on) {
    button.disabled = on;
    button.setAttribute("aria-busy", on ? "true" : "false");
  }

  ready.then(function () { return navigator.serviceWorker.ready; }).then(function (registration) {
    return registration.pushManager.getSubscription().then(function (existing) {
      show(Boolean(existing));

      subscribeButton.addEventListener("click", function () {
        showError("");
        busy(subscribeButton, true);
        Notification.requestPermission().then(function (permission) {
          if (permission !== "granted") throw new Error(box.dataset.textDenied);
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(box.dataset.vapidKey),
          });
        }).then(function (subscription) {
          return post(box.dataset.subscribeUrl, subscription.toJSON()).catch(function (problem) {
            // The server refused it: don't leave a subscription nobody sends to.
            return subscription.unsubscribe().then(function () { throw problem; });
          });
        }).then(function (answer) {
          show(true, answer.message);
        }).catch(function (problem) {
          showError(problem && problem.message ? problem.message : box.dataset.textFailed);
        }).then(function () { busy(subscribeButton, false); });
      });

      stopButton.addEventListener("click", function () {
        showError("");
        busy(stopButton, true);
        registration.pushManager.getSubscription().then(function (subscription) {
          if (!subscription) return { message: box.dataset.textOff };
          return post(box.dataset.unsubscribeUrl, { endpoint: subscription.endpoint }).then(function (answer) {
            return subscription.unsubscribe().then(function () { return answer; });
          });
        }).then(function (answer) {
          show(false, answer.message);
        }).catch(function (problem) {
          showError(problem && problem.message ? problem.message : box.dataset.textFailed);
        }).then(function () { busy(stopButton, false); });
      });
    });
  }).catch(function () { /* the status line keeps saying this browser can't */ });
})();
