package app.huberman.domain.subscription;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which notices a user wants, and how: a switch per channel, and per kind and channel. A notice
 * goes by a channel when both are on. Everything is on until the user turns it off.
 *
 * @param channelsOff the channels switched off altogether
 * @param choicesOff the kinds switched off for one channel
 */
public record NoticePreferences(Set<NoticeChannel> channelsOff, Set<Choice> choicesOff) {

  /** One kind of notice by one channel. */
  public record Choice(NoticeKind kind, NoticeChannel channel) {

    public Choice {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(channel, "channel");
    }
  }

  public static final NoticePreferences DEFAULTS = new NoticePreferences(Set.of(), Set.of());

  public NoticePreferences {
    channelsOff = Set.copyOf(channelsOff);
    choicesOff = Set.copyOf(choicesOff);
  }

  /** Whether a notice of this kind goes by this channel. */
  public boolean allows(NoticeKind kind, NoticeChannel channel) {
    return channelOn(channel) && !choicesOff.contains(new Choice(kind, channel));
  }

  /** The channel's own switch, whatever the kinds say. */
  public boolean channelOn(NoticeChannel channel) {
    return !channelsOff.contains(channel);
  }

  /** The switch of one kind by one channel, whatever the channel's own switch says. */
  public boolean kindOn(NoticeKind kind, NoticeChannel channel) {
    return !choicesOff.contains(new Choice(kind, channel));
  }

  public NoticePreferences withChannel(NoticeChannel channel, boolean on) {
    Set<NoticeChannel> off = copy(channelsOff, NoticeChannel.class);
    if (on) {
      off.remove(channel);
    } else {
      off.add(channel);
    }
    return new NoticePreferences(off, choicesOff);
  }

  public NoticePreferences withKind(NoticeKind kind, NoticeChannel channel, boolean on) {
    Set<Choice> off = new java.util.HashSet<>(choicesOff);
    if (on) {
      off.remove(new Choice(kind, channel));
    } else {
      off.add(new Choice(kind, channel));
    }
    return new NoticePreferences(channelsOff, off);
  }

  private static <E extends Enum<E>> Set<E> copy(Set<E> set, Class<E> type) {
    return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
  }
}
