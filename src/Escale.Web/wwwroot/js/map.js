// Draws the maps of elements like <div class="map" data-geojson="/api/v1/..." aria-label="...">.
// No tile layer: the site makes no third-party request and works offline. Without JavaScript the
// map stays hidden and the page's lists of communes and services carry the same information.
(function () {
  "use strict";

  if (typeof L === "undefined") {
    return;
  }

  var styles = {
    commune: { color: "#7a1f2b", weight: 2, fillColor: "#7a1f2b", fillOpacity: 0.25 },
    territoire: { color: "#4a4f59", weight: 1, fillOpacity: 0 },
    intercommunalite: { color: "#1f5f4a", weight: 3, fillOpacity: 0.05 },
    voisine: { color: "#4a4f59", weight: 1, fillColor: "#9aa0a8", fillOpacity: 0.15 },
    service: { color: "#1f3f7a", weight: 2, fillColor: "#ffffff", fillOpacity: 1 },
    offre: { color: "#7a1f2b", weight: 2, fillColor: "#f3d9dc", fillOpacity: 1 }
  };

  // On an intercommunality's map its communes are the neighbours of the main outline, drawn lighter.
  function styleFor(feature, main) {
    var role = feature.properties.role;
    if (feature === main) {
      return role === "intercommunalite" ? styles.intercommunalite : styles.commune;
    }
    return role === "commune" ? styles.voisine : (styles[role] || styles.voisine);
  }

  // The server gives each shape the address of its page (SiteLinks), or null.
  function linkFor(properties) {
    return properties.href || null;
  }

  function draw(element, collection) {
    var main = collection.features[0];
    element.hidden = false;
    var map = L.map(element, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
    var layer = L.geoJSON(collection, {
      style: function (feature) { return styleFor(feature, main); },
      // Points would become markers, whose default icon is an image path guess; circles need no image.
      pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, { radius: 5 }); },
      onEachFeature: function (feature, featureLayer) {
        featureLayer.bindTooltip(feature.properties.name, { sticky: true });
        var href = feature === main ? null : linkFor(feature.properties);
        if (href) {
          featureLayer.on("click", function () { window.location.assign(href); });
        }
      }
    }).addTo(map);
    layer.eachLayer(function (featureLayer) {
      if (featureLayer.feature === main && featureLayer.bringToFront) {
        featureLayer.bringToFront();
      }
    });
    map.fitBounds(layer.getBounds(), { padding: [12, 12] });
  }

  document.querySelectorAll(".map[data-geojson]").forEach(function (element) {
    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (collection) {
        if (collection.features && collection.features.length > 0) {
          draw(element, collection);
        }
      })
      .catch(function () {
        // The map is an enhancement: the list on the page already gives the same places.
        element.hidden = true;
      });
  });
})();
