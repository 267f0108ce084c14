package app.huberman.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation stands on its own: every relative link of every Markdown file in the repository
 * leads to a file or folder of the repository (and a {@code #fragment} into a Markdown file to one
 * of its headings), and no file names a design document kept outside the repository.
 *
 * <p>Tests run in the module's folder ({@code bootstrap}), so the repository is {@code ..}.
 */
class DocumentationLinksTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** Build output, Git's own files and the Maven wrapper's: nothing a person writes. */
  private static final Set<String> SKIPPED = Set.of("target", ".git", ".mvn", "node_modules");

  /**
   * The design documents that lived beside the repository when the project started. Written in
   * pieces so that this file, which the check reads too, does not name them itself.
   */
  private static final List<String> OUTSIDE_DOCUMENTS =
      List.of("ARCHITECTURE" + ".md", "STYLE" + ".md", "STACK-" + "NOTES", "shared/" + "seed");

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION =
      Pattern.compile("^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*<?([^\\s>]+)>?.*$", Pattern.MULTILINE);
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  private static final Pattern LINK_IN_HEADING = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

  @Test
  void everyRelativeLinkOfTheDocumentationLeadsIntoTheRepository() throws IOException {
    List<Path> markdown = files().stream().filter(DocumentationLinksTest::isMarkdown).toList();
    assertThat(markdown)
        .as("Markdown files found under %s", REPOSITORY)
        .contains(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("docs/architecture.md"));

    List<String> broken = new ArrayList<>();
    Map<Path, Set<String>> anchors = new HashMap<>();
    for (Path file : markdown) {
      // Whole documents, not lines: a link's text may wrap onto the next line.
      String text = String.join("\n", prose(Files.readAllLines(file, StandardCharsets.UTF_8)));
      for (String target : linkTargets(text)) {
        problem(file, target, anchors)
            .ifPresent(p -> broken.add(REPOSITORY.relativize(file) + " links to " + p));
      }
    }

    assertThat(broken).as("relative links that lead nowhere in the repository").isEmpty();
  }

  @Test
  void noFileNamesADesignDocumentKeptOutsideTheRepository() throws IOException {
    List<String> mentions = new ArrayList<>();
    for (Path file : files()) {
      // ISO-8859-1 reads any bytes; the names looked for are ASCII.
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        for (String name : OUTSIDE_DOCUMENTS) {
          if (lines.get(i).contains(name)) {
            mentions.add(REPOSITORY.relativize(file) + ":" + (i + 1) + " names " + name);
          }
        }
      }
    }

    assertThat(mentions)
        .as(
            "references to design documents outside the repository (say it here, or point at a"
                + " file of the repository such as docs/architecture.md)")
        .isEmpty();
  }

  @Test
  void headingsTurnIntoTheFragmentsGitHubGivesThem() {
    assertThat(slugs(List.of("## Lapse and re-check when a renewal is never reported")))
        .containsExactly("lapse-and-re-check-when-a-renewal-is-never-reported");
    assertThat(slugs(List.of("### Stripe (`POST /api/v1/webhooks/stripe`)")))
        .containsExactly("stripe-post-apiv1webhooksstripe");
    assertThat(slugs(List.of("## Devices (push tokens)", "## Devices (push tokens)")))
        .containsExactly("devices-push-tokens", "devices-push-tokens-1");
    assertThat(slugs(List.of("## Addendum: BouncyCastle [ADR](x.md), *kept* — café_2 #")))
        .containsExactly("addendum-bouncycastle-adr-kept--café_2");
  }

  @Test
  void linksAreFoundInProseOnly() {
    assertThat(linkTargets("See [the guide](docs/api.md#errors) and ![a chart](c.png \"C\")."))
        .containsExactly("docs/api.md#errors", "c.png");
    assertThat(linkTargets("[ci]: docs/ci.md \"CI\"")).containsExactly("docs/ci.md");
    assertThat(linkTargets("a [link whose text\nwraps](docs/jobs.md) b"))
        .containsExactly("docs/jobs.md");
    assertThat(linkTargets("Code is not a link: `[x](nowhere.md)`, ``a `[y](z.md)` b``."))
        .isEmpty();
    assertThat(prose(List.of("```java", "[x](nowhere.md)", "```", "[y](y.md)")))
        .containsExactly("", "", "", "[y](y.md)");
  }

  /** What is wrong with a link, if anything: a file or a heading that does not exist. */
  private static Optional<String> problem(Path from, String target, Map<Path, Set<String>> anchors)
      throws IOException {
    if (target.isEmpty() || SCHEME.matcher(target).find()) {
      return Optional.empty();
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? "" : target.substring(hash + 1);
    Path resolved;
    if (path.isEmpty()) {
      resolved = from;
    } else {
      String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      Path base = decoded.startsWith("/") ? REPOSITORY : from.getParent();
      resolved = base.resolve(decoded.replaceFirst("^/+", "")).normalize();
    }
    if (!resolved.startsWith(REPOSITORY)) {
      return Optional.of(target + " (outside the repository)");
    }
    if (!Files.exists(resolved)) {
      return Optional.of(target + " (no such file)");
    }
    if (fragment.isEmpty() || !isMarkdown(resolved)) {
      return Optional.empty();
    }
    Set<String> headings =
        anchors.computeIfAbsent(resolved, DocumentationLinksTest::headingSlugsOf);
    String wanted = URLDecoder.decode(fragment, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return headings.contains(wanted)
        ? Optional.empty()
        : Optional.of(target + " (no such heading in " + REPOSITORY.relativize(resolved) + ")");
  }

  /** Every file under the repository but those of {@link #SKIPPED} folders. */
  private static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(REPOSITORY)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !skipped(REPOSITORY.relativize(file)))
          .sorted()
          .toList();
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMarkdown(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
  }

  /** The lines, with those of fenced code blocks blanked (examples, not links or headings). */
  static List<String> prose(List<String> lines) {
    List<String> prose = new ArrayList<>(lines.size());
    String fence = null;
    for (String line : lines) {
      Matcher opening = FENCE.matcher(line);
      if (fence == null && opening.find()) {
        fence = opening.group(1);
        prose.add("");
      } else if (fence != null) {
        if (line.strip().startsWith(fence)) {
          fence = null;
        }
        prose.add("");
      } else {
        prose.add(line);
      }
    }
    return prose;
  }

  /** The targets of the inline links, images and link definitions of some prose. */
  static List<String> linkTargets(String prose) {
    String text = CODE_SPAN.matcher(prose).replaceAll("code");
    List<String> targets = new ArrayList<>();
    Matcher definition = REFERENCE_DEFINITION.matcher(text);
    while (definition.find()) {
      targets.add(definition.group(1));
    }
    Matcher link = INLINE_LINK.matcher(text);
    while (link.find()) {
      targets.add(link.group(1));
    }
    return targets;
  }

  private static Set<String> headingSlugsOf(Path markdown) {
    try {
      return slugs(prose(Files.readAllLines(markdown, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + markdown, e);
    }
  }

  /**
   * The fragments GitHub gives the ATX headings ({@code ## Title}) of a document, in order: the
   * heading's text as rendered (code spans, links and tags reduced to their text), lower-cased,
   * every character but letters, digits, marks, {@code -}, {@code _} and spaces dropped, each space
   * turned into {@code -}; a repeated fragment gets {@code -1}, {@code -2}, ... (github-slugger).
   */
  static Set<String> slugs(List<String> lines) {
    Set<String> slugs = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (!heading.matches()) {
        continue;
      }
      String slug = slug(heading.group(1) == null ? "" : heading.group(1));
      int repeats = seen.merge(slug, 1, Integer::sum) - 1;
      slugs.add(repeats == 0 ? slug : slug + "-" + repeats);
    }
    return slugs;
  }

  private static String slug(String heading) {
    String text = CODE_SPAN.matcher(heading).replaceAll(span -> codeOf(span.group()));
    text =
        LINK_IN_HEADING.matcher(text).replaceAll(link -> Matcher.quoteReplacement(link.group(1)));
    text = HTML_TAG.matcher(text).replaceAll("");
    StringBuilder slug = new StringBuilder();
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(DocumentationLinksTest::keptInSlug)
        .forEach(c -> slug.appendCodePoint(c == ' ' ? '-' : c));
    return slug.toString();
  }

  /** The text of a code span: what lies between its opening and closing backticks. */
  private static String codeOf(String span) {
    int ticks = 0;
    while (span.charAt(ticks) == '`') {
      ticks++;
    }
    return Matcher.quoteReplacement(span.substring(ticks, span.length() - ticks).strip());
  }

  private static boolean keptInSlug(int c) {
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c)
        || c == '-'
        || c == '_'
        || c == ' '
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
