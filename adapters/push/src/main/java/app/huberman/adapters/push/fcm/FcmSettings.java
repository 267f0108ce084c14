package app.huberman.adapters.push.fcm;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where FCM's HTTP v1 API takes this app's pushes.
 *
 * @param projectId the Firebase project (FCM_PROJECT_ID)
 * @param apiUrl the API's base URL (FCM_API_URL; tests only)
 */
public record FcmSettings(String projectId, URI apiUrl) {

  public static final URI DEFAULT_API_URL = URI.create("https://fcm.googleapis.com");

  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,62}");

  public FcmSettings {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(apiUrl, "apiUrl");
    projectId = projectId.strip();
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException("FCM_PROJECT_ID is not a project id: '" + projectId + "'");
    }
    String scheme = apiUrl.getScheme();
    if (!apiUrl.isAbsolute()
        || apiUrl.getHost() == null
        || !("https".equals(scheme) || "http".equals(scheme))) {
      throw new IllegalArgumentException("FCM_API_URL is not an http(s) URL: " + apiUrl);
    }
  }

  URI sendUrl() {
    String base = apiUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/v1/projects/" + projectId + "/messages:send");
  }
}
