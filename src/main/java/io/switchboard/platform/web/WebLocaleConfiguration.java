package io.switchboard.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web pages speak English and Spanish. A visitor's language is, in order: the one picked with
 * {@code ?lang=es|en} (kept in a cookie for a year), else the best match of the browser's
 * {@code Accept-Language}, else English. Any other language asked for falls back to English, so a page
 * never claims a language it has no messages for.
 */
@Configuration(proxyBeanMethods = false)
public class WebLocaleConfiguration implements WebMvcConfigurer {

    /** The languages the message bundles cover; the first one is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
    public static final String COOKIE = "switchboard-lang";
    public static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new SupportedLocaleResolver();
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(SupportedLocaleResolver::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** Nearest supported language: {@code es-MX} becomes {@code es}; {@code fr} becomes English. */
    public static Locale supported(@Nullable Locale requested) {
        if (requested == null) {
            return SUPPORTED.get(0);
        }
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(SUPPORTED.get(0));
    }

    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super(COOKIE);
        }

        static Locale fromBrowser(HttpServletRequest request) {
            if (request.getHeader("Accept-Language") == null) {
                return SUPPORTED.get(0);
            }
            for (Locale preferred : Collections.list(request.getLocales())) {
                for (Locale candidate : SUPPORTED) {
                    if (candidate.getLanguage().equals(preferred.getLanguage())) {
                        return candidate;
                    }
                }
            }
            return SUPPORTED.get(0);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            // a cookie from an older version, or typed by hand, may name any language
            var resolved = super.resolveLocaleContext(request);
            return new SimpleLocaleContext(supported(resolved.getLocale()));
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
                @Nullable LocaleContext localeContext) {
            Locale requested = localeContext == null ? null : localeContext.getLocale();
            super.setLocaleContext(request, response, new SimpleLocaleContext(supported(requested)));
        }
    }
}
