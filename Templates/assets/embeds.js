// Click-to-load players (Gazette's EmbeddedMedia): the page holds a poster, a title and a link;
// nothing is requested from the video platform until the reader presses « Lire la vidéo ».
// Then, and only then, the player's frame replaces the poster. No inline script: the page can
// forbid them (Content-Security-Policy script-src 'self'; frame-src the players' domains).
"use strict";
for (const figure of document.querySelectorAll("figure[data-embed-src]")) {
  const button = figure.querySelector(".embed-play");
  const box = figure.querySelector(".embed-frame");
  if (!button || !box) continue;
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = figure.dataset.embedSrc;
    frame.title = figure.dataset.embedTitle;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    frame.focus();
  });
}
