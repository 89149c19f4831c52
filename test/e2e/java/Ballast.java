import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Holds about N MiB of live, incompressible data (args[0], default 256), then sleeps: a heap dump worth cutting. */
public class Ballast {
    static final List<byte[]> KEEP = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        Random random = new Random(42);
        for (int i = 0; i < mib; i++) {
            byte[] block = new byte[1024 * 1024];
            random.nextBytes(block);
            KEEP.add(block);
        }
        System.out.println("READY " + mib + " MiB");
        Thread.sleep(Long.MAX_VALUE);
    }
}
