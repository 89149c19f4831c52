import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs out of heap once: the first run (no marker in the dump volume) allocates until OutOfMemoryError, which
 * -XX:+HeapDumpOnOutOfMemoryError -XX:+ExitOnOutOfMemoryError turn into a heap dump and an exit. The run after
 * the restart finds the marker and just lives, so the action can attach and collect the dump left behind.
 */
public class OomOnce {
    public static void main(String[] args) throws Exception {
        File marker = new File(args[0], "oom-once.marker");
        if (!marker.exists()) {
            marker.createNewFile();
            System.out.println("allocating until the heap is gone");
            List<long[]> hog = new ArrayList<long[]>();
            while (true) hog.add(new long[128 * 1024]);
        }
        System.out.println("restarted after the OOM; living on");
        while (true) Thread.sleep(1000);
    }
}
