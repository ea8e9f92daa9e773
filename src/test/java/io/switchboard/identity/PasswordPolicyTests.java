package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.shared.InvalidInputException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

    @Test
    void acceptsAPasswordWithAllFourKindsOfCharacters() {
        assertThat(PasswordPolicy.unmetRules("Abcdef1!")).isEmpty();
        assertThat(PasswordPolicy.unmetRules("Ñandú-2024")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ab1!           | at least 8 characters",
            "abcdefg1!      | an upper-case letter",
            "ABCDEFG1!      | a lower-case letter",
            "Abcdefgh!      | a digit",
            "Abcdefgh1      | a special character"})
    void namesTheRuleAPasswordBreaks(String password, String rule) {
        assertThat(PasswordPolicy.unmetRules(password.trim())).anySatisfy(r -> assertThat(r).startsWith(rule));
    }

    @Test
    void listsEveryUnmetRuleAndNamesTheField() {
        assertThatThrownBy(() -> PasswordPolicy.check("new_password", "abc"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("new_password");
                        assertThat(error.reason()).contains("8 characters", "upper-case", "digit", "special");
                    });
                });
        assertThat(PasswordPolicy.unmetRules(null)).hasSize(5);
    }

    @Test
    void refusesWhatBcryptWouldCut() {
        assertThat(PasswordPolicy.unmetRules("Aa1!" + "x".repeat(69))).contains("at most 72 bytes");
        assertThat(PasswordPolicy.unmetRules("Aa1!" + "x".repeat(68))).isEmpty();
    }

    @Test
    void temporaryPasswordsMeetThePolicyAndDiffer() {
        var generated = IntStream.range(0, 200).mapToObj(i -> PasswordPolicy.generateTemporary()).toList();
        assertThat(generated).allSatisfy(p -> {
            assertThat(p).hasSize(16);
            assertThat(PasswordPolicy.unmetRules(p)).isEmpty();
        });
        assertThat(generated).doesNotHaveDuplicates();
    }
}
