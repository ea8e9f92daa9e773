package io.switchboard.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document behind {@code /crm/docs}. The credentials (JWT and API key, for Swagger UI's
 * Authorize button) are declared by the identity module, which owns them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI switchboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Switchboard API")
                        .description("""
                                OmniCRM-compatible REST API of Switchboard. Sign in with `POST /crm/auth/login` and \
                                use the `token` as a Bearer token, or send an API key in `X-API-KEY`. Errors are \
                                RFC 9457 problem documents (`application/problem+json`) with an `errors` list \
                                naming each offending field.""")
                        .version("v1"));
    }
}
