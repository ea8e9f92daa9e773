package io.switchboard.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles {@code POST /login} (fields username, password, remember-me, _csrf). */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
