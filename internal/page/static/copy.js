// Copy buttons for the subscription addresses. Without this script the
// addresses stay in plain view, ready to select and copy by hand.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        button.textContent = "Copied";
        button.setAttribute("aria-live", "polite");
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      });
    });
  });
  document.querySelectorAll(".copy input").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
});
