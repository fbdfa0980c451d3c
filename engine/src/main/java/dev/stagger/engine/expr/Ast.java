package dev.stagger.engine.expr;

import java.util.List;

/** The parsed form of an expression; every node remembers its 1-based column for messages. */
sealed interface Ast {

    int column();

    record Number(double value, int column) implements Ast {}

    /** A variable, {@code pi} or a caller-supplied constant: resolved only when bound. */
    record Name(String name, int column) implements Ast {}

    record Negate(Ast operand, int column) implements Ast {}

    record Binary(char operator, Ast left, Ast right, int column) implements Ast {}

    record Call(MathFunction function, List<Ast> arguments, int column) implements Ast {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
