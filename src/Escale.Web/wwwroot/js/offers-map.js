// Draws the offers map of /offres/carte: the territory's outline from /api/v1/territoire/carte as background
// (no tile layer, no third-party request) and one circle per commune, sized by its number of offers, whose
// popup lists them. The clusters are made by the server (/offres/carte.json); without JavaScript the page's
// list of communes gives the same counts and links.
(function () {
  "use strict";

  if (typeof L === "undefined") {
    return;
  }

  // Also draws /recits/carte (".cluster-map[data-points]", whose points carry "items" rather than "offers").
  var element = document.querySelector(".offers-map[data-offers], .cluster-map[data-points]");
  if (!element) {
    return;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  // Built with DOM nodes rather than HTML strings: offer titles are data, never markup.
  function popupFor(properties) {
    var container = document.createElement("div");
    var heading = document.createElement("p");
    var link = document.createElement("a");
    link.href = properties.href;
    link.textContent = properties.name + " (" + properties.count + ")";
    heading.appendChild(link);
    container.appendChild(heading);
    var list = document.createElement("ul");
    (properties.offers || properties.items).forEach(function (offer) {
      var item = document.createElement("li");
      var offerLink = document.createElement("a");
      offerLink.href = offer.href;
      offerLink.textContent = offer.title;
      item.appendChild(offerLink);
      list.appendChild(item);
    });
    container.appendChild(list);
    return container;
  }

  function radiusFor(count) {
    return 6 + 4 * Math.sqrt(count);
  }

  Promise.all([getJson(element.getAttribute("data-outline")), getJson(element.getAttribute("data-offers") || element.getAttribute("data-points"))])
    .then(function (results) {
      var outline = results[0];
      var offers = results[1];
      element.hidden = false;
      var map = L.map(element, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
      var background = L.geoJSON(outline, {
        interactive: false,
        style: function (feature) {
          return feature.properties.role === "territoire"
            ? { color: "#4a4f59", weight: 2, fillColor: "#eef1ee", fillOpacity: 0.2 }
            : { color: "#9aa0a8", weight: 1, fillOpacity: 0 };
        }
      }).addTo(map);
      L.geoJSON(offers, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {
            radius: radiusFor(feature.properties.count),
            className: "offer-cluster",
            color: "#7a1f2b",
            weight: 2,
            fillColor: "#7a1f2b",
            fillOpacity: 0.55
          });
        },
        onEachFeature: function (feature, layer) {
          var label = feature.properties.name + " : " + feature.properties.count;
          layer.bindTooltip(label);
          layer.bindPopup(popupFor(feature.properties));
          // Each circle is a button with a name, reached with Tab and opened with Enter or Space, like a click.
          layer.on("add", function () {
            var circle = layer.getElement();
            circle.setAttribute("tabindex", "0");
            circle.setAttribute("role", "button");
            circle.setAttribute("aria-label", label);
            circle.addEventListener("keydown", function (event) {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                layer.openPopup();
              }
            });
          });
        }
      }).addTo(map);
      map.fitBounds(background.getBounds(), { padding: [12, 12] });
    })
    .catch(function () {
      // The map is an enhancement: the list of communes below gives the same counts and links.
      element.hidden = true;
    });
})();
