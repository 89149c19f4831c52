import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Holds about N MiB (args[0], default 256) of live, compressible objects: byte[] blocks of text from a small
 * vocabulary, like the strings and buffers of a real service. Then sleeps: a heap dump worth measuring.
 */
public class Compressible {
    static final List<byte[]> KEEP = new ArrayList<>();
    static final String[] WORDS = {"order ", "customer ", "id=", "status:", "OK ", "PENDING ", "amount ", "EUR ",
        "2026-11-27 ", "INFO ", "request ", "done\n", "user ", "cart ", "item ", "price "};

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        Random random = new Random(42);
        for (int i = 0; i < mib; i++) {
            byte[] block = new byte[1024 * 1024];
            int p = 0;
            while (p < block.length) {
                byte[] w = WORDS[random.nextInt(WORDS.length)].getBytes("US-ASCII");
                for (int k = 0; k < w.length && p < block.length; k++) block[p++] = w[k];
                if (p < block.length) block[p++] = (byte) ('0' + random.nextInt(10));
            }
            KEEP.add(block);
        }
        System.out.println("READY " + mib + " MiB");
        Thread.sleep(Long.MAX_VALUE);
    }
}
