/* The narration player: one accessible audio bar shared by every [data-course-audio] button on a
   page (the lesson's "Play audio" action and each section's play control).
   Play/pause, a seek slider, speed, current time and duration, "show the text" (the transcript is
   the lesson text itself) and close. Keyboard: every control is a native button, slider or
   select; in the slider the arrow keys move 5 s, Page Up/Down 30 s; Escape closes the player.
   Labels come from the page's localized UI strings. What is heard and where narration paused is
   reported to the learner record (record.js), which offers it back (CoursePlayer.resume).
   Plain JavaScript, works from file://. */
(function () {
  "use strict";
  var SPEED_KEY = "course.player.speed";
  var SPEEDS = [0.75, 1, 1.25, 1.5, 2];
  var player = null;

  function ui(key, fallback) {
    var node = document.getElementById("course-ui");
    if (!node) return fallback;
    try {
      var strings = JSON.parse(node.textContent);
      return strings[key] || fallback;
    } catch (e) {
      return fallback;
    }
  }

  function clock(seconds) {
    if (!isFinite(seconds) || seconds < 0) seconds = 0;
    seconds = Math.floor(seconds);
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var mm = h ? (m < 10 ? "0" + m : "" + m) : "" + m;
    return (h ? h + ":" : "") + mm + ":" + (s < 10 ? "0" + s : s);
  }

  function number(value) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined).format(value);
    } catch (e) {
      return String(value);
    }
  }

  function storedSpeed() {
    try {
      var value = parseFloat(window.localStorage.getItem(SPEED_KEY));
      return SPEEDS.indexOf(value) >= 0 ? value : 1;
    } catch (e) {
      return 1;
    }
  }

  function element(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function Player() {
    var self = this;
    this.trigger = null;
    this.root = element("div", "course-player", { role: "region", "aria-label": ui("audio.player", "Audio player") });
    this.root.hidden = true;
    this.audio = element("audio", "course-player__audio", { preload: "auto" });
    this.toggle = element("button", "course-player__toggle", { type: "button", "aria-label": ui("audio.play", "Play") });
    this.toggle.innerHTML = '<span class="course-player__icon" aria-hidden="true"></span>';
    this.title = element("span", "course-player__title");
    this.seek = element("input", "course-player__seek", {
      type: "range", min: "0", max: "0", step: "any", value: "0", "aria-label": ui("audio.position", "Position")
    });
    this.time = element("span", "course-player__time");
    this.time.textContent = "0:00 / 0:00";
    var speedLabel = element("label", "course-player__speed-label");
    var speedText = element("span", "course-player__speed-text");
    speedText.textContent = ui("audio.speed", "Speed");
    this.speed = element("select", "course-player__speed");
    SPEEDS.forEach(function (value) {
      var option = element("option", "", { value: String(value) });
      option.textContent = number(value) + "\u00d7";
      self.speed.appendChild(option);
    });
    this.speed.value = String(storedSpeed());
    speedLabel.appendChild(speedText);
    speedLabel.appendChild(this.speed);
    this.transcript = element("button", "course-player__transcript", { type: "button" });
    this.transcript.textContent = ui("audio.transcript", "Show the text");
    this.close = element("button", "course-player__close", { type: "button", "aria-label": ui("audio.close", "Close") });
    this.close.innerHTML = '<span aria-hidden="true">\u00d7</span>';
    this.error = element("p", "course-player__error", { role: "alert" });
    this.error.hidden = true;
    [this.audio, this.toggle, this.title, this.seek, this.time, speedLabel, this.transcript, this.close, this.error]
      .forEach(function (node) { self.root.appendChild(node); });
    document.body.appendChild(this.root);
    this.bind();
    window.addEventListener("resize", this.makeRoom.bind(this));
  }

  Player.prototype.bind = function () {
    var self = this, audio = this.audio;
    this.toggle.addEventListener("click", function () { self.playPause(); });
    this.close.addEventListener("click", function () { self.hide(); });
    this.transcript.addEventListener("click", function () { self.showText(); });
    this.speed.addEventListener("change", function () {
      audio.playbackRate = parseFloat(self.speed.value);
      try { window.localStorage.setItem(SPEED_KEY, self.speed.value); } catch (e) { /* private mode */ }
    });
    this.seek.addEventListener("input", function () {
      if (isFinite(audio.duration)) audio.currentTime = parseFloat(self.seek.value);
      self.showTime();
    });
    this.seek.addEventListener("keydown", function (event) {
      var steps = { ArrowLeft: -5, ArrowDown: -5, ArrowRight: 5, ArrowUp: 5, PageDown: -30, PageUp: 30 };
      if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        audio.currentTime = event.key === "Home" ? 0 : Math.max(0, (audio.duration || 0) - 0.1);
      } else if (steps[event.key] !== undefined) {
        event.preventDefault();
        audio.currentTime = Math.min(Math.max(0, audio.currentTime + steps[event.key]), audio.duration || 0);
      }
      self.showTime();
    });
    this.root.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        self.hide();
      }
    });
    ["play", "pause", "ended"].forEach(function (name) {
      audio.addEventListener(name, function () { self.showState(); });
    });
    ["timeupdate", "durationchange", "loadedmetadata", "seeked"].forEach(function (name) {
      audio.addEventListener(name, function () { self.showTime(); });
    });
    audio.addEventListener("timeupdate", function () { self.listen(); });
    ["pause", "ended"].forEach(function (name) {
      audio.addEventListener(name, function () { self.report(); });
    });
    audio.addEventListener("error", function () {
      self.error.textContent = ui("audio.error", "This track could not be played.");
      self.error.hidden = false;
      self.showState();
    });
  };

  /* Seconds actually heard per track (a jump ahead is not listening), reported every few seconds. */
  Player.prototype.listen = function () {
    var src = this.audio.getAttribute("src"), t = this.audio.currentTime, step = t - (this.at || 0);
    this.heard = this.heard || {};
    if ((!this.audio.paused || this.audio.ended) && step > 0 && step < 3) {    /* the last stretch before the end counts */
      this.heard[src] = (this.heard[src] || 0) + step;
      this.hearChapter(src, t, step);
    }
    this.at = t;
    if (!this.reported || Date.now() - this.reported > 5000) this.report();
  };

  /* The whole-lesson track names where each section is heard in it (data-course-chapters:
     [[section id, start, end], …] in seconds): time heard there counts for that section too. */
  Player.prototype.hearChapter = function (src, t, step) {
    var chapters = this.chapters(), heard = this.chapterHeard = this.chapterHeard || {};
    chapters.forEach(function (c) {
      if (t > c[1] && t - step < c[2]) {
        var key = src + "#" + c[0];
        heard[key] = (heard[key] || 0) + Math.min(t, c[2]) - Math.max(t - step, c[1]);
      }
    });
  };

  Player.prototype.chapters = function () {
    var raw = this.trigger && this.trigger.getAttribute("data-course-chapters");
    if (!raw) return [];
    try { return JSON.parse(raw); } catch (e) { return []; }
  };

  Player.prototype.reportChapters = function (R, lesson, src) {
    var heard = this.chapterHeard || {};
    this.chapters().forEach(function (c) {
      var seconds = heard[src + "#" + c[0]];
      if (seconds && c[2] > c[1]) R.report("narration-heard", { lesson: lesson, section: c[0], heard: seconds / (c[2] - c[1]) });
    });
  };

  Player.prototype.report = function () {
    var R = window.CourseRecord, audio = this.audio, src = audio.getAttribute("src");
    if (!R || !this.trigger || !src) return;
    this.reported = Date.now();
    var section = this.trigger.closest("details.course-section"), status = document.querySelector("[data-course-lesson]");
    var duration = isFinite(audio.duration) ? audio.duration : 0;
    if (!section) this.reportChapters(R, status && status.getAttribute("data-course-lesson"), src);
    R.report("narration", { lesson: status && status.getAttribute("data-course-lesson"), section: section && section.id, src: src,
      title: this.trigger.getAttribute("data-course-title") || "", position: audio.currentTime || 0, duration: duration,
      heard: duration ? ((this.heard || {})[src] || 0) / duration : 0, paused: audio.paused && !audio.ended });
  };

  Player.prototype.open = function (trigger) {
    var src = trigger.getAttribute("data-course-audio");
    if (this.trigger === trigger && this.audio.getAttribute("src") === src) {
      this.playPause();
      return;
    }
    if (this.trigger) this.trigger.classList.remove("is-playing");
    this.trigger = trigger;
    this.error.hidden = true;
    this.title.textContent = trigger.getAttribute("data-course-title") || "";
    this.audio.setAttribute("src", src);
    this.at = 0;
    this.audio.playbackRate = parseFloat(this.speed.value);
    this.audio.defaultPlaybackRate = parseFloat(this.speed.value);
    this.seek.value = "0";
    this.root.hidden = false;
    document.body.classList.add("course-player-open");
    this.makeRoom();
    this.play();
  };

  /* Room below the page for the player, so that it never hides the end of the text. */
  Player.prototype.makeRoom = function () {
    if (!this.root.hidden) document.body.style.paddingBottom = this.root.offsetHeight + "px";
  };

  Player.prototype.play = function () {
    var promise = this.audio.play();
    if (promise && promise.catch) promise.catch(function () { /* shown by the error event or left paused */ });
  };

  Player.prototype.playPause = function () {
    if (this.audio.paused) this.play(); else this.audio.pause();
  };

  Player.prototype.hide = function () {
    this.audio.pause();
    this.root.hidden = true;
    document.body.classList.remove("course-player-open");
    document.body.style.paddingBottom = "";
    if (this.trigger) {
      this.trigger.classList.remove("is-playing");
      this.trigger.focus();
    }
  };

  Player.prototype.showState = function () {
    var playing = !this.audio.paused && !this.audio.ended;
    this.toggle.setAttribute("aria-label", playing ? ui("audio.pause", "Pause") : ui("audio.play", "Play"));
    this.toggle.classList.toggle("is-playing", playing);
    if (this.trigger) this.trigger.classList.toggle("is-playing", playing);
  };

  Player.prototype.showTime = function () {
    var duration = isFinite(this.audio.duration) ? this.audio.duration : 0;
    var current = this.audio.currentTime || 0;
    this.seek.max = String(duration);
    if (document.activeElement !== this.seek) this.seek.value = String(current);
    this.time.textContent = clock(current) + " / " + clock(duration);
    this.seek.setAttribute("aria-valuetext", clock(current) + " / " + clock(duration));
  };

  /* The transcript is the text itself: open the section that is playing (or every section for
     the whole lesson) and bring it into view. */
  Player.prototype.showText = function () {
    var section = this.trigger && this.trigger.closest("details.course-section");
    var target = section;
    if (section) {
      section.open = true;
    } else {
      document.querySelectorAll("details.course-section").forEach(function (d) { d.open = true; });
      target = document.querySelector(".md-content article") || document.body;
    }
    target.scrollIntoView({ block: "start" });
  };

  /* Play a page's track from a position (the record's offer to resume paused narration). */
  window.CoursePlayer = {
    resume: function (src, position) {
      var trigger = document.querySelector("[data-course-audio='" + src + "']");
      if (!trigger) return;
      if (!player) player = new Player();
      player.open(trigger);
      var audio = player.audio;
      player.at = position;
      audio.currentTime = position;
      audio.addEventListener("loadedmetadata", function () {
        if (audio.currentTime < position - 1) { player.at = position; audio.currentTime = position; }
      }, { once: true });
    }
  };

  function setUp() {
    document.addEventListener("click", function (event) {
      var trigger = event.target.closest && event.target.closest("[data-course-audio]");
      if (!trigger) return;
      event.preventDefault();
      if (!player) player = new Player();
      player.open(trigger);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
