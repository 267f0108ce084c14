package app.huberman.adapters.security;

import app.huberman.application.user.port.out.CommonPasswordsPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords, read once from {@code common-passwords.txt} beside this class
 * (origin and licence in {@code common-passwords.NOTICE}).
 */
@ApplicationScoped
public class ClasspathCommonPasswords implements CommonPasswordsPort {

  static final String RESOURCE = "common-passwords.txt";

  private final Set<String> passwords;

  public ClasspathCommonPasswords() {
    this.passwords = load();
  }

  @Override
  public boolean isCommon(String password) {
    return passwords.contains(password.toLowerCase(Locale.ROOT));
  }

  int size() {
    return passwords.size();
  }

  private static Set<String> load() {
    InputStream in = ClasspathCommonPasswords.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the classpath");
    }
    Set<String> passwords = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty()) {
          passwords.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE, e);
    }
    return Set.copyOf(passwords);
  }
}
