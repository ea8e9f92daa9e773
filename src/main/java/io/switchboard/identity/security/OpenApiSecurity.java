package io.switchboard.identity.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's two credentials in the OpenAPI document, so Swagger UI's "Authorize" button offers both
 * (A-API-02): a bearer JWT from {@code POST /crm/auth/login}, or an {@code X-API-KEY} header.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKeyAuth";

    @Bean
    OpenApiCustomizer switchboardSecuritySchemes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("Access token from POST /crm/auth/login"))
                    .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                            .description("API key from POST /crm/api-keys"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER))
                    .addSecurityItem(new SecurityRequirement().addList(API_KEY));
        };
    }
}
