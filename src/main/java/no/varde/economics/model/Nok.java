package no.varde.economics.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of Norwegian kroner with øre precision; arithmetic rounds half up to the øre. JSON: a number. */
public record Nok(@JsonValue BigDecimal amount) implements Comparable<Nok> {

    public static final Nok ZERO = new Nok(BigDecimal.ZERO);

    public Nok {
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Nok of(long kroner) {
        return new Nok(BigDecimal.valueOf(kroner));
    }

    public static Nok of(String kroner) {
        return new Nok(new BigDecimal(kroner));
    }

    public static Nok ofOre(long ore) {
        return new Nok(BigDecimal.valueOf(ore, 2));
    }

    public long ore() {
        return amount.movePointRight(2).longValueExact();
    }

    public Nok plus(Nok other) {
        return new Nok(amount.add(other.amount));
    }

    public Nok minus(Nok other) {
        return new Nok(amount.subtract(other.amount));
    }

    public Nok times(BigDecimal factor) {
        return new Nok(amount.multiply(factor));
    }

    public Nok times(long factor) {
        return new Nok(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** This amount divided, rounded half up to the øre; dividing by zero gives zero (no inhabitants, no cost). */
    public Nok dividedBy(BigDecimal divisor) {
        return divisor.signum() == 0 ? ZERO : new Nok(amount.divide(divisor, 2, RoundingMode.HALF_UP));
    }

    /** This amount as a percentage of the base, one decimal; zero when the base is zero. */
    public BigDecimal percentOf(Nok base) {
        return base.amount.signum() == 0
                ? BigDecimal.ZERO.setScale(1)
                : amount.multiply(BigDecimal.valueOf(100)).divide(base.amount, 1, RoundingMode.HALF_UP);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Nok other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Nok other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " NOK";
    }
}
