/* Feedback form: validate in the page's language, send as JSON, and never lose what was written.
   Whatever cannot be sent just now (no network, the server busy or down) is kept in localStorage
   and sent again later: on the next page the learner opens, or with "Try again". Resending then backs
   off (1 min, 2 min, 4 min … at most 6 h between tries) and gives up after MAX_ATTEMPTS tries or
   MAX_AGE_DAYS; a server that refuses the feedback (4xx other than 408/429) or a host without
   the service (404/405/501) is never retried. Whenever the text cannot be delivered or kept, it
   stays in (or goes back into) the form with a message asking the learner to copy it.
   Runs on every page (to send what is kept); builds the form only where the page has one.
   Plain JavaScript, no dependencies. */
(function () {
  "use strict";
  var QUEUE_KEY = "course.feedback.pending";
  var EMAIL = /^[^\s@<>()\[\]\\,;:"'`]+@[^\s@<>()\[\]\\,;:"'`]+\.[^\s@<>()\[\]\\,;:"'`.]+$/;
  var TIMEOUT_MS = 15000;
  var MAX_ATTEMPTS = 8;
  var FIRST_WAIT_MS = 60 * 1000;
  var LONGEST_WAIT_MS = 6 * 3600 * 1000;
  var MAX_AGE_DAYS = 14;

  /* ---- the queue of kept submissions: [{url, payload, keptAt, attempts, nextAt, givenUp}] ---- */

  function readQueue() {
    try {
      var queue = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(queue) ? queue : [];
    } catch (e) {
      return [];
    }
  }

  function writeQueue(queue) {
    try {
      if (queue.length) window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
      else window.localStorage.removeItem(QUEUE_KEY);
      return true;
    } catch (e) {
      return false;
    }
  }

  function keepInQueue(item) {
    var queue = readQueue().filter(function (kept) { return kept.payload.submission_id !== item.payload.submission_id; });
    queue.push(item);
    return writeQueue(queue);
  }

  function dropFromQueue(submissionId) {
    writeQueue(readQueue().filter(function (kept) { return kept.payload.submission_id !== submissionId; }));
  }

  function updateInQueue(item) {
    writeQueue(readQueue().map(function (kept) {
      return kept.payload.submission_id === item.payload.submission_id ? item : kept;
    }));
  }

  /* ---- sending ---- */

  function canSendTo(url) {
    return /^https?:/i.test(url);
  }

  /* What an answer means: "sent", "later" (try again later), "no_service" (nothing takes feedback
     at that address), "invalid" (422: fields to fix) or "refused" (any other refusal). */
  function outcome(status) {
    if (status >= 200 && status < 300) return "sent";
    if (status === 0 || status === 408 || status === 429 || status >= 500 && status !== 501) return "later";
    if (status === 404 || status === 405 || status === 501) return "no_service";
    if (status === 422) return "invalid";
    return "refused";
  }

  function isDue(item, now) {
    return !item.givenUp && canSendTo(item.url) && (!item.nextAt || item.nextAt <= now);
  }

  /* One more failed try: wait twice as long as last time, or give up past the bounds. */
  function afterFailure(item, now) {
    item.attempts = (item.attempts || 0) + 1;
    var age = now - (Date.parse(item.keptAt) || now);
    if (item.attempts >= MAX_ATTEMPTS || age > MAX_AGE_DAYS * 86400 * 1000) {
      item.givenUp = "gave_up";
    } else {
      /* The first retry comes with the next page the learner opens; then 1 min, 2 min, 4 min … */
      item.nextAt = item.attempts < 2 ? now : now + Math.min(FIRST_WAIT_MS * Math.pow(2, item.attempts - 2), LONGEST_WAIT_MS);
    }
    return item;
  }

  function post(item) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    return fetch(item.url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(item.payload),
      credentials: "same-origin",
      cache: "no-store",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    }, function () {
      return { status: 0, body: {} };
    }).then(function (result) {
      if (timer) clearTimeout(timer);
      return result;
    });
  }

  /* Send every kept submission that is due (all not given up when ``force``); resolves to what happened. */
  function flushQueue(force) {
    var summary = { delivered: 0, rejected: [], remaining: 0 };
    var now = Date.now();
    var items = readQueue().filter(function (item) { return force ? !item.givenUp && canSendTo(item.url) : isDue(item, now); });
    return items.reduce(function (done, item) {
      return done.then(function () {
        return post(item).then(function (result) {
          var what = outcome(result.status);
          if (what === "sent") {
            dropFromQueue(item.payload.submission_id);
            summary.delivered += 1;
          } else if (what === "later") {
            updateInQueue(afterFailure(item, Date.now()));
          } else if (what === "invalid") {
            summary.rejected.push({ item: item, result: result });
          } else {
            item.givenUp = what;                 /* refused or no service: never sent again */
            updateInQueue(item);
          }
        });
      });
    }, Promise.resolve()).then(function () {
      summary.remaining = readQueue().filter(function (item) { return !item.givenUp; }).length - summary.rejected.length;
      return summary;
    });
  }

  function newSubmissionId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function characters(text) {
    return Array.from(text).length;     /* code points, as the server counts them */
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  /* ---- the form ---- */

  function FeedbackForm(root, config) {
    this.root = root;
    this.config = config;
    this.t = config.messages;
    this.form = root.querySelector("form");
    this.sendButton = root.querySelector(".course-feedback__send");
    this.message = root.querySelector(".course-feedback__message");
    this.keptList = root.querySelector(".course-feedback__kept");
    this.retryButton = root.querySelector(".course-feedback__retry");
    this.busy = false;
    var page = new URLSearchParams(window.location.search).get("page") || "";
    this.page = Object.prototype.hasOwnProperty.call(config.pages, page) ? page : "";
    if (this.page) root.querySelector(".course-feedback__page").textContent = config.pages[this.page].title;
  }

  FeedbackForm.prototype.field = function (name) {
    return this.form.elements[name];
  };

  FeedbackForm.prototype.setUp = function () {
    var self = this;
    ["helpful", "improve"].forEach(function (name) {
      self.field(name).addEventListener("input", function () { self.updateCount(name); });
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit();
    });
    this.retryButton.addEventListener("click", function () { self.retry(true); });
    if (this.restoreGivenUp()) return;
    if (readQueue().length) {
      this.showKept();
      var sendable = readQueue().some(function (item) { return canSendTo(item.url); });
      if (sendable) this.retry(false);
      else this.say(this.t.file_mode, "kept");
    }
  };

  /* A kept submission that will not be sent any more goes back into the form, with the reason. */
  FeedbackForm.prototype.restoreGivenUp = function () {
    var given = readQueue().filter(function (item) { return item.givenUp; })[0];
    if (!given) return false;
    dropFromQueue(given.payload.submission_id);
    this.restore(given.payload);
    this.say(this.t[given.givenUp] || this.t.gave_up, "error");
    this.showKept();
    return true;
  };

  FeedbackForm.prototype.updateCount = function (name) {
    var count = characters(this.field(name).value);
    var counter = this.root.querySelector("#feedback-" + name + "-count");
    counter.textContent = count + " / " + this.config.max;
    counter.classList.toggle("course-feedback__count--over", count > this.config.max);
  };

  FeedbackForm.prototype.say = function (text, kind) {
    this.message.textContent = text;
    this.message.className = "course-feedback__message course-feedback__message--" + kind;
  };

  FeedbackForm.prototype.setError = function (name, text) {
    var box = this.root.querySelector("#feedback-" + name + "-error");
    var inputs = name === "rating" ? this.root.querySelectorAll("input[name=rating]") : [this.field(name)];
    Array.prototype.forEach.call(inputs, function (input) {
      if (text) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
    box.textContent = text || "";
    box.hidden = !text;
  };

  FeedbackForm.prototype.clearErrors = function () {
    var self = this;
    ["rating", "helpful", "improve", "email"].forEach(function (name) { self.setError(name, ""); });
  };

  /* Marks every problem; returns the first field to fix, or null when the form is valid. */
  FeedbackForm.prototype.validate = function () {
    var t = this.t, max = this.config.max, firstBad = null, self = this;
    this.clearErrors();
    function bad(name, text, element) {
      self.setError(name, text);
      firstBad = firstBad || element;
    }
    var rating = this.form.querySelector("input[name=rating]:checked");
    if (!rating) bad("rating", t.error_rating, this.form.querySelector("input[name=rating]"));
    ["helpful", "improve"].forEach(function (name) {
      var count = characters(self.field(name).value);
      if (count > max) bad(name, fill(t.error_too_long, { max: max, count: count }), self.field(name));
    });
    var email = this.field("email").value.trim();
    if (email && (!EMAIL.test(email) || email.length > this.config.emailMax)) bad("email", t.error_email, this.field("email"));
    return firstBad;
  };

  FeedbackForm.prototype.payload = function () {
    var rating = this.form.querySelector("input[name=rating]:checked");
    var info = this.page ? this.config.pages[this.page] : null;
    var payload = {
      submission_id: newSubmissionId(),
      rating: rating ? parseInt(rating.value, 10) : null,
      helpful: this.field("helpful").value,
      improve: this.field("improve").value,
      email: this.field("email").value.trim(),
      page: this.page,
      lesson: info ? info.lesson : "",
      lang: this.config.lang
    };
    payload[this.config.trap] = this.field(this.config.trap).value;
    return payload;
  };

  FeedbackForm.prototype.resetForm = function () {
    this.form.reset();
    this.clearErrors();
    this.updateCount("helpful");
    this.updateCount("improve");
  };

  FeedbackForm.prototype.setBusy = function (busy) {
    this.busy = busy;
    this.sendButton.disabled = busy;
    this.retryButton.disabled = busy;
    this.sendButton.textContent = busy ? this.t.sending : this.t.send;
  };

  FeedbackForm.prototype.submit = function () {
    if (this.busy) return;
    var firstBad = this.validate();
    if (firstBad) {
      firstBad.focus();
      return;
    }
    var payload = this.payload();
    if (/^mailto:/i.test(this.config.endpoint)) {
      this.openMail(payload);
      return;
    }
    var item = { url: new URL(this.config.endpoint, window.location.href).href, payload: payload, keptAt: new Date().toISOString() };
    if (!canSendTo(item.url)) {
      this.keep(item, this.t.file_mode);
      return;
    }
    var self = this;
    this.setBusy(true);
    post(item).then(function (result) {
      self.setBusy(false);
      var what = outcome(result.status);
      if (what === "sent") {
        self.resetForm();
        self.say(self.t.thanks, "ok");
      } else if (what === "later") {
        self.keep(afterFailure(item, Date.now()), self.t.kept);
      } else if (what === "invalid") {
        self.showRejection(result.body);
      } else {
        self.say(self.t[what], "error");       /* refused or no service: the text stays in the form */
      }
    });
  };

  FeedbackForm.prototype.keep = function (item, text) {
    if (keepInQueue(item)) {
      this.resetForm();                        /* the text now lives in the queue, shown below */
      this.say(text, "kept");
    } else {
      this.say(this.t.not_kept, "error");      /* storage full or blocked: the form keeps the text */
    }
    this.showKept();
  };

  FeedbackForm.prototype.showRejection = function (body) {
    var errors = (body && body.errors) || {}, t = this.t, self = this;
    var local = { rating: t.error_rating, email: t.error_email };
    Object.keys(errors).forEach(function (name) {
      if (local[name]) self.setError(name, local[name]);
      else if (name === "helpful" || name === "improve") self.setError(name, errors[name]);
    });
    this.say(t.error_rejected, "error");
  };

  FeedbackForm.prototype.showKept = function () {
    var queue = readQueue(), list = this.keptList, t = this.t, self = this;
    while (list.firstChild) list.removeChild(list.firstChild);
    queue.forEach(function (item) {
      var li = document.createElement("li");
      var rating = document.createElement("strong");
      rating.textContent = item.payload.rating + " / 5";
      li.appendChild(rating);
      [["helpful", t.helpful], ["improve", t.improve]].forEach(function (pair) {
        if (!item.payload[pair[0]]) return;
        var part = document.createElement("span");
        part.className = "course-feedback__kept-text";
        part.textContent = pair[1] + " " + item.payload[pair[0]];
        li.appendChild(part);
      });
      list.appendChild(li);
    });
    list.hidden = !queue.length;
    if (queue.length) list.setAttribute("aria-label", t.kept_items);
    this.retryButton.hidden = !queue.some(function (item) { return canSendTo(item.url) && !item.givenUp; });
    if (!queue.length && self.message.classList.contains("course-feedback__message--kept")) self.say("", "none");
  };

  FeedbackForm.prototype.retry = function (force) {
    var self = this;
    this.setBusy(true);
    flushQueue(force).then(function (summary) {
      self.setBusy(false);
      var rejected = summary.rejected[0];
      if (self.restoreGivenUp()) {
        return;
      } else if (rejected) {
        dropFromQueue(rejected.item.payload.submission_id);
        self.restore(rejected.item.payload);
        self.showRejection(rejected.result.body);
      } else if (summary.remaining) {
        self.say(self.t.kept, "kept");
      } else if (summary.delivered) {
        self.say(self.t.sent_later, "ok");
      }
      self.showKept();
    });
  };

  /* Put a kept submission back into the form, so that the learner can correct it. */
  FeedbackForm.prototype.restore = function (payload) {
    var radio = this.form.querySelector("input[name=rating][value='" + payload.rating + "']");
    if (radio) radio.checked = true;
    this.field("helpful").value = payload.helpful || "";
    this.field("improve").value = payload.improve || "";
    this.field("email").value = payload.email || "";
    this.updateCount("helpful");
    this.updateCount("improve");
  };

  FeedbackForm.prototype.openMail = function (payload) {
    var t = this.t, address = this.config.endpoint.replace(/^mailto:/i, "");
    var about = this.page ? this.config.pages[this.page].title : t.about_course;
    var lines = [t.about + " " + about, t.rating + ": " + payload.rating + " / 5", "",
                 t.helpful, payload.helpful, "", t.improve, payload.improve];
    var href = "mailto:" + address + "?subject=" + encodeURIComponent(t.mail_subject + " (" + about + ")") +
               "&body=" + encodeURIComponent(lines.join("\r\n"));
    this.say(fill(t.mailto, { address: address }), "ok");
    var link = document.createElement("a");
    link.href = href;
    link.className = "course-feedback__mail-link";
    link.textContent = address;
    this.message.appendChild(document.createTextNode(" "));
    this.message.appendChild(link);
    window.location.href = href;
  };

  function setUp() {
    var root = document.querySelector("[data-course-feedback]");
    var data = document.getElementById("course-feedback-config");
    if (root && data) {
      new FeedbackForm(root, JSON.parse(data.textContent)).setUp();
    } else if (readQueue().length) {
      flushQueue(false);      /* another page of the course: send what is due, quietly */
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
