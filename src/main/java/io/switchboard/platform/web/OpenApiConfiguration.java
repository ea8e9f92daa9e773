package io.switchboard.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document behind {@code /crm/docs}. Both ways in are declared, so Swagger UI's Authorize
 * button takes a JWT from {@code POST /crm/auth/login} or an API key.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI switchboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Switchboard API")
                        .description("""
                                OmniCRM-compatible REST API of Switchboard. Sign in with `POST /crm/auth/login` and \
                                use the `token` as a Bearer token, or send an API key in `X-API-KEY`. Errors are \
                                RFC 9457 problem documents (`application/problem+json`) with an `errors` list \
                                naming each offending field.""")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-KEY")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
