package app.huberman.bootstrap.e2e.support;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WARs with a {@link HangingDeployment}, written to {@code target/}. */
public final class HangingDeployments {

  private HangingDeployments() {}

  /** The listener alone, to deploy beside the app ({@code --deploy}). */
  public static Path war() {
    return export(
        ShrinkWrap.create(WebArchive.class, "hanging-deployment.war")
            .addClass(HangingDeployment.class));
  }

  /**
   * The application's own WAR (this build's) with the listener added: with {@code HANG_ON=deploy}
   * the application itself never finishes deploying, so it never serves.
   */
  public static Path appWar() {
    return export(
        ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("e2e.war")))
            .addClass(HangingDeployment.class));
  }

  private static Path export(WebArchive war) {
    File file =
        Path.of("target", "with-hanging-listener-" + war.getName()).toAbsolutePath().toFile();
    war.as(ZipExporter.class).exportTo(file, true);
    return file.toPath();
  }
}
