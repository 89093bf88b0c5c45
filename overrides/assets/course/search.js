/* Search, loaded when it is used; typed text always searched. Runs in the page head, before
   Material's bundle (mkdocs.yml extra.polyfills), because it changes how that bundle starts search.

   1. Lazy loading. Material fetches the language's search index, starts its search worker and
      the worker loads the stemmers on every page, at load: about 30-45 KB gzip a learner may never
      use. Here the index request (XMLHttpRequest over http, a <script> for search_index.js from
      file://) is held back and the worker is only created when Material first talks to it, which
      it does once the index is there. Both are released when the learner first focuses or opens
      search (click, tap, the s / f / "/" keys, a ?q= link) or arrives from a search result (?h=,
      whose words Material highlights with the index).
   2. Typing without keys. Material reads the query on `keyup` only. Text that arrives without a
      key event (on-screen and IME keyboards that insert text, paste, dictation, autofill) was
      never searched: Greek and Russian words typed that way left the box at "type to start
      searching". Every `input` is passed on as a keyup, which Material's search reads.
   Plain ES2017, no dependencies; works from file:// (with the iframe-worker shim loaded before). */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.(json|js)(\?|#|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js(\?|#|$)/;
  var wanted = false;
  var waiting = [];

  function whenWanted(run) {
    if (wanted) run(); else waiting.push(run);
  }

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  window.courseSearchWanted = function () { return wanted; };   // read by the tests and the benchmark

  // The index over http: Material's XMLHttpRequest is opened at once but sent when wanted.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.courseSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.courseSearchIndex) return send.apply(request, args);
    whenWanted(function () { send.apply(request, args); });
  };

  // The index from file://: Material adds <script src=".../search/search_index.js"> to the head.
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (node && node.tagName === "SCRIPT" && INDEX.test(node.src || "")) {
      whenWanted(function () { append.call(head, node); });
      return node;
    }
    return append.call(head, node);
  };

  // The worker (and the stemmers it imports): created on Material's first message to it.
  var RealWorker = window.Worker;        // the iframe-worker shim's stand-in under file://
  function LazyWorker(url, options) {
    if (!WORKER.test(String(url))) return new RealWorker(url, options);
    var target = new EventTarget();
    var real = null;
    function start() {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        target.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      real.addEventListener("error", function (event) {
        target.dispatchEvent(new ErrorEvent("error", { message: event.message, error: event.error }));
      });
    }
    target.postMessage = function (message) {
      if (!real) start();
      real.postMessage(message);
    };
    target.terminate = function () {
      if (real) real.terminate();
    };
    return target;
  }
  if (RealWorker) window.Worker = LazyWorker;

  function isSearchBox(node) {
    return node && node.matches && node.matches(".md-search__input, label[for='__search'], label[for='__search'] *");
  }

  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) want();
  }, true);
  document.addEventListener("click", function (event) {
    if (isSearchBox(event.target)) want();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  }, true);
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches(".md-search__input")) return;
    want();
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }, true);

  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) want();
})();
