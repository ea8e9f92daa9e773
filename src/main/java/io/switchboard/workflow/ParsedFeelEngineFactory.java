package io.switchboard.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine (feel-scala), made cheap for decision tables, with the same answers and failures.
 * Camunda's own {@link ScalaFeelEngine} hands the text of each input expression, input entry ({@code -}
 * included) and output entry to feel-scala on every evaluation, which parses it each time and, for each
 * evaluation, rebuilds its table of built-in functions; for a 17-input, 15-row table that is about 270 parses
 * per evaluation. This engine:
 * <ul>
 * <li>parses each text once and keeps the parsed form by its text;</li>
 * <li>answers {@code -}, literals, plain names and literal cells without the interpreter ({@link Shortcuts});</li>
 * <li>interprets everything else from the parsed form with the built-in and custom functions built once, with
 * the same value mappers, and leaves anything but a clean success (an error, a failure feel-scala reports, an
 * exception) to Camunda's own path, which evaluates it again and answers or fails with Camunda's message.</li>
 * </ul>
 * The cache is keyed by the expression text, not by a table version, so a newly deployed table needs nothing:
 * its texts are parsed on first use. It is bounded (cleared when it exceeds {@value #MAX_EXPRESSIONS} texts)
 * because texts come from deployments. Texts that do not parse are not cached: they fail through Camunda's path.
 * Built on feel-scala's {@code impl} classes (pinned by the Camunda BOM): an upgrade that changes them fails to
 * compile or fails {@code ParsedFeelEngineTests}, which compares this engine with Camunda's.
 */
public final class ParsedFeelEngineFactory implements FeelEngineFactory {

    static final int MAX_EXPRESSIONS = 10_000;
    /** The unary test that matches any input; most cells of a decision table hold it. */
    static final String ANY = "-";

    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

    /** Without custom functions. */
    public ParsedFeelEngineFactory() {
        this(List::of);
    }

    /** With the custom functions the supplier gives when the DMN engine builds its FEEL engine. */
    public ParsedFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
        this.functionProviders = functionProviders;
    }

    @Override
    public FeelEngine createInstance() {
        List<FeelCustomFunctionProvider> providers = functionProviders.get();
        return new ParsedScalaFeelEngine(providers == null ? List.of() : providers);
    }

    /** The engine; public only so tests can see how many texts it holds. */
    public static final class ParsedScalaFeelEngine extends ScalaFeelEngine {

        private final Map<String, Compiled> expressions = new ConcurrentHashMap<>();
        private final Map<String, Compiled> unaryTests = new ConcurrentHashMap<>();

        /** The built-in and custom functions, built once (feel-scala builds them for every evaluation). */
        private final FunctionProvider functions;
        private final FeelInterpreter interpreter;
        private final LongAdder fallbacks = new LongAdder();

        ParsedScalaFeelEngine(List<FeelCustomFunctionProvider> providers) {
            super(providers);
            ValueMapper values = feelEngine.valueMapper();
            functions = new CompositeFunctionProvider(toScalaList(
                    new BuiltinFunctions(feelEngine.clock(), values), feelEngine.functionProvider()));
            interpreter = new FeelInterpreter(values);
        }

        /**
         * What {@code org.camunda.feel.FeelEngine#eval} does with a parsed expression, with the functions built
         * once: the value, or {@link Shortcuts#UNKNOWN} for anything but a clean success (an error, a failure the
         * engine reported, an exception), which the caller then leaves to Camunda's own path.
         */
        private Object interpret(ParsedExpression parsed, Context context) {
            try {
                ValueMapper values = feelEngine.valueMapper();
                var root = new EvalContext(values, VariableProvider.EmptyVariableProvider$.MODULE$, functions,
                        new EvaluationFailureCollector());
                EvalContext evaluation = root.merge(context);
                Val value = interpreter.eval(parsed.expression(), evaluation);
                if (value instanceof ValError || value instanceof ValFatalError
                        || evaluation.failureCollector().failures().nonEmpty()) {
                    fallbacks.increment();
                    return Shortcuts.UNKNOWN;
                }
                return values.unpackVal(value);
            } catch (RuntimeException e) {
                fallbacks.increment();
                return Shortcuts.UNKNOWN;
            }
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            Compiled compiled = compiled(expressions, expression, feelEngine::parseExpression,
                    Shortcuts::expression);
            if (compiled == null) {
                return super.evaluateSimpleExpression(expression, variableContext);
            }
            if (compiled.shortcut() != null) {
                var answer = compiled.shortcut().apply(variableContext, null);
                if (answer != Shortcuts.UNKNOWN) {
                    @SuppressWarnings("unchecked")
                    T value = (T) answer;
                    return value;
                }
            }
            var context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variableContext);
                }
            };
            Object answer = interpret(compiled.parsed(), context);
            if (answer == Shortcuts.UNKNOWN) {
                // Camunda's path evaluates again and answers or fails with the engine's own message
                return super.evaluateSimpleExpression(expression, variableContext);
            }
            @SuppressWarnings("unchecked")
            T value = (T) answer;
            return value;
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
                VariableContext variableContext) {
            if (ANY.equals(expression.trim())) {
                return true; // "-" matches every input, null included
            }
            Compiled compiled = compiled(unaryTests, expression, feelEngine::parseUnaryTests,
                    Shortcuts::unaryTests);
            if (compiled == null) {
                return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
            }
            if (compiled.shortcut() != null) {
                var answer = compiled.shortcut().apply(variableContext, inputVariable);
                if (answer != Shortcuts.UNKNOWN) {
                    return (Boolean) answer;
                }
            }
            var input = new StaticVariableProvider(
                    new camundajar.impl.scala.collection.immutable.Map.Map1<String, Object>(INPUT_VARIABLE_NAME,
                            inputVariable));
            var variables = new ContextVariableWrapper(variableContext);
            var context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new CompositeVariableProvider(toScalaList(input, variables));
                }
            };
            Object answer = interpret(compiled.parsed(), context);
            if (answer != null && !(answer instanceof Boolean)) {
                return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
            }
            return Boolean.TRUE.equals(answer);
        }

        /** How many evaluations were left to Camunda's own path because they did not simply succeed. */
        public long fallbacks() {
            return fallbacks.sum();
        }

        /** How many distinct texts are held (expressions and unary tests). */
        public int size() {
            return expressions.size() + unaryTests.size();
        }

        private static Compiled compiled(Map<String, Compiled> cache, String text,
                Function<String, camundajar.impl.scala.util.Either<org.camunda.feel.FeelEngine.Failure,
                        ParsedExpression>> parser, Function<String, Shortcuts.Shortcut> shortcut) {
            Compiled compiled = cache.get(text);
            if (compiled != null) {
                return compiled;
            }
            var result = parser.apply(text);
            if (result.isLeft()) {
                return null;
            }
            if (cache.size() >= MAX_EXPRESSIONS) {
                cache.clear();
            }
            // only a text that parses gets a shortcut, so the shortcut never hides a syntax error
            compiled = new Compiled(result.toOption().get(), shortcut.apply(text));
            cache.put(text, compiled);
            return compiled;
        }
    }

    /** A parsed text and, for the simplest texts, a way to answer without the FEEL interpreter. */
    record Compiled(ParsedExpression parsed, @org.springframework.lang.Nullable Shortcuts.Shortcut shortcut) {}
}
