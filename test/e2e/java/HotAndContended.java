/**
 * A JVM with a known answer to "where did the time go": one thread spends its CPU (half of a core) in
 * HotPath.crunch, and four threads fight for one ContendedLedger monitor, each holding it 50 ms (so each waits
 * about 150 ms to enter, well over JFR's 10/20 ms jdk.JavaMonitorEnter threshold). Prints READY once both are going.
 */
public class HotAndContended {
    static final ContendedLedger LEDGER = new ContendedLedger();

    public static void main(String[] args) throws Exception {
        Thread hot = new Thread(() -> {
            long seed = 42;
            while (true) {
                // Half of one core: busy 25 ms, asleep 25 ms. A JVM of a small, shared node must not take a whole
                // core, and a CPU quota is no way out: a throttled thread misses JFR's sampling signal, so the
                // recording would hold next to no samples. Asleep, it is simply not sampled.
                long until = System.nanoTime() + 25_000_000L;
                while (System.nanoTime() < until) seed = HotPath.crunch(seed);
                sleep(25);
            }
        }, "hot-path");
        hot.setDaemon(true);
        hot.start();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (true) LEDGER.post();
            }, "ledger-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

/**
 * The hot method: arithmetic only (no calls), so it is the top frame of the samples, not a callee. The loop counts
 * with a long: JDK 8's C2 drops the safepoint poll from an int-counted loop, and its JFR then fails to walk the
 * stack of a thread sampled inside one (tried on the cluster's 8u504: 7 execution samples in 10 s with an int
 * counter, 284 with this long one; JDK 17 samples either).
 */
class HotPath {
    static long crunch(long seed) {
        long x = seed;
        for (long i = 0; i < 200_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}

/** The contended monitor: its class is what JFR reports as the monitor class. */
class ContendedLedger {
    private long entries;

    synchronized void post() {
        entries++;
        HotAndContended.sleep(50);
    }
}
