import java.util.concurrent.CountDownLatch;

/**
 * A hostile pod's JVM: four threads deadlocked in a ring, named with workflow commands, a lone CR and an OSC
 * terminal escape, so the verdict ("deadlock between 4 threads (...)") carries them. hostile-jvm.ts gives
 * the command line the same treatment.
 */
public class Hostile {
    public static void main(String[] args) throws Exception {
        String[] names = {
            "\r::error::x",
            "##[warning]x",
            "\r::set-output name=deadlock::false",
            "\r::add-mask::app \u001b]0;pwned\u0007 \r",
        };
        final Object[] locks = new Object[names.length];
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        final CountDownLatch held = new CountDownLatch(names.length);
        for (int i = 0; i < names.length; i++) {
            final Object mine = locks[i];
            final Object next = locks[(i + 1) % locks.length];
            Thread t = new Thread(new Runnable() {
                public void run() {
                    synchronized (mine) {
                        held.countDown();
                        try { held.await(); } catch (InterruptedException e) { return; }
                        synchronized (next) { next.notify(); } // never reached: the ring is closed
                    }
                }
            }, names[i]);
            t.setDaemon(true);
            t.start();
        }
        held.await();
        Thread.sleep(300);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600000L);
    }
}
