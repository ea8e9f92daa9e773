/*
 * Behaviour shared by every Switchboard page:
 *  - htmx sends the CSRF token (from the _csrf / _csrf_header meta tags) on every request;
 *  - a session that ended during an htmx request (401, or a redirect to the sign-in page) reloads the whole
 *    page instead of swapping the sign-in form into a fragment; HX-Refresh is honoured by htmx itself;
 *  - other failed htmx requests show a toast;
 *  - the console's sidebar drawer on small screens and the user menu popover.
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
})();
