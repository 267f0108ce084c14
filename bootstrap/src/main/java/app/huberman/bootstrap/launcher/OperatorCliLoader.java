package app.huberman.bootstrap.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Runs the operator CLI of the application packaged in this jar, without Payara Micro. The CLI's
 * commands use the application's classes, which live only in the WAR ({@code MICRO-INF/deploy}), on
 * the Jakarta APIs the server would provide: this extracts the WAR's classes and libraries, the
 * libraries the build moved out of it ({@code MICRO-INF/lib}) and those few API jars from Payara
 * Micro's runtime to a temporary directory, and runs the CLI in a class loader over them. The
 * directory is deleted when the command ends.
 */
final class OperatorCliLoader {

  static final String WAR = "MICRO-INF/deploy/ROOT.war";
  static final String CLI = "app.huberman.bootstrap.wiring.CliWiring";

  /**
   * What the persistence adapter needs from the platform outside the server: JPA and JTA for
   * Hibernate, JAXB for persistence.xml, JSON-B (Hibernate finds its API and wants the provider),
   * and the annotations the adapters carry.
   */
  static final List<String> PLATFORM_JARS =
      List.of(
          "jakarta.persistence-api.jar",
          "jakarta.transaction-api.jar",
          "jakarta.xml.bind-api.jar",
          "jaxb-osgi.jar",
          "jakarta.activation-api.jar",
          "angus-activation.jar",
          "classmate.jar",
          "jakarta.json.bind-api.jar",
          "yasson.jar",
          "jakarta.json.jar",
          "jakarta.inject-api.jar",
          "jakarta.enterprise.cdi-api.jar",
          "jakarta.enterprise.lang-model.jar",
          "jakarta.interceptor-api.jar",
          "jakarta.annotation-api.jar");

  private static final String RUNTIME = "MICRO-INF/runtime/";

  /** The application's libraries the build moved out of the WAR, onto Payara Micro's class path. */
  private static final String SERVER_LIBRARIES = "MICRO-INF/lib/";

  private OperatorCliLoader() {}

  /**
   * @return the CLI's exit status
   */
  static int run(
      String[] args,
      Map<String, String> environment,
      BiConsumer<Map<String, String>, List<String>> server)
      throws Exception {
    Path jar = ownJar();
    Path directory = Files.createTempDirectory("huberman-cli");
    try {
      List<URL> classPath = extract(jar, directory);
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      try (URLClassLoader loader =
          new URLClassLoader(
              "huberman-cli", classPath.toArray(URL[]::new), Launcher.class.getClassLoader())) {
        // Flyway and JPA find their resources and providers through the context class loader.
        Thread.currentThread().setContextClassLoader(loader);
        return (int)
            Class.forName(CLI, true, loader)
                .getMethod("run", String[].class, Map.class, BiConsumer.class)
                .invoke(null, args, environment, server);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        throw e;
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    } finally {
      deleteRecursively(directory);
    }
  }

  private static Path ownJar() throws URISyntaxException {
    URI location = Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    return Path.of(location);
  }

  /**
   * The WAR's classes and libraries, the libraries moved beside it, then the platform's API jars;
   * returns the class path.
   */
  static List<URL> extract(Path jar, Path directory) throws IOException {
    List<URL> classPath = new ArrayList<>();
    Path classes = directory.resolve("classes");
    Path lib = Files.createDirectories(directory.resolve("lib"));
    try (ZipFile runnable = new ZipFile(jar.toFile())) {
      ZipEntry war = runnable.getEntry(WAR);
      if (war == null) {
        throw new IllegalStateException(
            jar.getFileName() + " holds no application; run the commands from huberman-app.jar");
      }
      try (ZipInputStream entries = new ZipInputStream(runnable.getInputStream(war))) {
        for (ZipEntry entry = entries.getNextEntry();
            entry != null;
            entry = entries.getNextEntry()) {
          String name = entry.getName();
          if (entry.isDirectory() || name.contains("..")) {
            continue;
          }
          if (name.startsWith("WEB-INF/classes/")) {
            copy(entries, classes.resolve(name.substring("WEB-INF/classes/".length())));
          } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
            Path target = lib.resolve(name.substring("WEB-INF/lib/".length()));
            copy(entries, target);
            classPath.add(url(target));
          }
        }
      }
      classPath.addFirst(url(classes));
      runnable.stream()
          .filter(entry -> entry.getName().startsWith(SERVER_LIBRARIES))
          .filter(entry -> entry.getName().endsWith(".jar") && !entry.getName().contains(".."))
          .forEach(entry -> classPath.add(extractTo(runnable, entry, lib)));
      for (String name : PLATFORM_JARS) {
        ZipEntry entry = runnable.getEntry(RUNTIME + name);
        if (entry == null) {
          throw new IllegalStateException("Payara Micro's runtime has no " + name);
        }
        Path target = directory.resolve("platform").resolve(name);
        try (InputStream in = runnable.getInputStream(entry)) {
          copy(in, target);
        }
        classPath.add(url(target));
      }
    }
    return classPath;
  }

  private static URL extractTo(ZipFile runnable, ZipEntry entry, Path lib) {
    Path target = lib.resolve(entry.getName().substring(SERVER_LIBRARIES.length()));
    try (InputStream in = runnable.getInputStream(entry)) {
      copy(in, target);
      return url(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(OperatorCliLoader::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
