package dev.stagger.engine.distributed;

import java.util.Arrays;

/**
 * A Cartesian arrangement of ranks, as {@code MPI_Dims_create} and {@code MPI_Cart_create} make it:
 * free dimensions are filled as evenly as possible in non-increasing order (4 → 2×2, 6 → 3×2,
 * 8 → 2×2×2, 12 → 3×2×2), and ranks are numbered row-major (the last coordinate varies fastest).
 */
public final class Topology {
    private final int[] dims;
    private final boolean[] periodic;

    public Topology(int[] dims, boolean[] periodic) {
        if (dims.length != periodic.length || dims.length < 1 || dims.length > 3) {
            throw new IllegalArgumentException("topology needs 1 to 3 dims with matching periodic flags");
        }
        for (int n : dims) {
            if (n < 1) {
                throw new IllegalArgumentException("rank counts per dimension must be >= 1: " + Arrays.toString(dims));
            }
        }
        this.dims = dims.clone();
        this.periodic = periodic.clone();
    }

    /** {@code MPI_Dims_create}: entries > 0 in {@code fixed} are kept, zeros are filled. */
    public static int[] createDims(int ranks, int[] fixed) {
        int[] dims = fixed.clone();
        int product = 1;
        int free = 0;
        for (int n : dims) {
            if (n > 0) {
                product *= n;
            } else {
                free++;
            }
        }
        if (ranks < 1 || ranks % product != 0) {
            throw new IllegalArgumentException(ranks + " ranks cannot be arranged with fixed dims " + Arrays.toString(fixed));
        }
        int remaining = ranks / product;
        if (free == 0) {
            if (remaining != 1) {
                throw new IllegalArgumentException("rank dims " + Arrays.toString(fixed) + " multiply to " + product
                        + ", not " + ranks);
            }
            return dims;
        }
        int[] factors = balancedFactors(remaining, free);
        int f = 0;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] == 0) {
                dims[d] = factors[f++];
            }
        }
        return dims;
    }

    /** {@code n} split into {@code parts} factors as equal as possible, largest first. */
    private static int[] balancedFactors(int n, int parts) {
        int[] factors = new int[parts];
        Arrays.fill(factors, 1);
        // assign prime factors, largest first, each to the currently smallest slot
        int[] primes = primeFactorsDescending(n);
        for (int p : primes) {
            int smallest = 0;
            for (int s = 1; s < parts; s++) {
                if (factors[s] < factors[smallest]) {
                    smallest = s;
                }
            }
            factors[smallest] *= p;
        }
        Integer[] boxed = Arrays.stream(factors).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (x, y) -> y - x);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static int[] primeFactorsDescending(int n) {
        int[] buffer = new int[32];
        int count = 0;
        for (int p = 2; (long) p * p <= n; p++) {
            while (n % p == 0) {
                buffer[count++] = p;
                n /= p;
            }
        }
        if (n > 1) {
            buffer[count++] = n;
        }
        int[] result = Arrays.copyOf(buffer, count);
        Arrays.sort(result);
        for (int i = 0; i < count / 2; i++) {
            int t = result[i];
            result[i] = result[count - 1 - i];
            result[count - 1 - i] = t;
        }
        return result;
    }

    public int ndims() {
        return dims.length;
    }

    public int[] dims() {
        return dims.clone();
    }

    public int dims(int d) {
        return dims[d];
    }

    public boolean periodic(int d) {
        return periodic[d];
    }

    public int size() {
        int n = 1;
        for (int v : dims) {
            n *= v;
        }
        return n;
    }

    /** Cartesian coordinates of a rank (row-major: last coordinate fastest). */
    public int[] coordinates(int rank) {
        int[] c = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            c[d] = rank % dims[d];
            rank /= dims[d];
        }
        return c;
    }

    public int rank(int[] coordinates) {
        int r = 0;
        for (int d = 0; d < dims.length; d++) {
            r = r * dims[d] + coordinates[d];
        }
        return r;
    }

    /** The neighbour of {@code rank} one step to the low (-1) or high (+1) side of d, or -1 if none. */
    public int neighbour(int rank, int d, int direction) {
        int[] c = coordinates(rank);
        c[d] += direction;
        if (c[d] < 0 || c[d] >= dims[d]) {
            if (!periodic[d]) {
                return -1;
            }
            c[d] = Math.floorMod(c[d], dims[d]);
        }
        return rank(c);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims) + (Arrays.toString(periodic).contains("true") ? " periodic " + Arrays.toString(periodic) : "");
    }
}
