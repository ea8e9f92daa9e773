/*
 * Inventory items on a map: every element with [data-inventory-map] (console/inventory/map.html) becomes a Leaflet
 * map with one marker per item of data-markers (JSON: [{id, latitude, longitude, title, url}]), each linking to the
 * item page. Tiles are optional (data-tile-url); Leaflet loads from its webjar on first use, as in site-map.js.
 */
(function (global) {
  'use strict';

  function load(element) {
    if (global.L) {
      return Promise.resolve(global.L);
    }
    return new Promise(function (resolve, reject) {
      if (element.dataset.leafletCss && !document.querySelector('link[data-leaflet-css]')) {
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = element.dataset.leafletCss;
        link.setAttribute('data-leaflet-css', '');
        document.head.appendChild(link);
      }
      var script = document.createElement('script');
      script.src = element.dataset.leafletJs;
      script.onload = function () { resolve(global.L); };
      script.onerror = function () { reject(new Error('Leaflet could not be loaded')); };
      document.head.appendChild(script);
    });
  }

  function init(element) {
    var markers = [];
    try {
      markers = JSON.parse(element.dataset.markers || '[]');
    } catch (e) {
      markers = [];
    }
    return load(element).then(function (L) {
      if (element.dataset.leafletImages) {
        L.Icon.Default.imagePath = element.dataset.leafletImages;
      }
      var map = L.map(element, { worldCopyJump: true, attributionControl: Boolean(element.dataset.tileUrl) });
      if (element.dataset.tileUrl) {
        L.tileLayer(element.dataset.tileUrl, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
      }
      var points = [];
      markers.forEach(function (m) {
        var marker = L.marker([m.latitude, m.longitude], { title: m.title, alt: m.title }).addTo(map);
        var link = document.createElement('a');
        link.href = m.url;
        link.textContent = m.title;
        marker.bindPopup(link);
        points.push([m.latitude, m.longitude]);
      });
      if (points.length > 0) {
        map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
      } else {
        map.setView([Number(element.dataset.centerLatitude) || 0, Number(element.dataset.centerLongitude) || 0],
          Number(element.dataset.zoom) || 2);
      }
      element.inventoryMap = map;
      return map;
    });
  }

  function start() {
    document.querySelectorAll('[data-inventory-map]').forEach(function (element) {
      init(element).catch(function () { /* the table below the map lists the same items */ });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  global.SwitchboardInventoryMap = { init: init };
}(window));
