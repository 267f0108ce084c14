package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.application.shared.Violations;
import app.huberman.application.subscription.port.in.ChangeNoticePreferencesUseCase;
import app.huberman.application.subscription.port.in.ChangeNoticePreferencesUseCase.Change;
import app.huberman.application.subscription.port.in.ViewNoticePreferencesUseCase;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.NoticePreferences.Choice;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET/PUT /api/v1/user/notification-preferences}: which notices about the subscription the
 * user wants, by email and by push. A PUT sets the switches it names and keeps the others; a name
 * this API does not know is a 422 on it, a switch that is not {@code true} or {@code false} a 400.
 */
@Path("v1/user/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class NoticePreferencesResource {

  /** Both channels' switches, for the whole user or for one kind of notice. */
  public record Switches(boolean email, boolean push) {}

  /** {@code {"email": true, "push": true, "kinds": {"payment_problem": {"email": ...}, ...}}}. */
  public record NoticePreferencesResponse(
      boolean email, boolean push, Map<String, Switches> kinds) {

    static NoticePreferencesResponse from(NoticePreferences preferences) {
      Map<String, Switches> kinds = new LinkedHashMap<>();
      for (NoticeKind kind : NoticeKind.values()) {
        kinds.put(
            kind.key(),
            new Switches(
                preferences.kindOn(kind, NoticeChannel.EMAIL),
                preferences.kindOn(kind, NoticeChannel.PUSH)));
      }
      return new NoticePreferencesResponse(
          preferences.channelOn(NoticeChannel.EMAIL),
          preferences.channelOn(NoticeChannel.PUSH),
          kinds);
    }
  }

  private final ViewNoticePreferencesUseCase view;
  private final ChangeNoticePreferencesUseCase change;

  @Inject
  public NoticePreferencesResource(
      ViewNoticePreferencesUseCase view, ChangeNoticePreferencesUseCase change) {
    this.view = Objects.requireNonNull(view, "view");
    this.change = Objects.requireNonNull(change, "change");
  }

  @GET
  public NoticePreferencesResponse preferences(@Context SecurityContext security) {
    return NoticePreferencesResponse.from(view.preferencesOf(Caller.of(security).userId()));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public NoticePreferencesResponse change(String body, @Context SecurityContext security) {
    Change requested = changeOf(parse(body));
    return NoticePreferencesResponse.from(change.change(Caller.of(security).userId(), requested));
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException();
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException unreadable) {
      // JsonException for bad syntax, IllegalStateException for an array, and Parsson's plain
      // RuntimeException past its nesting limit: all the client's body, none our failure.
      throw new BadRequestException(unreadable);
    }
  }

  private static Change changeOf(JsonObject body) {
    Violations violations = new Violations();
    Map<NoticeChannel, Boolean> channels = new EnumMap<>(NoticeChannel.class);
    Map<Choice, Boolean> kinds = new HashMap<>();
    for (Map.Entry<String, JsonValue> field : body.entrySet()) {
      Optional<NoticeChannel> channel = NoticeChannel.fromKey(field.getKey());
      if (channel.isPresent()) {
        channels.put(channel.get(), bool(field.getValue()));
      } else if (field.getKey().equals("kinds")) {
        readKinds(object(field.getValue()), kinds, violations);
      } else {
        violations.add(field.getKey(), "Not a setting: email, push and kinds are");
      }
    }
    violations.throwIfAny();
    return new Change(channels, kinds);
  }

  private static void readKinds(
      JsonObject kinds, Map<Choice, Boolean> choices, Violations violations) {
    for (Map.Entry<String, JsonValue> entry : kinds.entrySet()) {
      Optional<NoticeKind> kind = NoticeKind.fromKey(entry.getKey());
      if (kind.isEmpty()) {
        violations.add("kinds." + entry.getKey(), "Not a kind of notice");
        continue;
      }
      for (Map.Entry<String, JsonValue> field : object(entry.getValue()).entrySet()) {
        Optional<NoticeChannel> channel = NoticeChannel.fromKey(field.getKey());
        if (channel.isEmpty()) {
          violations.add(
              "kinds." + entry.getKey() + "." + field.getKey(), "Not a channel: email or push");
          continue;
        }
        choices.put(new Choice(kind.get(), channel.get()), bool(field.getValue()));
      }
    }
  }

  private static boolean bool(JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    throw new BadRequestException();
  }

  private static JsonObject object(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequestException();
    }
    return value.asJsonObject();
  }
}
