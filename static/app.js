// Mizan: keyboard moves, link copying and the remembered reviewer name. Every page works without this
// file; it only adds shortcuts to links and buttons that already exist.
(function () {
  "use strict";

  // Copy link: the button is hidden until this script can make it work.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function setupCopy() {
    var holder = document.querySelector("p.copy");
    if (!holder) return;
    var button = holder.querySelector("button[data-copy]");
    var output = holder.querySelector("output.copied");
    holder.hidden = false;
    button.addEventListener("click", function () {
      var url = window.location.href;
      output.dataset.url = url;
      copyText(url).then(function () {
        output.textContent = "نُسخ الرابط";
      }, function () {
        output.textContent = "انسخ الرابط من شريط العنوان";
      });
    });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
      (target && target.isContentEditable);
  }

  function follow(rel) {
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (!link) return false;
    window.location.href = link.href;
    return true;
  }

  function setupKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      var keys = document.getElementById("keys");
      var done = false;
      switch (event.key) {
        case "j":
        case "ArrowLeft": // right to left: left is forward
          done = follow("next");
          break;
        case "k":
        case "ArrowRight":
          done = follow("prev");
          break;
        case "?":
          if (keys) {
            keys.open = !keys.open;
            if (keys.open) {
              keys.scrollIntoView({ block: "nearest" });
              keys.querySelector("summary").focus();
            }
            done = true;
          }
          break;
      }
      if (done) event.preventDefault();
    });
  }

  // The reviewer's name, remembered in a cookie by the server when a
  // verdict is saved, fills the verdict form (pages are cached, so the
  // server does not write it in).
  function setupReviewer() {
    var input = document.getElementById("reviewer");
    if (!input || input.value) return;
    var found = document.cookie.split("; ").filter(function (kv) {
      return kv.indexOf("mizan_reviewer=") === 0;
    })[0];
    if (!found) return;
    try {
      input.value = decodeURIComponent(found.slice("mizan_reviewer=".length));
    } catch (e) { /* a malformed cookie fills nothing */ }
  }

  setupCopy();
  setupKeys();
  setupReviewer();
})();
