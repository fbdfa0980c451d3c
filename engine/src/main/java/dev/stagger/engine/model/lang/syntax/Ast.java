package dev.stagger.engine.model.lang.syntax;

import java.util.List;

/**
 * The syntax tree of one expression or statement of a model file, as written: names are not yet
 * resolved and nothing has a location. {@code column} is 1-based within the expression text.
 */
public sealed interface Ast {
    int column();

    /** A number literal; {@code text} as written (integer powers need to know "2" from "2.0"). */
    record Num(double value, String text, int column) implements Ast {}

    /** A name: a parameter, constant, field ({@code C}), component ({@code V.x}) or local. */
    record Name(String name, int column) implements Ast {}

    /** A location literal for {@code lerp}: {@code @CV} is Center in x, Vertex in y. */
    record Loc(String code, int column) implements Ast {}

    record Call(String function, List<Ast> args, int column) implements Ast {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Unary minus. */
    record Neg(Ast operand, int column) implements Ast {}

    /** {@code + - * / ^}, and the comparisons {@code < <= > >=} of loop conditions. */
    record Binary(String op, Ast left, Ast right, int column) implements Ast {}

    /** {@code target op value} with op one of {@code = += -= *= /=}. */
    record Statement(String target, int targetColumn, String op, Ast value) {}
}
