// The raw Argon2id verification rate with the application's own hasher and parameters:
// THREADS threads verify one password for SECONDS seconds. Run by bench/users.sh through jshell.
import app.huberman.adapters.security.Argon2PasswordHasher;
import java.util.concurrent.atomic.AtomicLong;

int threads = Integer.parseInt(System.getProperty("threads", "2"));
long seconds = Long.parseLong(System.getProperty("seconds", "20"));
var hasher = new Argon2PasswordHasher();
var hash = hasher.hash("correct horse battery staple");
for (int i = 0; i < 20; i++) hasher.verify("correct horse battery staple", hash); // warm up
var done = new AtomicLong();
long deadline = System.nanoTime() + seconds * 1_000_000_000L;
var workers = new java.util.ArrayList<Thread>();
for (int t = 0; t < threads; t++) {
  workers.add(Thread.ofPlatform().start(() -> {
    while (System.nanoTime() < deadline) {
      if (!hasher.verify("correct horse battery staple", hash)) throw new IllegalStateException();
      done.incrementAndGet();
    }
  }));
}
for (Thread w : workers) w.join();
System.out.printf("RAW_ARGON2_PER_SECOND %.1f%n", done.get() / (double) seconds);
/exit
