// Video and podcast placeholders (<figure class="embed" data-embed-src=…>, written by ContentMarkdown): nothing from
// the provider loads until the visitor presses the button, which replaces it with the player. Without JavaScript the
// button stays hidden and the plain link to the provider's page remains.
(function () {
  "use strict";

  function load(figure, button) {
    var src = figure.getAttribute("data-embed-src");
    var title = figure.getAttribute("data-embed-title");
    var player;
    if (figure.getAttribute("data-embed-kind") === "audio") {
      player = document.createElement("audio");
      player.controls = true;
      player.preload = "auto";
      player.src = src;
    } else {
      player = document.createElement("iframe");
      player.src = src;
      player.title = title;
      player.className = "embed-frame";
      player.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
      player.setAttribute("allowfullscreen", "");
      // Some players refuse to play without knowing the embedding site (https://developers.google.com/youtube/terms/required-minimum-functionality).
      player.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    }
    button.replaceWith(player);
    var note = figure.querySelector(".embed-note");
    if (note) {
      note.remove();
    }
    // The button the visitor pressed is gone: keep the keyboard where the content now is.
    player.setAttribute("tabindex", "0");
    player.focus();
    if (player.tagName === "AUDIO") {
      var playing = player.play();
      if (playing && playing.catch) {
        playing.catch(function () { /* the visitor can press play */ });
      }
    }
  }

  document.querySelectorAll("figure.embed[data-embed-src]").forEach(function (figure) {
    var button = figure.querySelector("button.embed-play");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () { load(figure, button); });
  });
})();
