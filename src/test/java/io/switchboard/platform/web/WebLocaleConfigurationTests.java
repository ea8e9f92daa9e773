package io.switchboard.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

class WebLocaleConfigurationTests {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    final LocaleResolver resolver = new WebLocaleConfiguration().localeResolver();

    @Test
    void speaksEnglishWhenTheBrowserSaysNothing() {
        assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void followsTheBrowsersFirstSupportedLanguage() {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "fr-FR,es-MX;q=0.8,en;q=0.5");
        assertThat(resolver.resolveLocale(request)).isEqualTo(SPANISH);
    }

    @Test
    void speaksEnglishToBrowsersAskingOnlyForOtherLanguages() {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "de-DE,fr;q=0.8");
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void remembersTheChosenLanguageInACookie() {
        var response = new MockHttpServletResponse();
        resolver.setLocale(new MockHttpServletRequest(), response, Locale.forLanguageTag("es-AR"));
        Cookie cookie = response.getCookie(WebLocaleConfiguration.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("es");
        assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);

        var next = new MockHttpServletRequest();
        next.addHeader("Accept-Language", "en");
        next.setCookies(cookie);
        assertThat(resolver.resolveLocale(next)).isEqualTo(SPANISH);
    }

    @Test
    void neverSettlesOnAnUnsupportedLanguage() {
        var response = new MockHttpServletResponse();
        resolver.setLocale(new MockHttpServletRequest(), response, Locale.GERMAN);
        assertThat(response.getCookie(WebLocaleConfiguration.COOKIE).getValue()).isEqualTo("en");

        var request = new MockHttpServletRequest();
        request.setCookies(new Cookie(WebLocaleConfiguration.COOKIE, "fr"));
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
    }
}
