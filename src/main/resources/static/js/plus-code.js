/*
 * Open Location Code ("plus code") encoding, written from the public specification
 * (github.com/google/open-location-code, docs/specification.md). The arithmetic follows the server's
 * library (com.google.openlocationcode:openlocationcode 1.0.4) step by step, so the browser shows the code
 * the server will store; the server recomputes it and is the authority. Encoding only: decoding and
 * shortening are not needed in the browser.
 *
 *   SwitchboardPlusCode.encode(40.416775, -3.70379)      // "8CGRC78W+PF" (10 digits)
 *   SwitchboardPlusCode.encode(40.416775, -3.70379, 11)  // "8CGRC78W+PF8"
 */
(function (global) {
  'use strict';

  var ALPHABET = '23456789CFGHJMPQRVWX';
  var BASE = 20;
  var SEPARATOR = '+';
  var SEPARATOR_POSITION = 8;
  var PADDING = '0';
  var PAIR_CODE_LENGTH = 10;
  var GRID_CODE_LENGTH = 5;
  var GRID_ROWS = 5;
  var GRID_COLUMNS = 4;
  var MAX_CODE_LENGTH = 15;
  // precision of the final (15-digit) code: 8000 pair steps per degree, then 5^5 rows / 4^5 columns
  var LAT_INTEGER_MULTIPLIER = 8000 * 3125;
  var LNG_INTEGER_MULTIPLIER = 8000 * 1024;

  function clipLatitude(latitude) {
    return Math.min(90, Math.max(-90, latitude));
  }

  function normalizeLongitude(longitude) {
    while (longitude < -180) {
      longitude += 360;
    }
    while (longitude >= 180) {
      longitude -= 360;
    }
    return longitude;
  }

  /** Height in degrees of the area a code of this length stands for. */
  function latitudePrecision(codeLength) {
    if (codeLength <= PAIR_CODE_LENGTH) {
      return Math.pow(BASE, Math.floor(Math.trunc(codeLength / -2) + 2));
    }
    return Math.pow(BASE, -3) / Math.pow(GRID_ROWS, codeLength - PAIR_CODE_LENGTH);
  }

  function encode(latitude, longitude, codeLength) {
    if (codeLength === undefined) {
      codeLength = PAIR_CODE_LENGTH;
    }
    latitude = Number(latitude);
    longitude = Number(longitude);
    if (!isFinite(latitude) || !isFinite(longitude)) {
      throw new RangeError('latitude and longitude must be numbers');
    }
    codeLength = Math.min(codeLength, MAX_CODE_LENGTH);
    if ((codeLength < PAIR_CODE_LENGTH && codeLength % 2 === 1) || codeLength < 4) {
      throw new RangeError('Illegal code length ' + codeLength);
    }
    latitude = clipLatitude(latitude);
    longitude = normalizeLongitude(longitude);
    if (latitude === 90) {
      // the north pole belongs to the area just below it
      latitude = latitude - 0.9 * latitudePrecision(codeLength);
    }

    // whole units of the finest precision; rounding to 6 decimals first absorbs floating-point noise
    var latVal = Math.trunc(Math.round((latitude + 90) * LAT_INTEGER_MULTIPLIER * 1e6) / 1e6);
    var lngVal = Math.trunc(Math.round((longitude + 180) * LNG_INTEGER_MULTIPLIER * 1e6) / 1e6);

    var reversed = [];
    var i;
    if (codeLength > PAIR_CODE_LENGTH) {
      for (i = 0; i < GRID_CODE_LENGTH; i++) {
        var latDigit = latVal % GRID_ROWS;
        var lngDigit = lngVal % GRID_COLUMNS;
        reversed.push(ALPHABET.charAt(latDigit * GRID_COLUMNS + lngDigit));
        latVal = Math.trunc(latVal / GRID_ROWS);
        lngVal = Math.trunc(lngVal / GRID_COLUMNS);
      }
    } else {
      latVal = Math.trunc(latVal / Math.pow(GRID_ROWS, GRID_CODE_LENGTH));
      lngVal = Math.trunc(lngVal / Math.pow(GRID_COLUMNS, GRID_CODE_LENGTH));
    }
    for (i = 0; i < PAIR_CODE_LENGTH / 2; i++) {
      reversed.push(ALPHABET.charAt(lngVal % BASE));
      reversed.push(ALPHABET.charAt(latVal % BASE));
      latVal = Math.trunc(latVal / BASE);
      lngVal = Math.trunc(lngVal / BASE);
      if (i === 0) {
        reversed.push(SEPARATOR);
      }
    }
    var code = reversed.reverse();
    for (i = codeLength; i < SEPARATOR_POSITION; i++) {
      code[i] = PADDING;
    }
    return code.join('').substring(0, Math.max(SEPARATOR_POSITION + 1, codeLength + 1));
  }

  global.SwitchboardPlusCode = { encode: encode };
})(window);
