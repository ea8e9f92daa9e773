package io.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class FormErrorsTests {

    /** A form with two of the API's fields. */
    public static class Form {
        private String siteName;
        private String addressLine1;

        public String getSiteName() { return siteName; }
        public void setSiteName(String siteName) { this.siteName = siteName; }
        public String getAddressLine1() { return addressLine1; }
        public void setAddressLine1(String addressLine1) { this.addressLine1 = addressLine1; }
    }

    @Test
    void apiFieldNamesBecomeFormProperties() {
        assertThat(FormErrors.camel("site_name")).isEqualTo("siteName");
        assertThat(FormErrors.camel("address_line_1")).isEqualTo("addressLine1");
        assertThat(FormErrors.camel("role")).isEqualTo("role");
        assertThat(FormErrors.camel("_odd__name_")).isEqualTo("oddName");
    }

    @Test
    void reasonsBecomeMessageCodes() {
        assertThat(FormErrors.code("must not be blank")).isEqualTo("reason.must-not-be-blank");
        assertThat(FormErrors.code("must be letters, digits, '_', '-' or '.', without spaces"))
                .isEqualTo("reason.must-be-letters-digits-or-without-spaces");
        assertThat(FormErrors.code("x".repeat(200))).hasSize("reason.".length() + 80);
    }

    @Test
    void errorsLandOnTheirFieldsAndTheRestOnTheForm() {
        var result = new BeanPropertyBindingResult(new Form(), "input");
        FormErrors.reject(result, new InvalidInputException(List.of(
                new InvalidInputException.FieldError("site_name", "must not be blank"),
                new InvalidInputException.FieldError("customer_id", "a site cannot move to another customer"))));
        FormErrors.reject(result, new ConflictException("address_line_1", "is taken"));
        FormErrors.reject(result, new ConflictException("customer 7 is archived"));

        assertThat(result.getFieldError("siteName").getCode()).isEqualTo("reason.must-not-be-blank");
        assertThat(result.getFieldError("siteName").getDefaultMessage()).isEqualTo("must not be blank");
        assertThat(result.getFieldError("addressLine1").getDefaultMessage()).isEqualTo("is taken");
        assertThat(result.getGlobalErrors()).extracting(e -> e.getDefaultMessage())
                .containsExactly("a site cannot move to another customer", "customer 7 is archived");
    }
}
