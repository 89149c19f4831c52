// kube-jvm-dump's JFR summariser, run in the debugger by its JDK (11+): `java JfrSummary RECORDING [NAME]`, NAME being our
// recording's (its jdk.ActiveRecording event tells when it started: events that began earlier, such as a long park,
// carry an older start time).
// Reads the recording with jdk.jfr.consumer and prints jfr-summary.json (shape: src/shared/jfr-summary.ts).
// Names in the recording come from the app: the output is plain ASCII JSON, every string escaped and cut.
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;

public class JfrSummary {
  static final int MAX_NAME = 400, HOT = 50, STACKS = 2000, MONITORS = 20, ALLOCS = 20, PAUSES = 10;

  static final class Count { long self, total, n; double ms, longest; long bytes; }
  static final class Pause { String name, cause, start; double ms; }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) { System.err.println("usage: java JfrSummary RECORDING [NAME]"); System.exit(2); }
    // Keys are lists, never joined strings: a name in a class file may hold any separator.
    Map<String, Count> methods = new HashMap<>();
    Map<List<String>, Count> stacks = new HashMap<>(), monitors = new HashMap<>();
    Map<String, Count> sampled = new HashMap<>(), tlab = new HashMap<>();
    List<Pause> pauses = new ArrayList<>();
    long events = 0, samples = 0, truncated = 0, gcCount = 0, cpuN = 0;
    double gcTotal = 0, gcLongest = 0, user = 0, sys = 0, machine = 0, peak = 0;
    Instant first = null, firstInstant = null, last = null, ours = null;
    try (RecordingFile file = new RecordingFile(Paths.get(args[0]))) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        events++;
        if (first == null || e.getStartTime().isBefore(first)) first = e.getStartTime();
        if (e.getDuration().isZero() && (firstInstant == null || e.getStartTime().isBefore(firstInstant))) firstInstant = e.getStartTime();
        if (last == null || e.getEndTime().isAfter(last)) last = e.getEndTime();
        switch (e.getEventType().getName()) {
          case "jdk.ExecutionSample": {
            samples++;
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) break;
            if (st.isTruncated()) truncated++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : st.getFrames()) frames.add(frame(f));
            count(methods, frames.get(0)).self++;
            for (String m : new HashSet<>(frames)) count(methods, m).total++;
            Collections.reverse(frames);
            count(stacks, frames).n++;
            break;
          }
          case "jdk.JavaMonitorEnter": {
            RecordedClass c = e.getClass("monitorClass");
            RecordedStackTrace st = e.getStackTrace();
            String site = "?";
            if (st != null && !st.getFrames().isEmpty()) {
              RecordedFrame f = st.getFrames().get(0);
              site = frame(f) + ":" + f.getLineNumber();
            }
            Count m = count(monitors, Arrays.asList(className(c), site));
            double ms = millis(e.getDuration());
            m.n++;
            m.ms += ms;
            m.longest = Math.max(m.longest, ms);
            break;
          }
          case "jdk.ObjectAllocationSample":
            allocation(sampled, e, e.getLong("weight"));
            break;
          case "jdk.ObjectAllocationInNewTLAB":
            allocation(tlab, e, e.getLong("tlabSize"));
            break;
          case "jdk.ObjectAllocationOutsideTLAB":
            allocation(tlab, e, e.getLong("allocationSize"));
            break;
          case "jdk.GarbageCollection": {
            Pause p = new Pause();
            p.name = cut(e.getString("name"));
            p.cause = cut(e.getString("cause"));
            p.ms = millis(e.getDuration("sumOfPauses"));
            p.start = e.getStartTime().toString();
            pauses.add(p);
            gcCount++;
            gcTotal += p.ms;
            gcLongest = Math.max(gcLongest, millis(e.getDuration("longestPause")));
            break;
          }
          case "jdk.ActiveRecording":
            if (args.length > 1 && args[1].equals(e.getString("name"))) ours = e.getInstant("recordingStart");
            break;
          case "jdk.CPULoad": {
            double u = e.getFloat("jvmUser"), s = e.getFloat("jvmSystem");
            cpuN++;
            user += u;
            sys += s;
            machine += e.getFloat("machineTotal");
            peak = Math.max(peak, u + s);
            break;
          }
          default:
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (samples == 0) notes.add("no jdk.ExecutionSample events: no Java code was seen running, or the settings do not sample");
    if (truncated > 0) notes.add(truncated + " execution sample stacks were cut at the recording's stack depth");
    Map<String, Count> allocs = sampled;
    if (sampled.isEmpty() && !tlab.isEmpty()) {
      allocs = tlab;
      notes.add("allocation from TLAB events (this JVM has no jdk.ObjectAllocationSample, JDK 16+): sizes of new TLABs and of objects outside them");
    }

    // The recording's start: ours as JFR knows it, else its first instant event (samples, CPU load).
    Instant start = ours != null ? ours : firstInstant != null ? firstInstant : first;

    StringBuilder o = new StringBuilder(1 << 16);
    o.append("{\"schema\":1,\"recording\":{");
    if (start != null) o.append("\"start\":").append(str(start.toString())).append(',');
    o.append("\"durationMs\":").append(start == null ? 0 : Math.max(0, Duration.between(start, last).toMillis()));
    o.append(",\"events\":").append(events).append("},\"executionSamples\":").append(samples).append(",\"hotMethods\":[");
    List<Map.Entry<String, Count>> hot = sorted(methods, (a, b) -> a.self != b.self ? Long.compare(b.self, a.self) : Long.compare(b.total, a.total));
    for (int i = 0; i < Math.min(HOT, hot.size()); i++) {
      Count c = hot.get(i).getValue();
      o.append(i > 0 ? "," : "").append("{\"method\":").append(str(hot.get(i).getKey()));
      o.append(",\"self\":").append(c.self).append(",\"total\":").append(c.total).append('}');
    }
    o.append("],\"stacks\":[");
    List<Map.Entry<List<String>, Count>> top = sorted(stacks, (a, b) -> Long.compare(b.n, a.n));
    long other = 0;
    for (int i = 0; i < top.size(); i++) {
      if (i >= STACKS) { other += top.get(i).getValue().n; continue; }
      o.append(i > 0 ? "," : "").append("{\"frames\":[");
      List<String> frames = top.get(i).getKey();
      for (int f = 0; f < frames.size(); f++) o.append(f > 0 ? "," : "").append(str(frames.get(f)));
      o.append("],\"count\":").append(top.get(i).getValue().n).append('}');
    }
    o.append("],\"otherStacks\":").append(other).append(",\"monitors\":[");
    List<Map.Entry<List<String>, Count>> mon = sorted(monitors, (a, b) -> Double.compare(b.ms, a.ms));
    for (int i = 0; i < Math.min(MONITORS, mon.size()); i++) {
      List<String> key = mon.get(i).getKey();
      Count c = mon.get(i).getValue();
      o.append(i > 0 ? "," : "").append("{\"monitorClass\":").append(str(key.get(0))).append(",\"site\":").append(str(key.get(1)));
      o.append(",\"count\":").append(c.n).append(",\"totalMs\":").append(num(c.ms)).append(",\"longestMs\":").append(num(c.longest)).append('}');
    }
    o.append("],\"allocations\":[");
    List<Map.Entry<String, Count>> al = sorted(allocs, (a, b) -> Long.compare(b.bytes, a.bytes));
    for (int i = 0; i < Math.min(ALLOCS, al.size()); i++) {
      Count c = al.get(i).getValue();
      o.append(i > 0 ? "," : "").append("{\"objectClass\":").append(str(al.get(i).getKey()));
      o.append(",\"weightBytes\":").append(c.bytes).append(",\"samples\":").append(c.n).append('}');
    }
    o.append("],\"gc\":{\"count\":").append(gcCount).append(",\"totalPauseMs\":").append(num(gcTotal));
    o.append(",\"longestPauseMs\":").append(num(gcLongest)).append(",\"longest\":[");
    pauses.sort((a, b) -> Double.compare(b.ms, a.ms));
    for (int i = 0; i < Math.min(PAUSES, pauses.size()); i++) {
      Pause p = pauses.get(i);
      o.append(i > 0 ? "," : "").append("{\"name\":").append(str(p.name)).append(",\"cause\":").append(str(p.cause));
      o.append(",\"ms\":").append(num(p.ms)).append(",\"start\":").append(str(p.start)).append('}');
    }
    o.append("]}");
    if (cpuN > 0) {
      o.append(",\"cpu\":{\"samples\":").append(cpuN).append(",\"jvmUserAvg\":").append(num(user / cpuN));
      o.append(",\"jvmSystemAvg\":").append(num(sys / cpuN)).append(",\"machineTotalAvg\":").append(num(machine / cpuN));
      o.append(",\"jvmPeak\":").append(num(peak)).append('}');
    }
    o.append(",\"notes\":[");
    for (int i = 0; i < notes.size(); i++) o.append(i > 0 ? "," : "").append(str(notes.get(i)));
    System.out.print(o.append("]}\n"));
  }

  static <K> Count count(Map<K, Count> map, K key) {
    return map.computeIfAbsent(key, k -> new Count());
  }

  static void allocation(Map<String, Count> map, RecordedEvent e, long bytes) {
    RecordedClass c = e.getClass("objectClass");
    Count a = count(map, className(c));
    a.n++;
    a.bytes += bytes;
  }

  /** By `order`, ties by key, so the output does not depend on hash order. */
  static <K> List<Map.Entry<K, Count>> sorted(Map<K, Count> map, Comparator<Count> order) {
    List<Map.Entry<K, Count>> list = new ArrayList<>(map.entrySet());
    list.sort((a, b) -> { int c = order.compare(a.getValue(), b.getValue()); return c != 0 ? c : a.getKey().toString().compareTo(b.getKey().toString()); });
    return list;
  }

  /** "package.Class.method": no line number, so one method is one box in a flame graph. */
  static String frame(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    if (m == null) return "?";
    return cut((m.getType() == null ? "?" : m.getType().getName()) + "." + m.getName());
  }

  /** "[B" -> "byte[]", "[Ljava.lang.String;" -> "java.lang.String[]": arrays as Java source names them. */
  static String className(RecordedClass c) {
    String n = c == null || c.getName() == null ? "?" : c.getName();
    int dims = 0;
    while (n.startsWith("[")) { dims++; n = n.substring(1); }
    if (dims == 0) return cut(n);
    String base = n.startsWith("L") && n.endsWith(";") ? n.substring(1, n.length() - 1) : PRIMITIVES.getOrDefault(n, n);
    StringBuilder b = new StringBuilder(base);
    for (int i = 0; i < dims; i++) b.append("[]");
    return cut(b.toString());
  }

  static final Map<String, String> PRIMITIVES = Map.of("B", "byte", "C", "char", "D", "double", "F", "float", "I", "int", "J", "long", "S", "short", "Z", "boolean");

  static String cut(String s) {
    if (s == null) return "?";
    return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME) + "...";
  }

  static double millis(Duration d) {
    return d == null ? 0 : d.toNanos() / 1e6;
  }

  static String num(double d) {
    return Double.isFinite(d) ? String.valueOf(Math.round(d * 1000) / 1000.0) : "0";
  }

  /** A JSON string of pure ASCII: quotes, backslashes, controls and every non-ASCII char (lone surrogates too) escaped. */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c >= 0x20 && c < 0x7f) b.append(c);
      else b.append(String.format("\\u%04x", (int) c));
    }
    return b.append('"').toString();
  }
}
