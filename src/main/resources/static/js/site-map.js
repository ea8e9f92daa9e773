/*
 * A site's location on a map: every element with [data-site-map] (rendered by fragments/map.html :: siteMap)
 * becomes a Leaflet map with one marker.
 *
 * Editable maps: dragging the marker, or clicking the map, writes the position into the latitude and longitude
 * inputs (6 decimals, about 0.1 m) and the plus code computed from those rounded values (11 digits, as the
 * server stores it) into the plus-code output; typing coordinates moves the marker. Each change fires "input" and "change" on the inputs (so forms
 * and htmx notice) and a "site-map:change" event on the map element with {latitude, longitude, plusCode}.
 *
 * Tiles are optional: with no tile URL, or when tiles fail to load (no internet), the map shows a plain grid
 * with a notice and the marker still works. Leaflet itself is loaded from its webjar on first use.
 *
 * Attributes (see fragments/map.html): data-latitude-input, data-longitude-input, data-plus-code-output
 * (CSS selectors), data-editable, data-tile-url, data-attribution, data-center-latitude, data-center-longitude,
 * data-zoom, data-leaflet-css, data-leaflet-js, data-leaflet-images, data-msg-no-tiles, data-msg-tiles-failed,
 * data-msg-marker. The instance is at element.siteMap once ready; SwitchboardSiteMap.init(element) returns a
 * promise of it.
 */
(function (global) {
  'use strict';

  var DECIMALS = 6;
  // the server stores 11 significant digits (PlusCodes.DIGITS), "8CGRC78W+PF8": show the same code it will keep
  var PLUS_CODE_DIGITS = 11;
  var LOCATED_ZOOM = 16;
  var leaflet = null;

  function loadCss(href) {
    return new Promise(function (resolve) {
      if (!href || document.querySelector('link[data-leaflet-css]')) {
        resolve();
        return;
      }
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.setAttribute('data-leaflet-css', '');
      link.onload = function () { resolve(); };
      link.onerror = function () { resolve(); };
      document.head.appendChild(link);
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (global.L) {
        resolve(global.L);
        return;
      }
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () { resolve(global.L); };
      script.onerror = function () { reject(new Error('Leaflet could not be loaded from ' + src)); };
      document.head.appendChild(script);
    });
  }

  function loadLeaflet(element) {
    if (!leaflet) {
      leaflet = Promise.all([loadCss(element.dataset.leafletCss), loadScript(element.dataset.leafletJs)])
        .then(function (loaded) {
          var L = loaded[1];
          if (element.dataset.leafletImages) {
            L.Icon.Default.imagePath = element.dataset.leafletImages;
          }
          return L;
        });
    }
    return leaflet;
  }

  function find(selector) {
    return selector ? document.querySelector(selector) : null;
  }

  function parse(value) {
    if (value === null || value === undefined || String(value).trim() === '') {
      return null;
    }
    var number = Number(String(value).trim().replace(',', '.'));
    return isFinite(number) ? number : null;
  }

  function round(value) {
    return Number(value.toFixed(DECIMALS));
  }

  function SiteMap(element, L) {
    var data = element.dataset;
    this.element = element;
    this.L = L;
    this.latitudeInput = find(data.latitudeInput);
    this.longitudeInput = find(data.longitudeInput);
    this.plusCodeOutput = find(data.plusCodeOutput);
    this.editable = data.editable !== 'false';
    this.marker = null;

    this.map = L.map(element, { worldCopyJump: true, attributionControl: Boolean(data.tileUrl) });
    if (data.tileUrl) {
      var self = this;
      var notified = false;
      L.tileLayer(data.tileUrl, { maxZoom: 19, attribution: data.attribution || '' })
        .on('tileerror', function () {
          if (!notified) {
            notified = true;
            self.notice(data.msgTilesFailed);
          }
        })
        .addTo(this.map);
    } else if (this.editable) {
      // a read-only map without tiles still shows where the site is; only an editable one needs the hint
      this.notice(data.msgNoTiles);
    }

    var position = this.inputPosition();
    if (position) {
      this.place(position);
      this.map.setView(position, LOCATED_ZOOM);
      this.showPlusCode(position);
    } else {
      this.map.setView([parse(data.centerLatitude) || 0, parse(data.centerLongitude) || 0],
        parse(data.zoom) === null ? 2 : parse(data.zoom));
    }

    this.listen();
  }

  SiteMap.prototype.notice = function (text) {
    if (!text || this.element.querySelector('.site-map__notice')) {
      return;
    }
    var notice = document.createElement('div');
    notice.className = 'site-map__notice';
    notice.setAttribute('role', 'status');
    notice.textContent = text;
    this.element.appendChild(notice);
  };

  /** The position typed in the inputs, or null when they are empty or out of range. */
  SiteMap.prototype.inputPosition = function () {
    var latitude = parse(this.latitudeInput && this.latitudeInput.value);
    var longitude = parse(this.longitudeInput && this.longitudeInput.value);
    if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return null;
    }
    return [latitude, longitude];
  };

  SiteMap.prototype.place = function (position) {
    if (this.marker) {
      this.marker.setLatLng(position);
      return;
    }
    var label = this.element.dataset.msgMarker || '';
    this.marker = this.L.marker(position, { draggable: this.editable, autoPan: true, title: label, alt: label })
      .addTo(this.map);
    if (this.editable) {
      var self = this;
      this.marker.on('drag', function () { self.preview(self.marker.getLatLng()); });
      this.marker.on('dragend', function () { self.moveTo(self.marker.getLatLng()); });
    }
  };

  SiteMap.prototype.showPlusCode = function (position) {
    if (!this.plusCodeOutput) {
      return '';
    }
    var code = global.SwitchboardPlusCode.encode(position[0], position[1], PLUS_CODE_DIGITS);
    if ('value' in this.plusCodeOutput) {
      this.plusCodeOutput.value = code;
    }
    if (this.plusCodeOutput.tagName !== 'INPUT' && this.plusCodeOutput.tagName !== 'TEXTAREA') {
      this.plusCodeOutput.textContent = code;
    }
    return code;
  };

  /** During a drag: show the numbers without firing change events. */
  SiteMap.prototype.preview = function (latLng) {
    var wrapped = latLng.wrap();
    var position = [round(wrapped.lat), round(wrapped.lng)];
    this.write(position, false);
  };

  /** A position picked on the map: written to the inputs, announced to the page. */
  SiteMap.prototype.moveTo = function (latLng) {
    var wrapped = latLng.wrap();
    var position = [round(wrapped.lat), round(wrapped.lng)];
    this.place(position);
    var plusCode = this.write(position, true);
    this.element.dispatchEvent(new CustomEvent('site-map:change', {
      bubbles: true,
      detail: { latitude: position[0], longitude: position[1], plusCode: plusCode }
    }));
  };

  SiteMap.prototype.write = function (position, announce) {
    this.writing = true;
    try {
      var inputs = [[this.latitudeInput, position[0]], [this.longitudeInput, position[1]]];
      inputs.forEach(function (pair) {
        if (!pair[0]) {
          return;
        }
        pair[0].value = pair[1].toFixed(DECIMALS);
        if (announce) {
          pair[0].dispatchEvent(new Event('input', { bubbles: true }));
          pair[0].dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      return this.showPlusCode(position);
    } finally {
      this.writing = false;
    }
  };

  SiteMap.prototype.listen = function () {
    var self = this;
    if (this.editable) {
      this.map.on('click', function (event) { self.moveTo(event.latlng); });
    }
    [this.latitudeInput, this.longitudeInput].forEach(function (input) {
      if (!input) {
        return;
      }
      input.addEventListener('input', function () {
        if (self.writing) {
          return;
        }
        var position = self.inputPosition();
        if (position) {
          self.place(position);
          self.map.panTo(position);
          self.showPlusCode(position);
        }
      });
    });
    if (global.ResizeObserver) {
      // maps in tabs or dialogs are created while hidden; redraw once they get a size
      new ResizeObserver(function () { self.map.invalidateSize(); }).observe(this.element);
    }
  };

  function init(element) {
    if (element.siteMapReady) {
      return element.siteMapReady;
    }
    element.siteMapReady = loadLeaflet(element).then(function (L) {
      element.siteMap = new SiteMap(element, L);
      element.setAttribute('data-site-map-ready', '');
      return element.siteMap;
    });
    return element.siteMapReady;
  }

  function initAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var elements = Array.prototype.slice.call(scope.querySelectorAll('[data-site-map]'));
    if (scope.matches && scope.matches('[data-site-map]')) {
      elements.push(scope);
    }
    elements.forEach(init);
  }

  global.SwitchboardSiteMap = { init: init, initAll: initAll };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { initAll(document); });
  } else {
    initAll(document);
  }
  document.addEventListener('htmx:load', function (event) { initAll(event.target); });
})(window);
