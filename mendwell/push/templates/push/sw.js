{% load static %}// Mendwell's service worker. Rendered by Django so static file names are the
// real (hashed) ones.
//
// What it stores: ONLY the offline page and public static files. Never a
// private page, never an API answer: what people write here is intimate, and
// a shared device may be used by the partner. Pages always come from the
// network; the stored offline page is shown only when there is none.
"use strict";

var CACHE = "mendwell-offline-{{ cache_version }}";
var OFFLINE_URL = "{% url 'offline' %}";
var STATIC_URLS = {{ precache_json|safe }};
var DEFAULT_ICON = "{% static 'mendwell/icon.svg' %}";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Fetched without cookies, so the stored copy is the signed-out page.
      var requests = [OFFLINE_URL].concat(STATIC_URLS).map(function (url) {
        return new Request(url, { credentials: "omit", cache: "reload" });
      });
      return cache.addAll(requests);
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isPrecachedStatic(url) {
  return url.origin === self.location.origin && STATIC_URLS.indexOf(url.pathname) !== -1;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(function () {
        return caches.match(OFFLINE_URL, { ignoreVary: true, ignoreSearch: true });
      })
    );
    return;
  }
  var url = new URL(request.url);
  if (isPrecachedStatic(url)) {
    // Network first here too, so a changed file is never stale while online.
    event.respondWith(
      fetch(request).catch(function () {
        return caches.match(url.pathname, { ignoreVary: true });
      })
    );
  }
  // Anything else is left to the browser and never stored.
});

// Only a path on this site: a notification never opens somewhere else.
function samePath(value) {
  if (typeof value !== "string" || value.charAt(0) !== "/" || value.charAt(1) === "/") return "/";
  try {
    var url = new URL(value, self.location.origin);
    if (url.origin !== self.location.origin) return "/";
    return url.pathname + url.search + url.hash;
  } catch (error) {
    return "/";
  }
}

self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  var title = typeof data.title === "string" && data.title ? data.title : "{{ site_name|escapejs }}";
  var options = {
    body: typeof data.body === "string" ? data.body : "",
    icon: samePath(data.icon) === "/" ? DEFAULT_ICON : samePath(data.icon),
    data: { url: samePath(data.url) },
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = samePath(event.notification.data && event.notification.data.url);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        var client = windows[i];
        if (new URL(client.url).origin === self.location.origin && "focus" in client) {
          return client.focus().then(function (focused) {
            return focused && "navigate" in focused ? focused.navigate(target) : null;
          });
        }
      }
      return self.clients.openWindow(target);
    })
  );
});
