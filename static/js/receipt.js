(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // A draft saved offline was sent when the connection returned (offline-draft.js): say so.
  try {
    if (sessionStorage.getItem("lapor-draft-sent")) {
      sessionStorage.removeItem("lapor-draft-sent");
      var note = document.getElementById("draft-sent");
      if (note) note.hidden = false;
    }
  } catch (e) { /* storage blocked: the receipt itself says the report was received */ }
})();
