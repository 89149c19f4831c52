import java.io.File;

/**
 * One replica of three: idle until the trigger file (args[0]) appears, then one thread takes the PileUpGate
 * monitor and keeps it while 12 others block on it. Once all 12 are BLOCKED it writes args[1], so a test can
 * await the pile-up instead of guessing how long it takes.
 */
public class PileUpOnTrigger {
    static final PileUpGate GATE = new PileUpGate();
    static final int WAITERS = 12;

    public static void main(String[] args) throws Exception {
        File trigger = new File(args[0]);
        File ready = new File(args[1]);
        System.out.println("WAITING for " + trigger);
        while (!trigger.exists()) Thread.sleep(100);
        Thread holder = new Thread(GATE::holdForever, "gate-holder");
        holder.setDaemon(true);
        holder.start();
        while (holder.getState() != Thread.State.TIMED_WAITING) Thread.sleep(10);
        Thread[] waiters = new Thread[WAITERS];
        for (int i = 0; i < WAITERS; i++) {
            waiters[i] = new Thread(GATE::pass, "gate-waiter-" + i);
            waiters[i].setDaemon(true);
            waiters[i].start();
        }
        for (Thread w : waiters) while (w.getState() != Thread.State.BLOCKED) Thread.sleep(10);
        if (!ready.createNewFile()) throw new IllegalStateException(ready + " already there");
        System.out.println("PILED UP: " + WAITERS + " threads BLOCKED on PileUpGate");
        Thread.sleep(Long.MAX_VALUE);
    }
}

/** The monitor the replica's threads pile up on. */
class PileUpGate {
    synchronized void holdForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void pass() {}
}
