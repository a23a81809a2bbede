package no.varde.economics.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.varde.economics.SplitDriver;
import no.varde.shared.Kommunenummer;

/**
 * Splits an amount between the municipalities by a split key, exactly: each municipality's share is computed
 * as an exact fraction, floored to the øre, and the øre left over go one each to the largest remainders (ties
 * to the lower kommunenummer), so the shares always add up to the amount.
 */
public final class CostSplitter {

    private CostSplitter() {}

    public static Map<Kommunenummer, Nok> split(Nok amount, SplitKey key, SplitBasis basis) {
        List<Kommunenummer> order = basis.municipalities();
        Map<Kommunenummer, Nok> shares = new LinkedHashMap<>();
        if (order.isEmpty()) {
            return shares;
        }
        Fractions fractions = fractions(key, basis);
        BigInteger total = BigInteger.valueOf(amount.ore());
        List<BigInteger[]> quotients = new ArrayList<>();
        BigInteger distributed = BigInteger.ZERO;
        for (BigInteger numerator : fractions.numerators()) {
            BigInteger[] qr = total.multiply(numerator).divideAndRemainder(fractions.denominator());
            quotients.add(qr);
            distributed = distributed.add(qr[0]);
        }
        int leftover = total.subtract(distributed).intValueExact();
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(
                Comparator.<Integer, BigInteger>comparing(i -> quotients.get(i)[1])
                        .reversed()
                        .thenComparing(i -> i));
        long[] ore = new long[order.size()];
        for (int i = 0; i < order.size(); i++) {
            ore[i] = quotients.get(i)[0].longValueExact();
        }
        for (int i = 0; i < leftover; i++) {
            ore[byRemainder.get(i)]++;
        }
        for (int i = 0; i < order.size(); i++) {
            shares.put(order.get(i), Nok.ofOre(ore[i]));
        }
        return shares;
    }

    /** Each municipality's share of a split as a decimal fraction (for splitting FTE, which is not money). */
    public static Map<Kommunenummer, BigDecimal> weights(SplitKey key, SplitBasis basis) {
        Map<Kommunenummer, BigDecimal> weights = new LinkedHashMap<>();
        if (basis.municipalities().isEmpty()) {
            return weights;
        }
        Fractions fractions = fractions(key, basis);
        BigDecimal denominator = new BigDecimal(fractions.denominator());
        for (int i = 0; i < basis.municipalities().size(); i++) {
            weights.put(
                    basis.municipalities().get(i),
                    new BigDecimal(fractions.numerators().get(i)).divide(denominator, MathContext.DECIMAL64));
        }
        return weights;
    }

    /**
     * The shares as fractions over one common denominator: for parts c with weights w(c) and driver totals
     * D(c), share(m) = sum over c of w(c) * value(c, m) / D(c) / 100.
     */
    private static Fractions fractions(SplitKey key, SplitBasis basis) {
        List<Kommunenummer> order = basis.municipalities();
        int n = order.size();
        List<long[]> partValues = new ArrayList<>();
        List<BigInteger> partTotals = new ArrayList<>();
        for (SplitKey.Part part : key.parts()) {
            long[] values = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                values[i] = basis.valueOf(part.driver(), order.get(i));
                sum += values[i];
            }
            if (sum == 0) {
                // nobody has any of this driver (e.g. no inhabitants registered): the part is split flat
                for (int i = 0; i < n; i++) {
                    values[i] = basis.valueOf(SplitDriver.FLAT, order.get(i));
                }
                sum = n;
            }
            partValues.add(values);
            partTotals.add(BigInteger.valueOf(sum));
        }
        BigInteger product = partTotals.stream().reduce(BigInteger.ONE, BigInteger::multiply);
        BigInteger denominator = product.multiply(BigInteger.valueOf(100));
        List<BigInteger> numerators = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigInteger numerator = BigInteger.ZERO;
            for (int c = 0; c < key.parts().size(); c++) {
                BigInteger others = product.divide(partTotals.get(c));
                numerator = numerator.add(BigInteger.valueOf(key.parts().get(c).weightPercent())
                        .multiply(BigInteger.valueOf(partValues.get(c)[i]))
                        .multiply(others));
            }
            numerators.add(numerator);
        }
        return new Fractions(numerators, denominator);
    }

    private record Fractions(List<BigInteger> numerators, BigInteger denominator) {}
}
