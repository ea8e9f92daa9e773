/*
 * Behaviour shared by every Switchboard page:
 *  - htmx sends the CSRF token (from the _csrf / _csrf_header meta tags) on every request;
 *  - a session that ended during an htmx request (401, or a redirect to the sign-in page) reloads the whole
 *    page instead of swapping the sign-in form into a fragment; HX-Refresh is honoured by htmx itself;
 *  - other failed htmx requests show a toast;
 *  - the console's sidebar drawer on small screens and the user menu popover;
 *  - form helpers: [data-submit-on-change] submits its form when changed (a list's page size), and
 *    [data-tag-preview] shows a tag pill as its text and colour inputs are edited;
 *  - [data-copy="#selector"] copies the text of an element (a temporary password) to the clipboard;
 *  - <input data-autosubmit="6"> submits its form when it holds six digits (the 2FA code step);
 *  - <form data-confirm="..."> asks before it submits.
 */
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // ---- htmx: CSRF header ----
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // ---- htmx: the session ended ----
  function redirectedToLogin(xhr) {
    var login = meta('switchboard-login-url') || '/login';
    if (!xhr.responseURL) {
      return false;
    }
    var landed = new URL(xhr.responseURL, window.location.href);
    return landed.pathname === new URL(login, window.location.href).pathname
      && window.location.pathname !== landed.pathname;
  }

  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 401) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      window.location.reload();
    } else if (redirectedToLogin(xhr)) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      window.location.assign(xhr.responseURL);
    }
  });

  // ---- htmx: other failures ----
  function toast(message) {
    var region = document.querySelector('[data-toasts]');
    if (!region) {
      return;
    }
    var body = document.body.dataset;
    var item = document.createElement('div');
    item.className = 'toast';
    item.setAttribute('role', 'alert');
    var text = document.createElement('span');
    text.textContent = message + ' ';
    var reload = document.createElement('a');
    reload.href = window.location.href;
    reload.textContent = body.msgReload || 'Reload';
    text.appendChild(reload);
    var close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', body.msgDismiss || 'Dismiss');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () { item.remove(); });
    item.appendChild(text);
    item.appendChild(close);
    region.appendChild(item);
  }

  document.addEventListener('htmx:responseError', function (event) {
    var template = document.body.dataset.msgRequestFailed || 'The request failed ({0}).';
    toast(template.replace('{0}', String(event.detail.xhr.status)));
  });
  document.addEventListener('htmx:sendError', function () {
    var template = document.body.dataset.msgRequestFailed || 'The request failed ({0}).';
    toast(template.replace('{0}', '\u2014'));
  });

  // ---- console sidebar drawer (small screens) ----
  function sidebarParts() {
    return {
      sidebar: document.querySelector('[data-sidebar]'),
      toggle: document.querySelector('[data-sidebar-toggle]'),
      backdrop: document.querySelector('[data-sidebar-backdrop]')
    };
  }

  function setSidebar(open) {
    var parts = sidebarParts();
    if (!parts.sidebar || !parts.toggle) {
      return;
    }
    parts.sidebar.classList.toggle('is-open', open);
    parts.toggle.setAttribute('aria-expanded', String(open));
    if (parts.backdrop) {
      parts.backdrop.hidden = !open;
    }
    if (open) {
      var first = parts.sidebar.querySelector('a, button');
      if (first) {
        first.focus();
      }
    } else if (parts.sidebar.contains(document.activeElement)) {
      parts.toggle.focus();
    }
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) {
      return;
    }
    if (target.closest('[data-sidebar-toggle]')) {
      var parts = sidebarParts();
      setSidebar(!(parts.sidebar && parts.sidebar.classList.contains('is-open')));
    } else if (target.closest('[data-sidebar-close]') || target.closest('[data-sidebar-backdrop]')) {
      setSidebar(false);
    }
    document.querySelectorAll('details[data-user-menu][open]').forEach(function (menu) {
      if (!menu.contains(target)) {
        menu.removeAttribute('open');
      }
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    var parts = sidebarParts();
    if (parts.sidebar && parts.sidebar.classList.contains('is-open')) {
      setSidebar(false);
    }
    document.querySelectorAll('details[data-user-menu][open]').forEach(function (menu) {
      menu.removeAttribute('open');
      var summary = menu.querySelector('summary');
      if (summary) {
        summary.focus();
      }
    });
  });
  // ---- form helpers ----
  document.addEventListener('change', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.matches('[data-submit-on-change]') && target.form) {
      target.form.requestSubmit();
    }
  });

  /** Black or white, whichever reads better on a #rrggbb background (WCAG relative luminance). */
  function readableOn(hex) {
    var value = /^#?([0-9a-f]{6})$/i.exec(hex || '');
    if (!value) {
      return '#111827';
    }
    var rgb = parseInt(value[1], 16);
    var channels = [rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255].map(function (c) {
      c = c / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    return luminance > 0.179 ? '#111827' : '#ffffff';
  }

  function updatePreview(preview) {
    var text = document.querySelector(preview.dataset.textFrom);
    var colour = document.querySelector(preview.dataset.colourFrom);
    preview.textContent = text && text.value.trim() ? text.value.trim() : (preview.dataset.placeholder || '');
    if (colour) {
      preview.style.backgroundColor = colour.value;
      preview.style.color = readableOn(colour.value);
    }
  }

  function initPreviews(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('[data-tag-preview]').forEach(updatePreview);
  }

  document.addEventListener('input', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || !target.id) {
      return;
    }
    document.querySelectorAll('[data-tag-preview]').forEach(function (preview) {
      if (preview.dataset.textFrom === '#' + target.id || preview.dataset.colourFrom === '#' + target.id) {
        updatePreview(preview);
      }
    });
  });
  document.addEventListener('htmx:load', function (event) { initPreviews(event.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { initPreviews(document); });
  } else {
    initPreviews(document);
  }

  // ---- a tab strip that scrolls sideways (phones) keeps its active tab in view ----
  function revealActiveTabs(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('.tabs').forEach(function (strip) {
      var active = strip.querySelector('.is-active');
      if (active && strip.scrollWidth > strip.clientWidth) {
        strip.scrollLeft = active.offsetLeft - (strip.clientWidth - active.offsetWidth) / 2;
      }
    });
  }
  document.addEventListener('htmx:load', function (event) { revealActiveTabs(event.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { revealActiveTabs(document); });
  } else {
    revealActiveTabs(document);
  }

  // ---- forms that ask first: <form data-confirm="Delete ...?"> (htmx forms use hx-confirm) ----
  document.addEventListener('submit', function (event) {
    var form = event.target instanceof HTMLFormElement ? event.target : null;
    if (form && form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  }, true);

  // ---- copy to clipboard ----
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
    if (!button) {
      return;
    }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var done = button.getAttribute('data-copied');
      if (done) {
        button.setAttribute('aria-label', done);
        button.classList.add('is-copied');
      }
    }, function () { /* the text stays visible to copy by hand */ });
  });

  // ---- one-time codes: <input data-autosubmit="6"> submits its form once it holds that many digits ----
  document.addEventListener('input', function (event) {
    var input = event.target instanceof HTMLInputElement && event.target.hasAttribute('data-autosubmit') ? event.target : null;
    if (!input || !input.form) {
      return;
    }
    var length = parseInt(input.getAttribute('data-autosubmit'), 10);
    var digits = input.value.replace(/\D/g, '');
    if (digits !== input.value) {
      input.value = digits;
    }
    if (digits.length === length && !input.form.hasAttribute('data-submitted')) {
      input.form.setAttribute('data-submitted', '');
      input.form.requestSubmit();
    }
  });
})();
