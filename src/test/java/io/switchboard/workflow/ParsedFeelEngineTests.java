package io.switchboard.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.switchboard.workflow.ParsedFeelEngineFactory.ParsedScalaFeelEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FEEL engine that parses once answers exactly what Camunda's own FEEL engine answers, for the kinds of
 * expressions and cells the decision tables use, and fails the same way.
 */
class ParsedFeelEngineTests {

    final FeelEngine camunda = new ScalaFeelEngineFactory().createInstance();
    final ParsedScalaFeelEngine parsed = (ParsedScalaFeelEngine) new ParsedFeelEngineFactory().createInstance();

    static VariableMap variables(Object input) {
        return Variables.createVariables()
                .putValue("cellInput", input)
                .putValue("productStatus", "ACTIVE")
                .putValue("productServiceType", "mobile")
                .putValue("customerServiceTypes", List.of("internet", "mobile"))
                .putValue("customerProductSlugs", List.of("fibre-300"))
                .putValue("customerProductIds", List.of("7"))
                .putValue("productReliesOn", List.of("voip", "7"))
                .putValue("empty", List.of())
                .putValue("nothing", null)
                .putValue("count", 3);
    }

    static Stream<String> expressions() {
        return Stream.of("productStatus", "nothing", "count + 1", "count > 2",
                "list contains(customerServiceTypes, productServiceType)",
                "list contains(empty, productServiceType)",
                "count(productReliesOn) = 0 or (some r in productReliesOn satisfies (list contains(customerServiceTypes, r)"
                        + " or list contains(customerProductSlugs, r) or list contains(customerProductIds, r)))",
                "count(empty) = 0 or (some r in empty satisfies list contains(customerServiceTypes, r))",
                "\"Needs an existing \" + productServiceType + \" service\"",
                "\"Needs one of these first: \" + string join(productReliesOn, \", \")",
                "date(\"2026-11-23\")", "true", "false", "null", " true ", "\"Eligible\"", "\"with, comma\"",
                "\"\"", "count", "customerServiceTypes", "missingVariable", "productStatus ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void expressionsEvaluateAsCamundaDoes(String expression) {
        for (int i = 0; i < 3; i++) {
            Object expected = camunda.evaluateSimpleExpression(expression, variables(null).asVariableContext());
            Object actual = parsed.evaluateSimpleExpression(expression, variables(null).asVariableContext());
            assertThat(actual).isEqualTo(expected);
        }
    }

    static Stream<Arguments> unaryTests() {
        var cells = List.of("-", " - ", "\"DRAFT\"", "\"Closed\",\"Archived\"", "not(\"addon\",\"topup\")", "null",
                "false", "true", "> 2", "[1..5]", "\"fixed\",\"fixed-voice\",\"internet\"", "not(null)",
                "? = productStatus", "not(true)", "\"a\",true", "\"DRAFT\", \"Archived\"", "not( \"addon\" , \"topup\" )",
                "\"a,b\"", "\"DRAFT\",", "true,false", "not(\"DRAFT\")", "\"\"");
        var inputs = Arrays.<Object>asList("DRAFT", "Archived", "addon", "internet", "ACTIVE", "a,b", "", null, true,
                false, 3, 9, List.of("DRAFT"));
        var cases = new ArrayList<Arguments>();
        for (String cell : cells) {
            for (Object input : inputs) {
                cases.add(Arguments.of(cell, input));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("unaryTests")
    void cellsMatchAsCamundaMatches(String cell, Object input) {
        Object expected;
        try {
            expected = camunda.evaluateSimpleUnaryTests(cell, "cellInput", variables(input).asVariableContext());
        } catch (FeelException e) {
            expected = e.getMessage();
        }
        for (int i = 0; i < 3; i++) {
            Object actual;
            try {
                actual = parsed.evaluateSimpleUnaryTests(cell, "cellInput", variables(input).asVariableContext());
            } catch (FeelException e) {
                actual = e.getMessage();
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    static Object outcome(Runnable evaluation) {
        Throwable failure = catchThrowable(evaluation::run);
        return failure == null ? "no failure" : failure.getClass().getName() + ": " + failure.getMessage();
    }

    @Test
    void failuresAreCamundasFailures() {
        // a text that does not parse fails with Camunda's exception and message
        for (String broken : List.of("1 +", "count +* 2")) {
            Throwable expected = catchThrowable(
                    () -> camunda.evaluateSimpleExpression(broken, variables(null).asVariableContext()));
            assertThat(expected).isInstanceOf(FeelException.class);
            assertThatThrownBy(() -> parsed.evaluateSimpleExpression(broken, variables(null).asVariableContext()))
                    .isInstanceOf(FeelException.class).hasMessage(expected.getMessage());
        }
        Throwable expected = catchThrowable(
                () -> camunda.evaluateSimpleUnaryTests("[1..", "cellInput", variables(1).asVariableContext()));
        assertThat(expected).isInstanceOf(FeelException.class);
        assertThatThrownBy(() -> parsed.evaluateSimpleUnaryTests("[1..", "cellInput", variables(1).asVariableContext()))
                .isInstanceOf(FeelException.class).hasMessage(expected.getMessage());
        // texts that parse but cannot be evaluated: whatever Camunda does (fail or answer null), the same
        for (String odd : List.of("unknownFunction(count)", "count + \"a\"", "productReliesOn[5].x", "assert(1, false)")) {
            assertThat(outcome(() -> parsed.evaluateSimpleExpression(odd, variables(null).asVariableContext())))
                    .as(odd).isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(odd,
                            variables(null).asVariableContext())));
            assertThat(outcome(() -> parsed.evaluateSimpleUnaryTests(odd, "cellInput", variables(1).asVariableContext())))
                    .as(odd).isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(odd, "cellInput",
                            variables(1).asVariableContext())));
        }
    }

    @Test
    void theTablesExpressionsAreInterpretedWithoutCamundasSlowPath() {
        expressions().filter(e -> !e.equals("missingVariable")).forEach(
                e -> parsed.evaluateSimpleExpression(e, variables(null).asVariableContext()));
        parsed.evaluateSimpleUnaryTests("not(null)", "cellInput", variables("x").asVariableContext());
        parsed.evaluateSimpleUnaryTests("> 2", "cellInput", variables(3).asVariableContext());
        assertThat(parsed.fallbacks()).isZero();
        // a failure goes to Camunda's path, which reports it
        catchThrowable(() -> parsed.evaluateSimpleExpression("assert(1, false)", variables(null).asVariableContext()));
        assertThat(parsed.fallbacks()).isPositive();
    }

    @Test
    void eachTextIsParsedOnceAndAnyNeedsNoParsing() {
        for (int i = 0; i < 50; i++) {
            parsed.evaluateSimpleExpression("count + " + (i % 5), variables(null).asVariableContext());
            parsed.evaluateSimpleUnaryTests("\"DRAFT\"", "cellInput", variables("DRAFT").asVariableContext());
            assertThat(parsed.evaluateSimpleUnaryTests("-", "cellInput", variables(i).asVariableContext())).isTrue();
        }
        assertThat(parsed.size()).isEqualTo(6);
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i < ParsedFeelEngineFactory.MAX_EXPRESSIONS + 10; i++) {
            parsed.evaluateSimpleUnaryTests("\"v" + i + "\"", "cellInput", variables("x").asVariableContext());
        }
        assertThat(parsed.size()).isLessThanOrEqualTo(ParsedFeelEngineFactory.MAX_EXPRESSIONS);
    }
}
